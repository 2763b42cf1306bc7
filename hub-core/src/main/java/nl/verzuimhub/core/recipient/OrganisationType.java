package nl.verzuimhub.core.recipient;

/** What kind of code identifies an organisation. */
public enum OrganisationType {
    /** A municipality, by its four-digit CBS gemeentecode. */
    MUNICIPALITY,
    /** A samenwerkingsverband, by its code (PO or VO and four digits). */
    PARTNERSHIP,
    /** A GGD region, by the hub's region id. */
    GGD_REGION,
    /** An RMC region, by the hub's region id. */
    RMC_REGION,
    /** Anything else (the hub's own privacy office, a ministry), by a free id. */
    OTHER
}
