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
    void theValuesBehaveAsAnImmutableMapInFieldOrderEqualToAnEnumMap() {
        RecordView view = RecordView.builder().put(DataField.GROUNDS, "g").put(DataField.BSN, "111222333")
                .put(DataField.DAYS, 6).put(DataField.BSN, "123456782").build();
        java.util.EnumMap<DataField, Object> expected = new java.util.EnumMap<>(DataField.class);
        expected.put(DataField.BSN, "123456782");
        expected.put(DataField.DAYS, 6);
        expected.put(DataField.GROUNDS, "g");

        assertThat(view.values()).isEqualTo(expected).hasSameHashCodeAs(expected).hasSize(3);
        assertThat(expected).isEqualTo(view.values());
        assertThat(new java.util.ArrayList<>(view.fields())).containsExactly(DataField.BSN, DataField.DAYS,
                DataField.GROUNDS);
        java.util.List<DataField> visited = new java.util.ArrayList<>();
        view.values().forEach((field, value) -> visited.add(field));
        assertThat(visited).containsExactly(DataField.BSN, DataField.DAYS, DataField.GROUNDS);
        assertThat(view.get(DataField.DAYS)).isEqualTo(6);
        assertThat(view.get(DataField.POSTCODE)).isNull();
        assertThat(view.values().containsKey(DataField.GROUNDS)).isTrue();
        assertThat(view.values().get("bsn")).isNull();
        assertThat(view).isEqualTo(RecordView.builder().put(DataField.DAYS, 6).put(DataField.GROUNDS, "g")
                .put(DataField.BSN, "123456782").build());
        assertThatThrownBy(() -> view.values().remove(DataField.BSN)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.fields().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.values().entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(RecordView.empty().values()).isEmpty();
        assertThat(RecordView.empty().isEmpty()).isTrue();
    }

    @Test
    void nullValuesStayAbsentAndAnEmptyBuilderGivesTheEmptyView() {
        assertThat(RecordView.builder().put(DataField.POSTCODE, null).build()).isSameAs(RecordView.empty());
    }
}
