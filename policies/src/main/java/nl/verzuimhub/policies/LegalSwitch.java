package nl.verzuimhub.policies;

import java.util.Objects;

/**
 * A legal-basis switch: a condition that a privacy officer turns on (configuration
 * {@code hub.policy.switches.<id>=true}) once the legal basis it names is in force, e.g. a bill that gives
 * partnerships a statutory task. Off unless turned on.
 */
public record LegalSwitch(String id, String legalBasis, String description) {
    public LegalSwitch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(legalBasis, "legalBasis");
        description = description == null ? "" : description;
    }
}
