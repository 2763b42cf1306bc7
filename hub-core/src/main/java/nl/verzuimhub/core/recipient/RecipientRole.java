package nl.verzuimhub.core.recipient;

/** The role a recipient organisation plays towards the hub; policies are written per role. */
public enum RecipientRole {
    /** Leerplichtambtenaar of a municipality: enforces compulsory education for the pupils living there. */
    ATTENDANCE_OFFICER,
    /** RMC-functie: follows 18-23-year-olds without a basic qualification in a region of municipalities. */
    RMC,
    /** Samenwerkingsverband: partnership for inclusive education. */
    PARTNERSHIP,
    /** Jeugdarts of a GGD region: medical advice on sick-reported pupils. */
    YOUTH_DOCTOR,
    /** Functionaris gegevensbescherming: audits the disclosure log; receives no pupil data. */
    PRIVACY_OFFICER,
    /** Ministry, inspectorate, researchers: aggregates only. */
    STATISTICS,
    /** The hub's own operations staff: quarantine, dead letters and replays; receives no pupil data. */
    OPERATOR
}
