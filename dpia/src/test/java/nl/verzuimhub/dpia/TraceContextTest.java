package nl.verzuimhub.dpia;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceContextTest {
    @Test
    void aValidTraceparentKeepsTheTraceAndStartsTheHubsOwnSpan() {
        TraceContext trace = TraceContext.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .orElseThrow();
        assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(trace.parentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(trace.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
        assertThat(trace.traceparent()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-" + trace.spanId() + "-01");
    }

    @Test
    void invalidHeadersAreIgnored() {
        assertThat(TraceContext.fromTraceparent(null)).isEmpty();
        assertThat(TraceContext.fromTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceContext.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isEmpty();
        assertThat(TraceContext.fromTraceparent("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceContext.fromTraceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceContext.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x")).isEmpty();
        assertThat(TraceContext.fromTraceparent("garbage")).isEmpty();
    }

    @Test
    void aLaterVersionIsReadByItsVersionZeroPrefix() {
        assertThat(TraceContext.fromTraceparent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-extra"))
                .hasValueSatisfying(trace -> assertThat(trace.sampled()).isFalse());
    }

    @Test
    void aNewTraceHasFreshIds() {
        TraceContext a = TraceContext.newTrace();
        TraceContext b = TraceContext.newTrace();
        assertThat(a.traceId()).matches("[0-9a-f]{32}").isNotEqualTo(b.traceId());
        assertThat(a.parentSpanId()).isNull();
    }
}
