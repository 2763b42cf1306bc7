package nl.verzuimhub.connectors.register;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit. As soon as more than {@code maxBytes} arrive (or the Content-Length
 * announces more) it cancels the subscription, which closes the connection, and completes with
 * {@link PageBody#tooLarge}: at most {@code maxBytes} plus one network buffer are ever held in memory.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<PageBody> {
    private final long maxBytes;
    private final long announced;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<PageBody> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private long received;

    /**
     * @param maxBytes  the largest body accepted
     * @param announced the Content-Length, or -1 when unknown
     */
    BoundedBodySubscriber(long maxBytes, long announced) {
        this.maxBytes = maxBytes;
        this.announced = announced;
    }

    /** A body handler that applies the limit to every response. */
    static HttpResponse.BodyHandler<PageBody> handler(long maxBytes) {
        return info -> new BoundedBodySubscriber(maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Override
    public CompletionStage<PageBody> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (announced > maxBytes) {
            result.complete(PageBody.tooLarge(announced));
            subscription.cancel();
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            received += item.remaining();
            if (received > maxBytes) {
                buffer.reset();
                result.complete(PageBody.tooLarge(received));
                subscription.cancel();
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            buffer.write(chunk, 0, chunk.length);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(PageBody.of(buffer.toByteArray()));
    }
}
