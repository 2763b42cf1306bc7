package nl.verzuimhub.connectors.register;

import java.util.Objects;

/**
 * What the register answered to one request for a page, and what {@link RegisterPageHandler#read} made of a page: the
 * facts only. Nothing has been decided, stored, counted or logged yet; {@link RegisterPoller} does that when it takes
 * the answer up, whether it was fetched just now or ahead of time. Exactly one of three kinds:
 * <ul>
 *   <li>a failure ({@link #failureCause} set): no answer, an answer the hub cannot use, or a page that could not be
 *       read; {@link #retryAfter} is the raw header, interpreted only when the answer is taken up;</li>
 *   <li>nothing new (HTTP 204 or 304);</li>
 *   <li>a page ({@link #page} set), ready to store or refused.</li>
 * </ul>
 *
 * @param requestedFrom the {@code vanaf} asked
 * @param failureCause  what kind of failure, or null
 * @param status        the register's HTTP status, 0 when there was no answer
 * @param retryAfter    the register's {@code Retry-After} header of a failure, or null
 * @param detail        a failure's description for an operator (see {@link PollFailure#detail}; the cause's tag when
 *                      there is none), or null when not a failure
 * @param page          the page read, or null
 */
record RegisterAnswer(long requestedFrom, FailureCause failureCause, int status, String retryAfter, String detail,
                      ReadPage page) {

    static RegisterAnswer failed(long requestedFrom, FailureCause cause, int status, String retryAfter, String detail) {
        Objects.requireNonNull(cause, "cause");
        return new RegisterAnswer(requestedFrom, cause, status, retryAfter, detail == null ? cause.tag() : detail,
                null);
    }

    static RegisterAnswer nothingNew(long requestedFrom, int status) {
        return new RegisterAnswer(requestedFrom, null, status, null, null, null);
    }

    static RegisterAnswer page(ReadPage page) {
        return new RegisterAnswer(page.requestedFrom(), null, 200, null, null, page);
    }

    boolean failed() {
        return failureCause != null;
    }

    boolean nothingNew() {
        return failureCause == null && page == null;
    }
}
