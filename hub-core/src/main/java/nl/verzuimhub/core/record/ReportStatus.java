package nl.verzuimhub.core.record;

/** Status of an absence report or absolute-absence signal, as the register codes it. */
public enum ReportStatus { GEREGISTREERD, IN_BEHANDELING, AFGESLOTEN, INGETROKKEN, TER_KENNISGEVING_AANGENOMEN }
