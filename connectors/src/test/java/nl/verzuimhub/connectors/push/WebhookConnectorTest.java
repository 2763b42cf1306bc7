package nl.verzuimhub.connectors.push;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookConnectorTest {
    static final String SECRET = "push-secret-for-tests-0001";
    static final WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static {
        receiver.start();
    }

    Clock clock = Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void reset() {
        receiver.resetAll();
    }

    @AfterAll
    static void stop() {
        receiver.stop();
    }

    WebhookConnector connector(WebhookSettings.OAuth2 oauth2, String secret) {
        return new WebhookConnector(new WebhookSettings(URI.create(receiver.baseUrl() + "/hook"), secret, oauth2,
                Duration.ofSeconds(2), Duration.ofMillis(1_500)), clock);
    }

    @Test
    void postsTheFeedPageBodySignedWithTimestampAndIdempotencyKey() {
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(202)));
        PushBatch batch = Batches.two();

        DeliveryResult result = connector(null, SECRET).deliver(batch);

        assertThat(result).isEqualTo(new DeliveryResult.Delivered("HTTP 202"));
        LoggedRequest request = receiver.findAll(postRequestedFor(urlPathEqualTo("/hook"))).get(0);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo(batch.idempotencyKey());
        assertThat(request.getHeader("X-Hub-Timestamp")).isEqualTo("1795395600");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getBody()).isEqualTo(batch.jsonBody());
        assertThat(request.getHeader("X-Hub-Signature-256")).matches("sha256=[0-9a-f]{64}");
        assertThat(Signature.verify(SECRET, request.getHeader("X-Hub-Timestamp"), request.getBody(),
                request.getHeader("X-Hub-Signature-256"))).isTrue();
        assertThat(Signature.verify("another-secret-0000001", request.getHeader("X-Hub-Timestamp"), request.getBody(),
                request.getHeader("X-Hub-Signature-256"))).isFalse();
        assertThat(Signature.verify(SECRET, "1795395601", request.getBody(), request.getHeader("X-Hub-Signature-256")))
                .as("the timestamp is signed too").isFalse();
    }

    @Test
    void aConflictEchoingTheSameKeyMeansAlreadyDeliveredAnyOtherConflictDoesNot() {
        PushBatch batch = Batches.two();
        receiver.stubFor(post("/hook").withHeader("Idempotency-Key", equalTo(batch.idempotencyKey()))
                .willReturn(aResponse().withStatus(409).withHeader("Idempotency-Key", batch.idempotencyKey())));
        assertThat(connector(null, SECRET).deliver(batch)).isInstanceOf(DeliveryResult.Delivered.class);

        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(409).withBody("version conflict")));
        assertThat(connector(null, SECRET).deliver(Batches.two())).isEqualTo(new DeliveryResult.Failed("HTTP 409", null));
    }

    @Test
    void serverErrorsCarryRetryAfterAndClientErrorsFailToo() {
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")));
        assertThat(connector(null, SECRET).deliver(Batches.two()))
                .isEqualTo(new DeliveryResult.Failed("HTTP 503", Duration.ofSeconds(7)));

        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "Mon, 23 Nov 2026 01:00:30 GMT")));
        assertThat(connector(null, SECRET).deliver(Batches.two()))
                .isEqualTo(new DeliveryResult.Failed("HTTP 429", Duration.ofSeconds(30)));

        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(422)));
        assertThat(connector(null, SECRET).deliver(Batches.two())).isEqualTo(new DeliveryResult.Failed("HTTP 422", null));
    }

    @Test
    void resetsAndSlowAnswersFailWithoutThrowing() {
        receiver.stubFor(post("/hook").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(connector(null, SECRET).deliver(Batches.two())).isInstanceOf(DeliveryResult.Failed.class)
                // Seen by the JDK client as a broken connection, or (Jetty's reset races the response) as no answer.
                .extracting(r -> ((DeliveryResult.Failed) r).reason()).asString()
                .matches("(connection failed|timeout): \\w+");

        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withFixedDelay(4_000)));
        long start = System.nanoTime();
        DeliveryResult slow = connector(null, SECRET).deliver(Batches.two());
        assertThat(slow).isInstanceOf(DeliveryResult.Failed.class)
                .extracting(r -> ((DeliveryResult.Failed) r).reason()).asString().startsWith("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_500));
    }

    @Test
    void oauth2TokenIsFetchedOnceCachedAndRenewedAfterA401() {
        receiver.stubFor(post("/token").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        receiver.stubFor(post("/hook").withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(200)));
        WebhookConnector connector = connector(new WebhookSettings.OAuth2(URI.create(receiver.baseUrl() + "/token"),
                "hub", "hub-secret", "push"), null);

        assertThat(connector.deliver(Batches.two())).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(connector.deliver(Batches.two())).isInstanceOf(DeliveryResult.Delivered.class);
        List<LoggedRequest> tokenRequests = receiver.findAll(postRequestedFor(urlPathEqualTo("/token")));
        assertThat(tokenRequests).hasSize(1);
        assertThat(tokenRequests.get(0).getBodyAsString()).contains("grant_type=client_credentials", "scope=push");
        assertThat(tokenRequests.get(0).getHeader("Authorization")).isEqualTo("Basic aHViOmh1Yi1zZWNyZXQ=");
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/hook"))))
                .allSatisfy(r -> assertThat(r.getHeaders().keys()).doesNotContain("X-Hub-Signature-256"));

        receiver.stubFor(post("/hook").withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401)));
        assertThat(connector.deliver(Batches.two())).isEqualTo(new DeliveryResult.Failed("HTTP 401", null));
        receiver.stubFor(post("/token").willReturn(aResponse().withStatus(200)
                .withBody("{\"access_token\":\"tok-2\",\"expires_in\":3600}")));
        receiver.stubFor(post("/hook").withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(aResponse().withStatus(200)));
        assertThat(connector.deliver(Batches.two())).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/token")).withRequestBody(containing("grant_type"))))
                .hasSize(2);
    }

    @Test
    void settingsProblemsNameTheProperty() {
        WebhookSettings plainHttp = new WebhookSettings(URI.create("http://gemeente.example/hook"), "short", null,
                null, null);
        assertThat(plainHttp.problems("hub.recipients.x.push")).containsExactly(
                "hub.recipients.x.push.url must use https (plain http only for localhost), was 'http://gemeente.example/hook'",
                "hub.recipients.x.push.secret is too short: use at least 16 characters");
        assertThat(new WebhookSettings(null, null, null, null, null).problems("p")).containsExactly(
                "p.url is missing", "p.secret is missing: a webhook needs a push secret to sign with, or p.oauth2.*");
        assertThat(new WebhookSettings(URI.create("https://gemeente.example/hook"), SECRET, null, null, null)
                .problems("p")).isEmpty();
    }
}
