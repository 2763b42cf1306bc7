package nl.verzuimhub.policies;

/** Which records a rule covers by the pupil's (last) school, relative to the recipient's organisation code. */
public enum SchoolScope {
    /** No condition on the school. */
    ANY("any"),
    /** The record's (last) school belongs to the samenwerkingsverband whose code is the recipient's organisation code. */
    RECIPIENT_PARTNERSHIP("recipient-partnership");

    private final String yamlName;

    SchoolScope(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static SchoolScope fromYamlName(String name) {
        for (SchoolScope scope : values()) {
            if (scope.yamlName.equals(name)) {
                return scope;
            }
        }
        return null;
    }
}
