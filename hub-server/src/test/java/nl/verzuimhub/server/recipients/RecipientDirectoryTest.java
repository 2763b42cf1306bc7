package nl.verzuimhub.server.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.recipient.OrganisationType;
import nl.verzuimhub.core.recipient.RecipientRole;
import nl.verzuimhub.policies.DefaultPolicySet;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.policies.Pseudonymiser;
import nl.verzuimhub.policies.RegionDirectory;
import org.junit.jupiter.api.Test;

class RecipientDirectoryTest {
    final PolicyEngine engine = new PolicyEngine(DefaultPolicySet.policySet(), new RegionDirectory(Map.of()),
            new Pseudonymiser(new byte[32]));

    @Test
    void configuredRecipientsBecomeRecipientsWithTheirPurposes() {
        RecipientDirectory directory = new RecipientDirectory(new RecipientProperties(Map.of("leerplicht-0363",
                new RecipientProperties.Client(new RecipientProperties.Org(OrganisationType.MUNICIPALITY, "0363", "Amsterdam"),
                        RecipientRole.ATTENDANCE_OFFICER, List.of("leerplicht"), "s"))), engine);
        assertThat(directory.find("leerplicht-0363")).hasValueSatisfying(recipient -> {
            assertThat(recipient.organisation().code()).isEqualTo("0363");
            assertThat(recipient.purposes()).containsExactly("leerplicht");
        });
        assertThat(directory.find("unknown")).isEmpty();
    }

    @Test
    void everyWrongSettingIsNamedAtStartUp() {
        RecipientProperties properties = new RecipientProperties(Map.of(
                "no-role", new RecipientProperties.Client(new RecipientProperties.Org(OrganisationType.MUNICIPALITY, "0363", "A"),
                        null, List.of("leerplicht"), "s"),
                "bad-purpose", new RecipientProperties.Client(new RecipientProperties.Org(OrganisationType.MUNICIPALITY, "0363", "A"),
                        RecipientRole.ATTENDANCE_OFFICER, List.of("marketing"), "s"),
                "no-organisation", new RecipientProperties.Client(null, RecipientRole.PARTNERSHIP, List.of(), "s")));
        assertThatThrownBy(() -> new RecipientDirectory(properties, engine))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("hub.recipients.no-role.role is missing",
                        "hub.recipients.bad-purpose.purposes names unknown purpose 'marketing'",
                        "hub.recipients.no-organisation.organisation needs type, code and name");
    }
}
