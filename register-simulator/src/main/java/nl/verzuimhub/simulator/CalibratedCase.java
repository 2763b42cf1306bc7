package nl.verzuimhub.simulator;

import nl.verzuimhub.core.record.ExemptionArticle;

/**
 * The register case a calibrated region gives a pupil by quota rather than by chance: an absolute-absence signal or
 * an LRV report of a given {@link Episode}, or an exemption of a given article (5a kept or withdrawn; the other
 * articles withdrawn by chance, 3%). A pupil has at most one.
 */
enum CalibratedCase {
    AV_SHORT(Episode.SHORT, null),
    AV_LONG(Episode.LONG, null),
    AV_WITHDRAWN(Episode.WITHDRAWN, null),
    LRV_SHORT(Episode.SHORT, null),
    LRV_LONG(Episode.LONG, null),
    LRV_WITHDRAWN(Episode.WITHDRAWN, null),
    EXEMPTION_5A(null, ExemptionArticle.ART_5A),
    EXEMPTION_5A_WITHDRAWN(Episode.WITHDRAWN, ExemptionArticle.ART_5A),
    EXEMPTION_5B(null, ExemptionArticle.ART_5B),
    EXEMPTION_5C(null, ExemptionArticle.ART_5C),
    EXEMPTION_3A(null, ExemptionArticle.ART_3A),
    EXEMPTION_3B(null, ExemptionArticle.ART_3B),
    EXEMPTION_15(null, ExemptionArticle.ART_15);

    private static final CalibratedCase[] ALL = values();

    private final Episode episode;
    private final ExemptionArticle article;

    CalibratedCase(Episode episode, ExemptionArticle article) {
        this.episode = episode;
        this.article = article;
    }

    /** The episode of an AV or LRV case, or {@link Episode#WITHDRAWN} for a withdrawn 5a; null otherwise. */
    Episode episode() {
        return episode;
    }

    /** The article of an exemption case; null for AV and LRV. */
    ExemptionArticle article() {
        return article;
    }

    boolean absoluteAbsence() {
        return name().startsWith("AV_");
    }

    boolean longTermRelative() {
        return name().startsWith("LRV_");
    }

    /** The byte a {@link QuotaAssignment} stores for this case (0 means none). */
    byte code() {
        return (byte) (ordinal() + 1);
    }

    /** The case stored as {@code code}, or null for 0. */
    static CalibratedCase of(byte code) {
        return code == 0 ? null : ALL[code - 1];
    }
}
