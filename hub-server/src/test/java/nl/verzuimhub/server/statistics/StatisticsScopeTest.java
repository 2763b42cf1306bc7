package nl.verzuimhub.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.verzuimhub.core.recipient.Organisation;
import nl.verzuimhub.core.recipient.OrganisationType;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.recipient.RecipientRole;
import nl.verzuimhub.server.web.BadRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** The scope table of {@link StatisticsScope}, and how a request's format and group are read. */
class StatisticsScopeTest {
    static final Recipient AMSTERDAM = recipient(OrganisationType.MUNICIPALITY, "0363", RecipientRole.ATTENDANCE_OFFICER,
            "leerplicht");
    static final Recipient PARTNERSHIP = recipient(OrganisationType.PARTNERSHIP, "VO2701", RecipientRole.PARTNERSHIP,
            "passend-onderwijs");
    static final Recipient MINISTRY = recipient(OrganisationType.OTHER, "OCW", RecipientRole.STATISTICS, "statistiek");
    static final StatisticsGroup AMSTERDAM_GROUP = new StatisticsGroup(StatisticsGroup.Type.MUNICIPALITY, "0363");
    static final StatisticsGroup DIEMEN_GROUP = new StatisticsGroup(StatisticsGroup.Type.MUNICIPALITY, "0384");
    static final StatisticsGroup PARTNERSHIP_GROUP = new StatisticsGroup(StatisticsGroup.Type.PARTNERSHIP, "VO2701");

    @Test
    void onlyTheMunicipalityItselfSeesSmallCells() {
        assertThat(StatisticsScope.decide(AMSTERDAM, AMSTERDAM_GROUP, null))
                .isEqualTo(new StatisticsScope.Granted("leerplicht", false));
        assertThat(StatisticsScope.decide(MINISTRY, AMSTERDAM_GROUP, null))
                .isEqualTo(new StatisticsScope.Granted("statistiek", true));
        assertThat(StatisticsScope.decide(PARTNERSHIP, PARTNERSHIP_GROUP, null))
                .isEqualTo(new StatisticsScope.Granted("passend-onderwijs", true));
    }

    @Test
    void everyoneElseIsRefusedWithAReason() {
        assertThat(StatisticsScope.decide(AMSTERDAM, DIEMEN_GROUP, null)).isInstanceOf(StatisticsScope.Refused.class);
        assertThat(StatisticsScope.decide(AMSTERDAM, PARTNERSHIP_GROUP, null)).isInstanceOf(StatisticsScope.Refused.class);
        assertThat(StatisticsScope.decide(PARTNERSHIP, AMSTERDAM_GROUP, null)).isInstanceOf(StatisticsScope.Refused.class);
        assertThat(StatisticsScope.decide(PARTNERSHIP, new StatisticsGroup(StatisticsGroup.Type.PARTNERSHIP, "VO2702"),
                null)).isInstanceOf(StatisticsScope.Refused.class);
        assertThat(StatisticsScope.decide(MINISTRY, PARTNERSHIP_GROUP, null)).isInstanceOf(StatisticsScope.Refused.class);
        Recipient doctor = recipient(OrganisationType.GGD_REGION, "ggd", RecipientRole.YOUTH_DOCTOR, "jeugdgezondheidszorg");
        assertThat(StatisticsScope.decide(doctor, AMSTERDAM_GROUP, null))
                .isEqualTo(new StatisticsScope.Refused("no purpose of this caller covers statistics"));
        assertThat(StatisticsScope.decide(AMSTERDAM, AMSTERDAM_GROUP, "rmc"))
                .isEqualTo(new StatisticsScope.Refused("purpose 'rmc' does not cover statistics for role ATTENDANCE_OFFICER"));
    }

    @Test
    void theListOfMunicipalitiesIsEveryOneForTheMinistryAndOnlyItselfForAMunicipality() {
        assertThat(StatisticsScope.decideAllMunicipalities(MINISTRY, null))
                .isEqualTo(new StatisticsScope.Granted("statistiek", true));
        assertThat(StatisticsScope.decideAllMunicipalities(AMSTERDAM, null))
                .isEqualTo(new StatisticsScope.Granted("leerplicht", false));
        assertThat(StatisticsScope.ownGroup(AMSTERDAM)).contains(AMSTERDAM_GROUP);
        assertThat(StatisticsScope.decideAllMunicipalities(PARTNERSHIP, null)).isInstanceOf(StatisticsScope.Refused.class);
    }

    @Test
    void formatsComeFromTheSuffixOrTheAcceptHeader() {
        assertThat(ResponseFormat.of(null, null)).isEqualTo(ResponseFormat.JSON);
        assertThat(ResponseFormat.of("csv", "application/json")).isEqualTo(ResponseFormat.CSV);
        assertThat(ResponseFormat.of(null, "text/csv, application/json;q=0.5")).isEqualTo(ResponseFormat.CSV);
        assertThat(ResponseFormat.of(null, "application/json;q=0.5, text/csv")).isEqualTo(ResponseFormat.CSV);
        assertThat(ResponseFormat.of(null, "text/html, */*;q=0.8")).isEqualTo(ResponseFormat.JSON);
        assertThatThrownBy(() -> ResponseFormat.of("xlsx", null)).isInstanceOf(ErrorResponseException.class)
                .satisfies(e -> assertThat(((ErrorResponseException) e).getStatusCode().value()).isEqualTo(406));
        assertThatThrownBy(() -> ResponseFormat.of(null, "application/xml")).isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void groupCodesMustHaveTheirFormat() {
        assertThat(StatisticsGroup.parse(StatisticsGroup.Type.PARTNERSHIP, "PO2801").code()).isEqualTo("PO2801");
        assertThatThrownBy(() -> StatisticsGroup.parse(StatisticsGroup.Type.MUNICIPALITY, "363"))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> StatisticsGroup.parse(StatisticsGroup.Type.PARTNERSHIP, "XX2701"))
                .isInstanceOf(BadRequestException.class);
    }

    private static Recipient recipient(OrganisationType type, String code, RecipientRole role, String purpose) {
        return new Recipient("client-" + code, new Organisation(type, code, "name"), role, List.of(purpose));
    }
}
