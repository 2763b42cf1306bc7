package nl.verzuimhub.simulator;

/** The register's school sectors, in the order {@link Municipality} counts its schools. */
enum Sector {
    /** Primary education, ages 4 to 12. */
    PO,
    /** Special primary education. */
    SO,
    /** Secondary education, ages 12 to 18. */
    VO,
    /** Special secondary education. */
    VSO,
    /** Vocational education, ages 16 to 23. */
    MBO;

    /** True for the sectors whose schools belong to a PO partnership. */
    boolean primary() {
        return this == PO || this == SO;
    }
}
