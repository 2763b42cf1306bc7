package nl.verzuimhub.simulator;

import java.time.LocalDate;
import java.time.Period;
import nl.verzuimhub.core.calendar.HolidayRegion;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Pupil;

/**
 * One synthetic pupil as at the start of the school year: number, birth date, where they live (postcode may be null)
 * and the school, branch and grade they attend (for a pupil found enrolled nowhere: the school they left).
 */
record PupilProfile(int index, PupilIdentifier identifier, LocalDate birthDate, Municipality municipality,
                    String postcode, School school, String branch, Integer grade) {

    int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    HolidayRegion holidayRegion() {
        return school.municipality().holidayRegion();
    }

    Pupil pupil() {
        return new Pupil(identifier, birthDate, municipality.code(), postcode);
    }

    Enrolment enrolment() {
        return new Enrolment(school.brin(), branch, school.sector().name(), school.partnership(), grade);
    }
}
