package nl.verzuimhub.core.statistics;

import java.util.function.Predicate;
import nl.verzuimhub.core.record.RegisterRecord;

/**
 * Which records belong to a group the leerplichttelling counts for, as the domain scopes them: a municipality by the
 * pupil's municipality of residence (woongemeente), a partnership by the (last) school's partnership code.
 */
public final class RecordGroups {
    private RecordGroups() {
    }

    /** Records of pupils living in {@code municipalityCode} (CBS code, four digits). */
    public static Predicate<RegisterRecord> municipality(String municipalityCode) {
        return record -> record.pupil().municipality().equals(municipalityCode);
    }

    /** Records whose (last) school belongs to partnership {@code partnershipCode}; records without a school never. */
    public static Predicate<RegisterRecord> partnership(String partnershipCode) {
        return record -> record.school().map(school -> school.partnership().equals(partnershipCode)).orElse(false);
    }
}
