package nl.verzuimhub.core.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallCellSuppressionTest {
    private final SmallCellSuppression suppression = new SmallCellSuppression();

    @Test
    void countsBelowFiveAreReplacedByTheMarker() {
        Map<String, Cell> cells = suppression.suppress(counts("a", 4, "b", 5, "c", 0, "d", 120));

        assertThat(cells.get("a").display()).isEqualTo(Cell.MARKER);
        assertThat(cells.get("b").value()).isEqualTo(5);
        assertThat(cells.get("c").suppressed()).isTrue();
        assertThat(cells.get("d").display()).isEqualTo("120");
        assertThat(cells.keySet()).containsExactly("a", "b", "c", "d");
        assertThatThrownBy(() -> cells.get("a").value()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSuppressedPartOfAPublishedTotalTakesTheSmallestOtherPartWithIt() {
        // partnership 27-01 = Amsterdam + Diemen + Ouder-Amstel: Diemen's 3 could be recovered as 40 - 30 - 7.
        Map<String, Cell> cells = suppression.suppress(counts("total", 40, "amsterdam", 30, "diemen", 3,
                "ouderAmstel", 7), List.of(new SumRelation("total", List.of("amsterdam", "diemen", "ouderAmstel"))));

        assertThat(cells.get("diemen").suppressed()).isTrue();
        assertThat(cells.get("ouderAmstel").suppressed()).isTrue();
        assertThat(cells.get("amsterdam").value()).isEqualTo(30);
        assertThat(cells.get("total").value()).isEqualTo(40);
    }

    @Test
    void secondarySuppressionFollowsLinkedRelationsUntilNoneHasASingleHiddenCell() {
        // rows: two municipalities; columns: two articles; totals per row and per column.
        Map<String, Long> counts = counts("a.5a", 2, "a.5b", 9, "a.total", 11,
                "b.5a", 8, "b.5b", 6, "b.total", 14,
                "all.5a", 10, "all.5b", 15, "all.total", 25);
        List<SumRelation> relations = List.of(
                new SumRelation("a.total", List.of("a.5a", "a.5b")),
                new SumRelation("b.total", List.of("b.5a", "b.5b")),
                new SumRelation("all.5a", List.of("a.5a", "b.5a")),
                new SumRelation("all.5b", List.of("a.5b", "b.5b")),
                new SumRelation("all.total", List.of("a.total", "b.total")));

        Map<String, Cell> cells = suppression.suppress(counts, relations);

        for (SumRelation relation : relations) {
            long hidden = java.util.stream.Stream.concat(relation.parts().stream(), java.util.stream.Stream.of(
                    relation.total())).filter(name -> cells.get(name).suppressed()).count();
            assertThat(hidden).as(relation.toString()).isNotEqualTo(1);
        }
        assertThat(cells.get("a.5a").suppressed()).isTrue();
        assertThat(cells.get("all.total").value()).isEqualTo(25);
    }

    @Test
    void aRelationMustNameKnownCells() {
        assertThatThrownBy(() -> suppression.suppress(counts("a", 7), List.of(new SumRelation("a", List.of("b")))))
                .hasMessage("sum relation names unknown cell 'b'");
    }

    private static Map<String, Long> counts(Object... namesAndValues) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            counts.put((String) namesAndValues[i], ((Integer) namesAndValues[i + 1]).longValue());
        }
        return counts;
    }
}
