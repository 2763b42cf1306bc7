package nl.verzuimhub.connectors.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** The size limit without a Content-Length (a chunked answer): reading stops as soon as the limit is passed. */
class BoundedBodySubscriberTest {
    private static final class Subscription implements Flow.Subscription {
        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Test
    void aBodyWithinTheLimitIsCollectedWhole() throws Exception {
        BoundedBodySubscriber subscriber = new BoundedBodySubscriber(10, -1);
        Subscription subscription = new Subscription();
        subscriber.onSubscribe(subscription);
        subscriber.onNext(List.of(ByteBuffer.wrap("hello ".getBytes()), ByteBuffer.wrap("hub".getBytes())));
        subscriber.onComplete();

        PageBody body = subscriber.getBody().toCompletableFuture().get();
        assertThat(new String(body.bytes())).isEqualTo("hello hub");
        assertThat(body.oversized()).isFalse();
        assertThat(subscription.cancelled).isFalse();
    }

    @Test
    void aChunkedBodyOverTheLimitStopsTheReadingAndKeepsNothing() throws Exception {
        BoundedBodySubscriber subscriber = new BoundedBodySubscriber(10, -1);
        Subscription subscription = new Subscription();
        subscriber.onSubscribe(subscription);
        subscriber.onNext(List.of(ByteBuffer.wrap(new byte[8])));
        subscriber.onNext(List.of(ByteBuffer.wrap(new byte[8])));

        PageBody body = subscriber.getBody().toCompletableFuture().get();
        assertThat(body.oversized()).isTrue();
        assertThat(body.size()).isEqualTo(16);
        assertThat(body.bytes()).isEmpty();
        assertThat(subscription.cancelled).isTrue();
        assertThat(subscription.requested).as("no further chunk is asked for").isEqualTo(2);
    }

    @Test
    void anAnnouncedLengthOverTheLimitIsRefusedBeforeReadingAnything() throws Exception {
        BoundedBodySubscriber subscriber = new BoundedBodySubscriber(10, 1_000_000_000L);
        Subscription subscription = new Subscription();
        subscriber.onSubscribe(subscription);

        PageBody body = subscriber.getBody().toCompletableFuture().get();
        assertThat(body.oversized()).isTrue();
        assertThat(body.size()).isEqualTo(1_000_000_000L);
        assertThat(subscription.cancelled).isTrue();
        assertThat(subscription.requested).isZero();
    }
}
