package nl.verzuimhub.server.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.recipient.Organisation;
import nl.verzuimhub.core.recipient.OrganisationType;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.recipient.RecipientRole;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.policies.DefaultPolicySet;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.policies.Pseudonymiser;
import nl.verzuimhub.policies.RegionDirectory;
import nl.verzuimhub.server.Eventually;
import nl.verzuimhub.server.database.MigratedPostgres;
import nl.verzuimhub.server.distribution.Disclosure;
import nl.verzuimhub.server.distribution.Distributor;
import nl.verzuimhub.simulator.SyntheticRegion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * A client registered or revoked through one instance reaches another instance's decisions (its Distributor, which
 * asks the directory once per mutation) within the refresh interval, without a restart and without anyone looking the
 * client up there.
 */
class DirectoryRefreshTest {
    static final Duration INTERVAL = Duration.ofMillis(200);
    final PolicyEngine engine = new PolicyEngine(DefaultPolicySet.policySet(), new RegionDirectory(Map.of()),
            new Pseudonymiser(new byte[32]));
    final List<Mutation> region = SyntheticRegion.generate(5, 400).mutations();
    MigratedPostgres postgres;
    DirectoryRefresh refresh;

    @AfterEach
    void stop() throws Exception {
        if (refresh != null) {
            refresh.stop();
        }
        postgres.close();
    }

    /** One instance's directory and registry, on connections of its own, synchronised as at start-up. */
    private record Instance(RecipientDirectory directory, ClientRegistry registry, Distributor distributor) {
    }

    private Instance instance(RecipientProperties configured) {
        JdbcTemplate jdbc = new JdbcTemplate(postgres.newDataSource());
        RecipientDirectory directory = new RecipientDirectory(configured, engine);
        ClientRegistry registry = new ClientRegistry(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                directory, Clock.systemUTC());
        registry.synchronise(Map.of("leerplicht-0363", "leerplicht-0363-secret"));
        return new Instance(directory, registry, new Distributor(engine, directory::all, new SubjectHasher(new byte[32])));
    }

    @Test
    void anotherInstancesRegistrationAndRevocationReachThisInstancesDecisionsWithinTheInterval() throws Exception {
        postgres = MigratedPostgres.start();
        RecipientProperties configured = new RecipientProperties(Map.of("leerplicht-0363", new RecipientProperties.Client(
                new RecipientProperties.Org(OrganisationType.MUNICIPALITY, "0363", "Gemeente Amsterdam, leerplicht"),
                RecipientRole.ATTENDANCE_OFFICER, List.of("leerplicht"), "leerplicht-0363-secret")));
        Instance here = instance(configured);
        Instance other = instance(configured);
        Mutation amsterdam = permittedFor(here, "leerplicht-0363");
        Mutation rotterdam = region.stream().filter(m -> m.action() == MutationAction.NIEUW
                && m.record().kind() == amsterdam.record().kind()
                && "0599".equals(m.record().pupil().municipality())).findFirst().orElseThrow();
        assertThat(recipientsOf(here, rotterdam)).isEmpty();

        other.registry().register(new Recipient("leerplicht-0599-runtime", new Organisation(OrganisationType.MUNICIPALITY,
                "0599", "Gemeente Rotterdam, leerplicht"), RecipientRole.ATTENDANCE_OFFICER, List.of("leerplicht")));
        other.registry().revoke("leerplicht-0363");
        Thread.sleep(2 * INTERVAL.toMillis());
        assertThat(recipientsOf(here, amsterdam)).as("without the refresh, this instance still decides for the revoked")
                .containsExactly("leerplicht-0363");
        assertThat(recipientsOf(here, rotterdam)).as("and knows nothing of the new client").isEmpty();

        refresh = new DirectoryRefresh(here.registry(), INTERVAL);
        long started = System.nanoTime();
        refresh.start();
        Eventually.await("this instance caught up", Duration.ofSeconds(10),
                () -> recipientsOf(here, amsterdam).isEmpty() && !recipientsOf(here, rotterdam).isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("within a few intervals (10 at most, for a loaded machine)")
                .isLessThan(INTERVAL.multipliedBy(10));
        assertThat(recipientsOf(here, rotterdam)).containsExactly("leerplicht-0599-runtime");
        assertThat(here.directory().find("leerplicht-0363")).as("still found for audit entries").isPresent();
    }

    private Mutation permittedFor(Instance instance, String clientId) {
        return region.stream().filter(m -> m.action() == MutationAction.NIEUW
                && recipientsOf(instance, m).contains(clientId)).findFirst().orElseThrow();
    }

    private static List<String> recipientsOf(Instance instance, Mutation mutation) {
        return instance.distributor().distribute(mutation).stream().map(Disclosure::recipient)
                .map(Recipient::clientId).distinct().toList();
    }
}
