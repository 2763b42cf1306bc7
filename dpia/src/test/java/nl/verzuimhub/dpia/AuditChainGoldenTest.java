package nl.verzuimhub.dpia;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The canonical forms are a stored contract: every hash in every existing log was computed over them. These fixed
 * vectors were computed with the first implementation; a faster encoder must give the same bytes.
 */
class AuditChainGoldenTest {
    private static final HexFormat HEX = HexFormat.of();

    static AuditEvent event() {
        return AuditEvent.builder(Instant.parse("2026-11-22T10:15:30.123456Z"), AuditAction.DISCLOSE,
                        AuditOutcome.SUCCESS).channel(AuditChannel.FEED).recipientId("leerplicht-0363")
                .organisation("0363").role("ATTENDANCE_OFFICER").purposeId("leerplicht")
                .legalBasis("Leerplichtwet 1969 art. 21a").policyId("leerplicht.residence")
                .policyVersion("default-2026.11.1").decisionId("d-1").recordKind("VERZUIMMELDING").recordId("VM-1")
                .recordVersion(3).subjectHash("ab".repeat(32)).fields(List.of("bsn", "één\t\"x\"", "a\\b,{c}"))
                .reason("geweigerd: geen doel \u2013 \uD83D\uDE00").traceId("0af7651916cd43dd8448eb211c80319c")
                .spanId("b7ad6b7169203331").processingActivity("verstrekking/leerplicht").actingUser("medewerker-17")
                .onBehalfOf(null).build();
    }

    static AuditEvent sparseEvent() {
        return AuditEvent.builder(Instant.parse("2026-01-01T00:00:00Z"), AuditAction.DENY, AuditOutcome.DENIED)
                .build();
    }

    @Test
    void formatTwoHashesStayTheSame() {
        assertThat(HEX.formatHex(AuditChain.hash(2, AuditChain.GENESIS, 42, event())))
                .isEqualTo("b9e3e1925e97e0fe030f77305d5a2cbc44f6e9ad1007ad68c2f2cd5c59fa1d52");
        assertThat(HEX.formatHex(AuditChain.hash(2, AuditChain.GENESIS, 1, sparseEvent())))
                .isEqualTo("11d2c5ee1e0197260ab4a5cee3fc14faea2a5678ea26debe002199915f5fb8d0");
    }

    /** Computed by the first format-3 encoder (issue G) and fixed here: a later encoder must give the same bytes. */
    @Test
    void formatThreeHashesStayTheSame() {
        AuditEvent page = event().toBuilder().subjectHash(null).recordKind(null).recordId(null).recordVersion(null)
                .decisionId(null).policyId(null).policyVersion(null).fields(null).reason(null)
                .items(List.of(new AuditItem(7, "d-7", "VERZUIMMELDING", "VM-1", 3, AuditAction.DISCLOSE,
                                "ab".repeat(32), "leerplicht.residence", "default-2026.11.1", List.of("bsn", "één")),
                        new AuditItem(9, "d-9", "ZIEKMELDING", "ZM-2", 1, AuditAction.RETRACT, "cd".repeat(32),
                                "leerplicht.residence", "default-2026.11.1", List.of()))).build();
        assertThat(HEX.formatHex(AuditChain.hash(3, AuditChain.GENESIS, 42, page))).isEqualTo("324aafb1ee202607d5427cff28d5aa84a0adb84a4eae0531b4eabfa071fa19de");
        assertThat(AuditChain.decode(AuditChain.canonical(3, 42, page)).event()).isEqualTo(page);
    }

    @Test
    void formatOneHashesStayTheSame() {
        assertThat(HEX.formatHex(AuditChain.hash(1, AuditChain.GENESIS, 42, event())))
                .isEqualTo("c218e1d1aa492a2ad1966df5345a774a95b6752925e194a544ef330e7fba199e");
    }
}
