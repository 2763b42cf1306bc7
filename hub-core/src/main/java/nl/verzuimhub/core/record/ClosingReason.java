package nl.verzuimhub.core.record;

/** Why an absence report was closed (reden afsluiting), as the register codes it. */
public enum ClosingReason {
    TERUG_NAAR_SCHOOL, ANDERE_OPLEIDING, WERK, BEEINDIGD_OVERIG, OVERLEDEN, LANGDURIG_ZIEK, LEGITIEM_AFWEZIG
}
