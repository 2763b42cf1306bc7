package nl.verzuimhub.policies;

/** Which pupils a rule covers by where they live (woongemeente), relative to the recipient's organisation code. */
public enum ResidenceScope {
    /** No condition on residence. */
    ANY("any"),
    /** The pupil lives in the municipality whose CBS code is the recipient's organisation code. */
    RECIPIENT_MUNICIPALITY("recipient-municipality"),
    /** The pupil lives in a municipality of the recipient's GGD region. */
    RECIPIENT_GGD_REGION("recipient-ggd-region"),
    /** The pupil lives in a municipality of the recipient's RMC region. */
    RECIPIENT_RMC_REGION("recipient-rmc-region");

    private final String yamlName;

    ResidenceScope(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static ResidenceScope fromYamlName(String name) {
        for (ResidenceScope scope : values()) {
            if (scope.yamlName.equals(name)) {
                return scope;
            }
        }
        return null;
    }
}
