package nl.verzuimhub.core.record;

import java.util.Objects;

/**
 * A pupil's (last) school.
 *
 * @param brin        school code: two digits and two capitals
 * @param branch      vestiging, two digits; may be null
 * @param sector      PO, SO, VO, VSO or MBO
 * @param partnership code of the school's samenwerkingsverband (partnership for inclusive education), e.g. VO2701
 * @param grade       leerjaar; may be null
 */
public record Enrolment(String brin, String branch, String sector, String partnership, Integer grade) {
    public Enrolment {
        Objects.requireNonNull(brin, "brin");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(partnership, "partnership");
    }
}
