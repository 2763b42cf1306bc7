package nl.verzuimhub.connectors.push;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import nl.verzuimhub.connectors.tls.TestCertificates;
import nl.verzuimhub.connectors.tls.TlsContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A municipality's webhook over https that requires a client certificate from its own CA (as with PKIoverheid):
 * with the hub's certificate and the municipality's CA in {@code push.tls.*} the batch is delivered; without the
 * certificate, or without trusting the receiver's CA, the attempt fails as a TLS failure (retried, then a dead
 * letter) and nothing is delivered.
 */
class WebhookMutualTlsTest {
    @TempDir
    static Path pki;
    static WireMockServer receiver;
    static Path hubKeys;
    static Path hubTrust;

    @BeforeAll
    static void start() {
        TestCertificates.Authority municipalityCa = TestCertificates.Authority.create("Test municipality CA");
        Path serverKeys = municipalityCa.server().keyStore(pki, "webhook-server");
        Path serverTrust = municipalityCa.trustStore(pki, "webhook-trusts");
        hubKeys = municipalityCa.client("verzuimhub push client").keyStore(pki, "hub-client");
        hubTrust = municipalityCa.trustStore(pki, "hub-trusts");
        String password = new String(TestCertificates.PASSWORD);
        receiver = new WireMockServer(options().dynamicPort().dynamicHttpsPort()
                .keystorePath(serverKeys.toString()).keystorePassword(password).keyManagerPassword(password)
                .keystoreType("PKCS12").needClientAuth(true)
                .trustStorePath(serverTrust.toString()).trustStorePassword(password).trustStoreType("PKCS12"));
        receiver.start();
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(202)));
    }

    @AfterAll
    static void stop() {
        receiver.stop();
    }

    @Test
    void withTheHubsCertificateAndTheReceiversCaTheBatchIsDelivered() {
        DeliveryResult result = connector(TlsContexts.context("hub.recipients.x.push.tls", hubKeys,
                TestCertificates.PASSWORD, hubTrust, TestCertificates.PASSWORD)).deliver(Batches.two());

        assertThat(result).isEqualTo(new DeliveryResult.Delivered("HTTP 202"));
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/hook")))).hasSize(1);
    }

    @Test
    void withoutAClientCertificateOrWithoutTrustingTheReceiverItFailsAsATlsFailure() {
        int before = receiver.findAll(postRequestedFor(urlPathEqualTo("/hook"))).size();
        for (SSLContext tls : new SSLContext[] {
                TlsContexts.context("p", null, null, hubTrust, TestCertificates.PASSWORD),
                TlsContexts.context("p", hubKeys, TestCertificates.PASSWORD, null, null)}) {
            DeliveryResult result = connector(tls).deliver(Batches.two());
            assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
            assertThat(((DeliveryResult.Failed) result).reason()).startsWith("TLS handshake failed");
        }
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/hook")))).hasSize(before);
    }

    private static WebhookConnector connector(SSLContext tls) {
        return new WebhookConnector(new WebhookSettings(URI.create("https://localhost:" + receiver.httpsPort() + "/hook"),
                "push-secret-for-tests-0001", null, Duration.ofSeconds(2), Duration.ofSeconds(5), tls),
                Clock.systemUTC());
    }
}
