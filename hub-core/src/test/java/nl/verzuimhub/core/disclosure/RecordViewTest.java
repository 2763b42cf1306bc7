package nl.verzuimhub.core.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordViewTest {

    @Test
    void aBuiltViewNeverChangesWhenItsBuilderGoesOn() {
        RecordView.Builder builder = RecordView.builder().put(DataField.MUNICIPALITY, "0363");
        RecordView first = builder.build();
        RecordView second = builder.put(DataField.BRIN, "12AB").put(DataField.MUNICIPALITY, "0599").build();
        RecordView third = builder.put(DataField.GRADE, 2).build();

        assertThat(first.values()).containsExactly(java.util.Map.entry(DataField.MUNICIPALITY, "0363"));
        assertThat(second.values()).containsOnlyKeys(DataField.MUNICIPALITY, DataField.BRIN)
                .containsEntry(DataField.MUNICIPALITY, "0599");
        assertThat(third.values()).containsOnlyKeys(DataField.MUNICIPALITY, DataField.BRIN, DataField.GRADE);
        assertThat(second.values()).doesNotContainKey(DataField.GRADE);
        assertThatThrownBy(() -> first.values().put(DataField.BRIN, "x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullValuesStayAbsentAndAnEmptyBuilderGivesTheEmptyView() {
        assertThat(RecordView.builder().put(DataField.POSTCODE, null).build()).isSameAs(RecordView.empty());
    }
}
