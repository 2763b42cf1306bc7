package nl.verzuimhub.connectors.register;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static nl.verzuimhub.connectors.register.RegisterFixture.FAST_BACKOFF;
import static nl.verzuimhub.connectors.register.RegisterFixture.SLOW_POLL;
import static nl.verzuimhub.connectors.register.RegisterFixture.WAIT;
import static nl.verzuimhub.connectors.register.RegisterFixture.pageRequest;
import static nl.verzuimhub.connectors.register.RegisterRouteTest.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import nl.verzuimhub.connectors.tls.TestCertificates;
import nl.verzuimhub.connectors.tls.TlsContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS with the register: WireMock over HTTPS requires a client certificate signed by the test CA. A correct
 * certificate works (and the bearer token is sent); a missing or untrusted one, or a register certificate the hub
 * does not trust, stops polling with a clear alert instead of a retry storm.
 */
class RegisterMutualTlsTest {
    @TempDir
    static Path pki;
    static TestCertificates.Authority registerCa;
    static Path serverKeys;
    static Path serverTrust;
    static Path hubKeys;
    static Path hubTrust;
    static Path strangerKeys;

    private RegisterFixture fixture;

    @BeforeAll
    static void makePki() {
        registerCa = TestCertificates.Authority.create("Test register CA");
        serverKeys = registerCa.server().keyStore(pki, "register-server");
        serverTrust = registerCa.trustStore(pki, "register-trusts");
        hubKeys = registerCa.client("verzuimhub test client").keyStore(pki, "hub-client");
        hubTrust = registerCa.trustStore(pki, "hub-trusts");
        strangerKeys = TestCertificates.Authority.create("Some other CA").client("stranger").keyStore(pki, "stranger");
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aClientCertificateSignedByTheRegistersCaWorksAndTheBearerTokenIsSent() throws Exception {
        start(TlsContexts.context("hub.register.tls", hubKeys, TestCertificates.PASSWORD, hubTrust, TestCertificates.PASSWORD), "s3cret-token");

        fixture.assertEverythingStoredOnce();
        fixture.register.verify(pageRequest(0).withHeader("Authorization", equalTo("Bearer s3cret-token")));
        assertThat(fixture.poller.status().stopped()).isFalse();
        assertThat(String.join("\n", fixture.lines(Level.WARN))).doesNotContain("s3cret-token");
    }

    @Test
    void withoutAClientCertificateTheHandshakeIsRefusedAndPollingStopsWithAnAlert() throws Exception {
        start(TlsContexts.context("hub.register.tls", null, null, hubTrust, TestCertificates.PASSWORD), null);

        assertStoppedWithTlsAlert();
    }

    @Test
    void aClientCertificateFromAnotherCaIsRefusedAndPollingStopsWithAnAlert() throws Exception {
        start(TlsContexts.context("hub.register.tls", strangerKeys, TestCertificates.PASSWORD, hubTrust, TestCertificates.PASSWORD), null);

        assertStoppedWithTlsAlert();
    }

    @Test
    void aRegisterCertificateTheHubDoesNotTrustStopsPollingWithAnAlert() throws Exception {
        start(TlsContexts.context("hub.register.tls", hubKeys, TestCertificates.PASSWORD, null, null), null);

        assertStoppedWithTlsAlert();
    }

    @Test
    void wrongTlsSettingsAreRefusedAtStartUpNamingTheSettingNotThePassword() {
        assertThatThrownBy(() -> TlsContexts.context("hub.register.tls", pki.resolve("missing.p12"), TestCertificates.PASSWORD, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hub.register.tls.key-store")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> TlsContexts.context("hub.register.tls", hubKeys, "wrong-password".toCharArray(), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hub.register.tls.key-store")
                .hasMessageContaining("wrong password").hasMessageNotContaining("wrong-password");
        assertThatThrownBy(() -> TlsContexts.context("hub.register.tls", hubTrust, TestCertificates.PASSWORD, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no private key entry");
    }

    private void assertStoppedWithTlsAlert() {
        await().atMost(WAIT).until(() -> fixture.poller.status().stopped());
        PollFailure reason = fixture.poller.status().stopReason();
        assertThat(reason.cause()).isEqualTo(FailureCause.TLS);
        assertThat(reason.detail()).contains("TLS handshake with the register failed").contains("hub.register.tls");
        assertThat(fixture.lines(Level.ERROR)).singleElement().satisfies(line ->
                assertThat(line).startsWith("ALERT register polling stopped").contains("TLS"));
        assertThat(fixture.store.stored).isEmpty();
        assertThat(fixture.store.cursor()).isZero();
    }

    private void start(SSLContext tls, String token) throws Exception {
        WireMockServer register = new WireMockServer(options().dynamicPort().dynamicHttpsPort()
                .keystorePath(serverKeys.toString()).keystorePassword(new String(TestCertificates.PASSWORD))
                .keyManagerPassword(new String(TestCertificates.PASSWORD)).keystoreType("PKCS12")
                .needClientAuth(true)
                .trustStorePath(serverTrust.toString()).trustStorePassword(new String(TestCertificates.PASSWORD))
                .trustStoreType("PKCS12"));
        fixture = new RegisterFixture(register);
        fixture.servePage(0, ok("page-1.xml"));
        fixture.servePage(1007, ok("page-2.xml"));
        URI https = URI.create("https://localhost:" + register.httpsPort());
        fixture.start(() -> https, SLOW_POLL, FAST_BACKOFF, new RegisterTransport(Duration.ofSeconds(5),
                Duration.ofSeconds(5), tls, token, PageLimits.DEFAULTS), Clock.systemUTC());
    }
}
