package nl.verzuimhub.connectors.register;

/**
 * The most the connector accepts in one page; a page over either limit is quarantined, not processed.
 *
 * @param maxBytes     the largest body read, in bytes; reading stops as soon as a body exceeds it, so an oversized page
 *                     never sits in memory whole (at least 1 KiB)
 * @param maxMutations the most {@code Mutatie} elements on one page, 1 to {@link RegisterSettings#MAX_PAGE_SIZE}
 */
public record PageLimits(long maxBytes, int maxMutations) {
    /** 4 MiB: about three times a full page of 1,000 mutations. */
    public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024;
    public static final int DEFAULT_MAX_MUTATIONS = RegisterSettings.MAX_PAGE_SIZE;
    public static final PageLimits DEFAULTS = new PageLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_MUTATIONS);

    public PageLimits {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("register max page bytes must be at least 1024, got " + maxBytes);
        }
        if (maxMutations < 1 || maxMutations > RegisterSettings.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("register max mutations per page must be 1 to "
                    + RegisterSettings.MAX_PAGE_SIZE + ", got " + maxMutations);
        }
    }
}
