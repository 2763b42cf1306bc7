package nl.verzuimhub.policies;

import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.recipient.Recipient;

/** Which records a recipient's organisation is responsible for. Each scope compares the record to the organisation code. */
public enum Scope {
    /** Records of pupils whose municipality of residence (woongemeente) is the recipient's municipality. */
    MUNICIPALITY_OF_RESIDENCE {
        @Override
        boolean covers(RegisterRecord record, Recipient recipient, RegionDirectory regions) {
            return record.pupil().municipality().equals(recipient.organisation().code());
        }
    },
    /** Records whose (last) school belongs to the recipient's samenwerkingsverband. */
    PARTNERSHIP_OF_SCHOOL {
        @Override
        boolean covers(RegisterRecord record, Recipient recipient, RegionDirectory regions) {
            return record.school().map(school -> school.partnership().equals(recipient.organisation().code()))
                    .orElse(false);
        }
    },
    /** Records of pupils living in a municipality of the recipient's GGD region. */
    GGD_REGION_OF_RESIDENCE {
        @Override
        boolean covers(RegisterRecord record, Recipient recipient, RegionDirectory regions) {
            return regions.ggdRegionContains(recipient.organisation().code(), record.pupil().municipality());
        }
    };

    abstract boolean covers(RegisterRecord record, Recipient recipient, RegionDirectory regions);
}
