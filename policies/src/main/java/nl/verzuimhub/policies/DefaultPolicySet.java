package nl.verzuimhub.policies;

import nl.verzuimhub.core.recipient.Purpose;

/**
 * The hub's default policy set: the recipient table of the domain brief, written as YAML in
 * {@code policies/purposes.yaml} and {@code policies/rules.yaml} on this module's classpath and loaded (and
 * validated) once. The constants name the purposes other code refers to; a test keeps them equal to the files.
 */
public final class DefaultPolicySet {
    public static final String VERSION = "default-2026.11.2";

    public static final Purpose LEERPLICHT = new Purpose("leerplicht", "Handhaving leerplicht en kwalificatieplicht",
            "Leerplichtwet 1969 art. 21a", "VA-LEERPLICHT");
    public static final Purpose PASSEND_ONDERWIJS = new Purpose("passend-onderwijs",
            "Passend onderwijs: een plek voor thuiszitters",
            "AVG art. 6 lid 1 sub e jo. WPO art. 18a en WVO 2020 art. 17a (taak samenwerkingsverband)",
            "VA-PASSEND-ONDERWIJS");
    public static final Purpose JEUGDGEZONDHEIDSZORG = new Purpose("jeugdgezondheidszorg",
            "Jeugdgezondheidszorg bij ziekteverzuim (M@ZL)",
            "Wet publieke gezondheid art. 5 jo. Besluit publieke gezondheid art. 5", "VA-JGZ-ZIEKTEVERZUIM");
    public static final Purpose TOEZICHT = new Purpose("toezicht", "Toezicht op de verwerking door de FG",
            "AVG art. 39 (taken van de functionaris voor gegevensbescherming)", "VA-TOEZICHT");

    private static final class Holder {
        static final PolicySet SET = PolicyLoader.loadDefault();
    }

    private DefaultPolicySet() {
    }

    /** The default set, loaded from the classpath once (it is immutable). */
    public static PolicySet policySet() {
        return Holder.SET;
    }
}
