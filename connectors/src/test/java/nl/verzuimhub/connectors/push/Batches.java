package nl.verzuimhub.connectors.push;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Small synthetic batches for connector tests (BSNs pass the eleven-test; names are made up). */
final class Batches {
    private Batches() {
    }

    static PushBatch two() {
        List<PushItem> items = List.of(
                new PushItem(41, "VERZUIMMELDING", "VM-2024-000101", 1, "NIEUW",
                        "{\"bsn\":\"725763863\",\"municipality\":\"0363\",\"hours\":17,\"suspectedReason\":\"buikpijn, \\\"vaak\\\"\","
                                + "\"reporter\":{\"name\":\"J. de Vries\",\"role\":\"Verzuimcoordinator\"}}"),
                new PushItem(42, "ZIEKMELDING", "ZM-2024-000301", 2, "INGETROKKEN", "{}"));
        String body = "{\"items\":[{\"sequence\":41,\"kind\":\"VERZUIMMELDING\",\"id\":\"VM-2024-000101\",\"version\":1,"
                + "\"action\":\"NIEUW\",\"data\":" + items.get(0).dataJson() + "},{\"sequence\":42,\"kind\":\"ZIEKMELDING\","
                + "\"id\":\"ZM-2024-000301\",\"version\":2,\"action\":\"INGETROKKEN\",\"data\":{}}],\"next\":\"42\"}";
        return new PushBatch("leerplicht-0363", UUID.randomUUID().toString(), items, body.getBytes(StandardCharsets.UTF_8));
    }
}
