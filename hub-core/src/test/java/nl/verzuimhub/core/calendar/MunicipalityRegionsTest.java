package nl.verzuimhub.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MunicipalityRegionsTest {
    @Test
    void theSimulatorsMunicipalitiesHaveTheirGovernmentRegion() {
        assertThat(MunicipalityRegions.DEFAULTS.regionOf("0363")).contains(HolidayRegion.NOORD);
        assertThat(MunicipalityRegions.DEFAULTS.regionOf("0451")).contains(HolidayRegion.NOORD);
        assertThat(MunicipalityRegions.DEFAULTS.regionOf("0599")).contains(HolidayRegion.MIDDEN);
        assertThat(MunicipalityRegions.DEFAULTS.regionOf("0518")).contains(HolidayRegion.MIDDEN);
        assertThat(MunicipalityRegions.DEFAULTS.calendarOf("0363").region()).isEqualTo(HolidayRegion.NOORD);
    }

    @Test
    void anUnconfiguredMunicipalityHasNoRegionAndSaysSo() {
        assertThat(MunicipalityRegions.DEFAULTS.regionOf("0935")).isEmpty();
        assertThatThrownBy(() -> MunicipalityRegions.DEFAULTS.calendarOf("0935"))
                .hasMessage("municipality 0935 has no holiday region configured");
    }

    @Test
    void configurationOverridesAndExtendsTheDefaults() {
        MunicipalityRegions regions = MunicipalityRegions.defaultsWith(Map.of("0935", "zuid", "0599", " Zuid "));
        assertThat(regions.regionOf("0935")).contains(HolidayRegion.ZUID);
        assertThat(regions.regionOf("0599")).contains(HolidayRegion.ZUID);
        assertThat(regions.regionOf("0363")).contains(HolidayRegion.NOORD);
        assertThat(regions.calendarOf("0935").isSchoolDay(LocalDate.parse("2024-10-21"))).isFalse();
        assertThatThrownBy(() -> MunicipalityRegions.defaultsWith(Map.of("0935", "oost")))
                .hasMessageContaining("unknown holiday region 'oost'");
        assertThatThrownBy(() -> MunicipalityRegions.defaultsWith(Map.of("935", "zuid")))
                .hasMessageContaining("'935' is not four digits");
    }
}
