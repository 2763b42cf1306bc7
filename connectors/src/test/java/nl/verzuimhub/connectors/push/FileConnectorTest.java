package nl.verzuimhub.connectors.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class FileConnectorTest {
    @TempDir
    Path directory;

    @Test
    void writesCsvAndThenAManifestWithCountAndSha256AndLeavesNoTemporaryFiles() throws Exception {
        PushBatch batch = Batches.two();
        assertThat(new FileConnector(new FileSettings(directory, FileFormat.CSV)).deliver(batch))
                .isInstanceOf(DeliveryResult.Delivered.class);

        String name = "verzuimhub-000000000041-" + batch.idempotencyKey() + ".csv";
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(name, name + ".manifest.json");
        }
        byte[] data = Files.readAllBytes(directory.resolve(name));
        List<String> lines = List.of(new String(data, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("sequence,kind,id,version,action,bsn,onderwijsnummer,pseudonym,");
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(lines.get(1)).startsWith("41,VERZUIMMELDING,VM-2024-000101,1,NIEUW,725763863,,,")
                .contains("\"buikpijn, \"\"vaak\"\"\"")
                .contains("\"{\"\"name\"\":\"\"J. de Vries\"\",\"\"role\"\":\"\"Verzuimcoordinator\"\"}\"");
        assertThat(lines.get(2)).isEqualTo("42,ZIEKMELDING,ZM-2024-000301,2,INGETROKKEN" + ",".repeat(header.size() - 5));

        @SuppressWarnings("unchecked") Map<String, Object> manifest = JsonMapper.builder().build().readValue(directory.resolve(name + ".manifest.json").toFile(), Map.class);
        assertThat(manifest).containsEntry("file", name).containsEntry("count", 2).containsEntry("format", "csv")
                .containsEntry("idempotencyKey", batch.idempotencyKey()).containsEntry("firstSequence", 41)
                .containsEntry("lastSequence", 42).containsEntry("sha256", BatchFiles.sha256(data));
    }

    @Test
    void writesXmlWithOneElementPerDisclosedFieldAndDeliveringAgainChangesNothing() throws Exception {
        PushBatch batch = Batches.two();
        FileConnector connector = new FileConnector(new FileSettings(directory, FileFormat.XML));
        connector.deliver(batch);
        Path file = directory.resolve("verzuimhub-000000000041-" + batch.idempotencyKey() + ".xml");
        byte[] first = Files.readAllBytes(file);
        assertThat(connector.deliver(batch)).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(first);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).hasSize(2);
        }

        var document = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(file.toFile());
        var root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(BatchFiles.XML_NAMESPACE);
        assertThat(root.getAttribute("count")).isEqualTo("2");
        var items = root.getElementsByTagNameNS(BatchFiles.XML_NAMESPACE, "item");
        assertThat(items.getLength()).isEqualTo(2);
        var report = (org.w3c.dom.Element) items.item(0);
        assertThat(report.getAttribute("action")).isEqualTo("NIEUW");
        assertThat(report.getElementsByTagNameNS(BatchFiles.XML_NAMESPACE, "bsn").item(0).getTextContent()).isEqualTo("725763863");
        assertThat(report.getElementsByTagNameNS(BatchFiles.XML_NAMESPACE, "name").item(0).getTextContent()).isEqualTo("J. de Vries");
        assertThat(report.getElementsByTagNameNS(BatchFiles.XML_NAMESPACE, "postcode").getLength()).isZero();
        assertThat(((org.w3c.dom.Element) items.item(1)).getChildNodes().getLength()).isZero();
    }

    @Test
    void aMissingDirectoryIsNamedInTheSettingsProblem() {
        assertThat(new FileSettings(directory.resolve("absent"), null).problems("hub.recipients.x.push"))
                .containsExactly("hub.recipients.x.push.directory '" + directory.resolve("absent") + "' is not a writable directory");
        assertThat(new FileSettings(null, null).problems("p")).containsExactly("p.directory is missing");
    }
}
