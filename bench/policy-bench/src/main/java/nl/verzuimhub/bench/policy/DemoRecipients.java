package nl.verzuimhub.bench.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.verzuimhub.core.recipient.Organisation;
import nl.verzuimhub.core.recipient.OrganisationType;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.recipient.RecipientRole;

/**
 * The hub's demo recipients and reference data, as {@code hub-server/src/main/resources/application.yml} configures
 * them ({@code hub.recipients.*} but the operator, who asks for no data, and {@code hub.policy.*-regions}). Copied, not read, so the benchmark has no Spring
 * dependency; when the demo configuration changes, change this class with it.
 */
final class DemoRecipients {
    static final Recipient ATTENDANCE_OFFICER_AMSTERDAM = new Recipient("leerplicht-0363",
            new Organisation(OrganisationType.MUNICIPALITY, "0363", "Gemeente Amsterdam, leerplicht"),
            RecipientRole.ATTENDANCE_OFFICER, List.of("leerplicht"));
    static final Recipient PARTNERSHIP_VO2701 = new Recipient("swv-vo2701",
            new Organisation(OrganisationType.PARTNERSHIP, "VO2701", "Samenwerkingsverband VO Amsterdam-Diemen"),
            RecipientRole.PARTNERSHIP, List.of("passend-onderwijs"));
    static final Recipient YOUTH_DOCTOR_AMSTERDAM_AMSTELLAND = new Recipient("jgz-ggd-amsterdam",
            new Organisation(OrganisationType.GGD_REGION, "ggd-amsterdam-amstelland",
                    "GGD Amsterdam-Amstelland, jeugdgezondheidszorg"),
            RecipientRole.YOUTH_DOCTOR, List.of("jeugdgezondheidszorg"));
    static final Recipient RMC_AMSTERDAM = new Recipient("rmc-amsterdam",
            new Organisation(OrganisationType.RMC_REGION, "rmc-amsterdam", "RMC-regio Amsterdam-Amstelland"),
            RecipientRole.RMC, List.of("rmc"));
    static final Recipient PRIVACY_OFFICER = new Recipient("fg-privacy",
            new Organisation(OrganisationType.OTHER, "verzuimhub-fg", "Functionaris gegevensbescherming"),
            RecipientRole.PRIVACY_OFFICER, List.of("toezicht"));

    static final List<Recipient> ALL = List.of(ATTENDANCE_OFFICER_AMSTERDAM, PARTNERSHIP_VO2701,
            YOUTH_DOCTOR_AMSTERDAM_AMSTELLAND, RMC_AMSTERDAM, PRIVACY_OFFICER);

    /** {@code hub.policy.ggd-regions}: GGD region id to the CBS codes of its municipalities. */
    static final Map<String, Set<String>> GGD_REGIONS = Map.of("ggd-amsterdam-amstelland",
            Set.of("0358", "0362", "0363", "0384", "0437", "0451"));

    /** {@code hub.policy.rmc-regions}: RMC region id to the CBS codes of its municipalities. */
    static final Map<String, Set<String>> RMC_REGIONS = Map.of("rmc-amsterdam",
            Set.of("0358", "0362", "0363", "0384", "0437", "0451"));

    /** {@code hub.policy.switches}: none is on in the demo; {@link AgreementCheck} also checks with this one on. */
    static final String PARTNERSHIP_SWITCH = "swv-wettelijke-taak";

    /** The demo seed of the register simulator ({@code hub.simulator.seed}) and its size ({@code pupils}). */
    static final long SIMULATOR_SEED = 20241001L;
    static final int SIMULATOR_PUPILS = 4000;

    private DemoRecipients() {
    }

    /** A fixed synthetic 32-byte pseudonym master key: the same pseudonyms in every run, no secret involved. */
    static byte[] masterKey() {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest("policy-bench synthetic master key".getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
