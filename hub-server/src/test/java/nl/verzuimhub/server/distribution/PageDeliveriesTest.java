package nl.verzuimhub.server.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.Pupil;
import nl.verzuimhub.core.record.SickReport;
import nl.verzuimhub.server.distribution.DeliveryRepository.Held;
import nl.verzuimhub.server.distribution.PageDeliveries.HeldRow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** {@link PageDeliveries} on held rows read before the page, without a database. */
class PageDeliveriesTest {
    static final String KIND = "ZIEKMELDING";

    @Test
    void aWithdrawalRetractsEveryHolderOnceInTheOrderOfTheirFirstDeliveryAndWithdrawsEveryRowOfTheRecord() {
        PageDeliveries page = new PageDeliveries(List.of(
                new HeldRow("s1", "b", "p", "basis", KIND, "ZM-1", 20),
                new HeldRow("s1", "a", "p", "basis", KIND, "ZM-1", 10),
                new HeldRow("s2", "a", "p", "basis", KIND, "ZM-1", 30), // the record's pupil changed: other hash
                new HeldRow("s1", "a", "p", "basis", KIND, "ZM-2", 40)), JsonMapper.builder().build());

        assertThat(page.withdraw(withdrawal("ZM-1", 3), "policies-1")).isEqualTo(3);

        assertThat(page.rows()).extracting(row -> row.recipientId, row -> row.subjectHash, row -> row.version,
                row -> row.action, NewDelivery::retraction).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "s1", 3, "INGETROKKEN", true),
                org.assertj.core.groups.Tuple.tuple("b", "s1", 3, "INGETROKKEN", true),
                org.assertj.core.groups.Tuple.tuple("a", "s2", 3, "INGETROKKEN", true));
        assertThat(page.withdrawnRecords()).containsExactly(List.of(KIND, "ZM-1"));
        assertThat(page.heldBySubject("s1")).containsExactly(new Held("a", "p", "basis", KIND, "ZM-2"));
        assertThat(page.heldBySubject("s2")).isEmpty();
        assertThat(page.withdraw(withdrawal("ZM-1", 4), "policies-1")).as("nothing left to retract").isZero();
    }

    @Test
    void aScopeRetractionTakesOneHolderOnceAndLeavesTheOthers() {
        PageDeliveries page = new PageDeliveries(List.of(
                new HeldRow("s1", "a", "p", "basis", KIND, "ZM-1", 10),
                new HeldRow("s1", "a", "p", "other-basis", KIND, "ZM-1", 11),
                new HeldRow("s1", "b", "p", "basis", KIND, "ZM-1", 12)), JsonMapper.builder().build());
        Held first = new Held("a", "p", "basis", KIND, "ZM-1");
        Held sameHolder = new Held("a", "p", "other-basis", KIND, "ZM-1");

        assertThat(page.heldBySubject("s1")).containsExactly(first, sameHolder,
                new Held("b", "p", "basis", KIND, "ZM-1"));
        assertThat(page.retractFor(first, 2, "s1", "policies-1")).isTrue();
        assertThat(page.retractFor(sameHolder, 2, "s1", "policies-1"))
                .as("its rows of the record were withdrawn with the first").isFalse();

        assertThat(page.rows()).singleElement().satisfies(row -> {
            assertThat(row.recipientId).isEqualTo("a");
            assertThat(row.retraction()).isTrue();
            assertThat(row.data).isNull();
        });
        assertThat(page.withdrawnHolds()).containsExactly(List.of("a", "p", KIND, "ZM-1"));
        assertThat(page.heldBySubject("s1")).containsExactly(new Held("b", "p", "basis", KIND, "ZM-1"));
    }

    @Test
    void heldRowsAreListedOncePerRecipientPurposeAndBasisInKindAndRecordOrder() {
        PageDeliveries page = new PageDeliveries(List.of(
                new HeldRow("s1", "a", "p", "basis", "VERZUIMMELDING", "VM-2", 5),
                new HeldRow("s1", "a", "p", "basis", "VERZUIMMELDING", "VM-1", 6),
                new HeldRow("s1", "a", "p", "basis", "ABSOLUUT_VERZUIM", "AV-9", 7)), JsonMapper.builder().build());

        assertThat(page.heldBySubject("s1")).extracting(Held::recordId).containsExactly("AV-9", "VM-1", "VM-2");
        assertThat(page.heldBySubject("unknown")).isEmpty();
    }

    private static Mutation withdrawal(String id, int version) {
        OffsetDateTime at = OffsetDateTime.parse("2024-09-10T09:00:00+02:00");
        SickReport report = new SickReport(id, version, new Pupil(PupilIdentifier.bsn("100000010"),
                LocalDate.parse("2015-01-09"), "0363", null),
                new Enrolment("78GH", null, "PO", "PO2701", null),
                new Period(LocalDate.parse("2024-09-02"), LocalDate.parse("2024-09-03")), at);
        return new Mutation(1, MutationAction.INGETROKKEN, at, report);
    }
}
