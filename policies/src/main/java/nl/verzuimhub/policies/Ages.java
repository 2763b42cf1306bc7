package nl.verzuimhub.policies;

import java.time.LocalDate;

/** Age in whole years, without allocating. */
final class Ages {
    private Ages() {
    }

    static int at(LocalDate birthDate, LocalDate on) {
        int age = on.getYear() - birthDate.getYear();
        if (on.getMonthValue() < birthDate.getMonthValue()
                || on.getMonthValue() == birthDate.getMonthValue() && on.getDayOfMonth() < birthDate.getDayOfMonth()) {
            age--;
        }
        return age;
    }
}
