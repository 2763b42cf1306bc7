package nl.verzuimhub.connectors.register;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import nl.verzuimhub.connectors.register.xml.MutatieBatch;
import nl.verzuimhub.core.port.QuarantinedPage;
import nl.verzuimhub.core.port.RegisterPageStore;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.RegisterPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one page the register answered with HTTP 200: parse, check, map, then store all of it or none of it. The
 * work is split in two so that a caller may read the next page while this one is being stored: {@link #read} (parse,
 * check, map; no side effects) and {@link #apply} (store or quarantine, log); {@link #handle} does both.
 *
 * <p>Contract of {@link #handle} (and of {@link #apply} on what {@link #read} returned):
 * <ul>
 *   <li>If the page is well-formed, valid against the register's XSD, passes {@code RegisterPageValidator} and every
 *       mutation maps to a hub-core record, it calls {@link RegisterPageStore#store} exactly once with all mutations in
 *       feed order and {@code VolgendVolgnummer} as the new cursor, and returns {@link PageOutcome#stored}.</li>
 *   <li>Otherwise it calls {@link RegisterPageStore#quarantine} exactly once with the body as received and a reason
 *       free of personal data, never calls {@code store}, and returns {@link PageOutcome#quarantined} (more = false,
 *       cursor unchanged). One bad mutation quarantines the whole page.</li>
 *   <li>Exceptions thrown by the store propagate unchanged: the store's transaction decides what was kept, and the
 *       caller retries the page at the next poll.</li>
 * </ul>
 * It logs only the {@code vanaf}, volgnummers, record kinds, ids, versions, counts and quarantine reasons. Thread-safe
 * as long as the store is.
 */
public class RegisterPageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterPageHandler.class);

    private final RegisterPageStore store;
    private final Clock clock;
    private final RegisterPageParser parser;
    private final RegisterPageValidator validator;
    private final MutationMapper mapper;
    private final PageLimits limits;

    /**
     * @param store where stored and quarantined pages go (the server's persistence)
     * @param clock the time stamp of a quarantined page ({@link QuarantinedPage#receivedAt()})
     */
    public RegisterPageHandler(RegisterPageStore store, Clock clock) {
        this(store, clock, PageLimits.DEFAULTS);
    }

    /**
     * @param limits a page with more mutations than {@link PageLimits#maxMutations()} is quarantined (the byte limit is
     *               applied while reading, see {@link #handleOversized})
     */
    public RegisterPageHandler(RegisterPageStore store, Clock clock, PageLimits limits) {
        this(store, clock, new RegisterPageParser(), new RegisterPageValidator(), new MutationMapper(), limits);
    }

    RegisterPageHandler(RegisterPageStore store, Clock clock, RegisterPageParser parser, RegisterPageValidator validator,
                        MutationMapper mapper) {
        this(store, clock, parser, validator, mapper, PageLimits.DEFAULTS);
    }

    RegisterPageHandler(RegisterPageStore store, Clock clock, RegisterPageParser parser, RegisterPageValidator validator,
                        MutationMapper mapper, PageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Handles the body of the answer to {@code GET /v1/mutaties?vanaf=requestedFrom}: {@link #read}, then
     * {@link #apply}.
     *
     * @param requestedFrom the {@code vanaf} that was asked, 0 or more
     * @param body          the response body exactly as received
     */
    public PageOutcome handle(long requestedFrom, byte[] body) {
        return apply(read(requestedFrom, body));
    }

    /**
     * Quarantines a page that was not read whole because it is larger than {@link PageLimits#maxBytes()}: nothing of
     * it is parsed or kept (the quarantine row holds its size and reason, not its body). {@link #readOversized}, then
     * {@link #apply}.
     *
     * @param atLeastBytes the Content-Length, or how much had arrived when reading stopped
     */
    public PageOutcome handleOversized(long requestedFrom, long atLeastBytes) {
        return apply(readOversized(requestedFrom, atLeastBytes));
    }

    /**
     * The first half of {@link #handle}, without side effects (it neither stores nor logs): parses, checks and maps the
     * body, and says whether the page is ready to store or is refused (with its reason, the body as received and the
     * time it was received). May run on another thread than {@link #apply}.
     *
     * @param requestedFrom the {@code vanaf} that was asked, 0 or more
     * @param body          the response body exactly as received
     */
    public ReadPage read(long requestedFrom, byte[] body) {
        if (requestedFrom < 0) {
            throw new IllegalArgumentException("vanaf cannot be negative: " + requestedFrom);
        }
        Objects.requireNonNull(body, "body");
        long started = System.nanoTime();
        try {
            MutatieBatch batch = parser.parse(body);
            if (batch.getMutatie().size() > limits.maxMutations()) {
                throw new PageRejectedException("the page carries " + batch.getMutatie().size()
                        + " mutations, more than the limit of " + limits.maxMutations() + " per page");
            }
            validator.validate(batch);
            List<Mutation> mutations = mapper.mapAll(batch.getMutatie());
            RegisterPage page = new RegisterPage(requestedFrom, mutations, batch.getVolgendVolgnummer(), batch.isMeer());
            return ReadPage.storable(page, (System.nanoTime() - started) / 1_000_000);
        } catch (PageRejectedException rejected) {
            return ReadPage.refused(new QuarantinedPage(requestedFrom, clock.instant(), rejected.reason(), body));
        }
    }

    /** The first half of {@link #handleOversized}, without side effects: the page refused, unread. */
    public ReadPage readOversized(long requestedFrom, long atLeastBytes) {
        String reason = "the page is larger than the limit of " + limits.maxBytes() + " bytes (at least " + atLeastBytes
                + " bytes); it was not read";
        return ReadPage.refused(new QuarantinedPage(requestedFrom, clock.instant(), reason, new byte[0], atLeastBytes));
    }

    /**
     * The second half of {@link #handle}: stores a page ready to store (exactly one {@link RegisterPageStore#store}) or
     * quarantines a refused one (exactly one {@link RegisterPageStore#quarantine}), logs it and says what was done.
     * Exceptions of the store propagate unchanged.
     */
    public PageOutcome apply(ReadPage read) {
        long requestedFrom = read.requestedFrom();
        if (read.refused()) {
            QuarantinedPage refusal = read.refusal();
            store.quarantine(refusal);
            if (refusal.body().length == refusal.sizeBytes()) {
                LOG.warn("register page vanaf={} ({} bytes) quarantined, cursor stays: {}", requestedFrom,
                        refusal.sizeBytes(), refusal.reason());
            } else {
                LOG.warn("register page vanaf={} quarantined, cursor stays: {}", requestedFrom, refusal.reason());
            }
            return PageOutcome.quarantined(requestedFrom, refusal.reason());
        }
        RegisterPage page = read.page();
        long storing = System.nanoTime();
        int changed = store.store(page);
        logStored(page, changed, read.readMillis(), (System.nanoTime() - storing) / 1_000_000);
        boolean progressed = page.nextSequence() > requestedFrom;
        if (page.more() && !progressed) {
            LOG.warn("register page vanaf={} says Meer but did not move the cursor; waiting for the next poll", requestedFrom);
        }
        return PageOutcome.stored(requestedFrom, page.mutations().size(), changed, page.nextSequence(),
                read.followingPage().isPresent());
    }

    private static void logStored(RegisterPage page, int changed, long parseMillis, long storeMillis) {
        List<Mutation> mutations = page.mutations();
        if (LOG.isDebugEnabled()) {
            for (Mutation m : mutations) {
                LOG.debug("register mutation volgnummer={} action={} kind={} id={} version={}", m.sequence(), m.action(),
                        m.record().kind(), m.record().id(), m.record().version());
            }
        }
        if (mutations.isEmpty()) {
            LOG.debug("register page vanaf={} stored: no mutations, cursor now {}, more={}", page.requestedFrom(),
                    page.nextSequence(), page.more());
        } else {
            LOG.info("register page vanaf={} stored: {} mutations (volgnummer {}..{}), {} changed stored state, cursor now {},"
                    + " more={}; read in {} ms, stored in {} ms", page.requestedFrom(), mutations.size(),
                    mutations.get(0).sequence(), mutations.get(mutations.size() - 1).sequence(), changed,
                    page.nextSequence(), page.more(), parseMillis, storeMillis);
        }
    }
}
