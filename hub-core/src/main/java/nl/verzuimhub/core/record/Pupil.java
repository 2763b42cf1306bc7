package nl.verzuimhub.core.record;

import java.time.LocalDate;
import java.util.Objects;
import nl.verzuimhub.core.identity.PupilIdentifier;

/**
 * The pupil a record is about, as the register describes them.
 *
 * @param municipality CBS code of the municipality of residence (woongemeente), four digits; it decides which
 *                     attendance officer is responsible
 * @param postcode     optional, may be null
 */
public record Pupil(PupilIdentifier identifier, LocalDate birthDate, String municipality, String postcode) {
    public Pupil {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(municipality, "municipality");
    }

    @Override
    public String toString() {
        return "Pupil(redacted, municipality=" + municipality + ")";
    }
}
