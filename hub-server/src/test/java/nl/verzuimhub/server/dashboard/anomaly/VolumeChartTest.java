package nl.verzuimhub.server.dashboard.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository.DailyCount;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class VolumeChartTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @Test
    void onePolylinePerRecipientScaledToTheLargestCountAndWellFormed() throws Exception {
        String svg = VolumeChart.svg(List.of(new DailyCount("a", "DISCLOSE", DAY, 10),
                new DailyCount("a", "DISCLOSE", DAY.plusDays(2), 40), new DailyCount("b<&>", "DISCLOSE", DAY.plusDays(1), 20),
                new DailyCount("a", "DENY", DAY, 999)));
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var lines = document.getElementsByTagName("polyline");
        assertThat(lines.getLength()).isEqualTo(2);
        Element a = (Element) lines.item(0);
        assertThat(a.getAttribute("data-recipient")).isEqualTo("a");
        String[] points = a.getAttribute("points").split(" ");
        assertThat(points).hasSize(3); // three days on the axis; the missing day counts 0
        int bottom = VolumeChart.HEIGHT - VolumeChart.BOTTOM;
        assertThat(points[1]).endsWith("," + bottom + ".0");
        assertThat(points[2]).endsWith("," + VolumeChart.TOP + ".0"); // 40 is the maximum: top of the plot
        assertThat(((Element) lines.item(1)).getAttribute("data-recipient")).isEqualTo("b<&>");
        assertThat(svg).contains(">40<").doesNotContain("999");
    }

    @Test
    void anEmptyPeriodSaysSo() {
        assertThat(VolumeChart.svg(List.of())).contains("No disclosures").doesNotContain("polyline");
    }
}
