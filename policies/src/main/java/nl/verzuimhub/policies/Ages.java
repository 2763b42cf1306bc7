package nl.verzuimhub.policies;

import java.time.LocalDate;

/** Age in whole years, without allocating: the age a scope's age range and the {@code age} field rule use. */
public final class Ages {
    private Ages() {
    }

    public static int at(LocalDate birthDate, LocalDate on) {
        int age = on.getYear() - birthDate.getYear();
        if (on.getMonthValue() < birthDate.getMonthValue()
                || on.getMonthValue() == birthDate.getMonthValue() && on.getDayOfMonth() < birthDate.getDayOfMonth()) {
            age--;
        }
        return age;
    }
}
