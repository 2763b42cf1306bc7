package nl.verzuimhub.connectors.register;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an XML Schema validator message into a description that never repeats the offending value.
 *
 * <p>The validator's messages quote the value that failed ({@code Value '12345678' is not facet-valid ...}), which for
 * this feed may be a BSN or a school's free text. So messages are never passed on as they are: messages about
 * structure (which element or attribute is missing or unexpected) are kept, because they only name elements; messages
 * about a value are replaced by a fixed explanation of the rule, plus the type or attribute name read from the end of
 * the message; anything else is reduced to its rule code.
 */
final class SchemaMessages {
    private static final String NAMESPACE = "\"urn:nl:verzuimregister:uitwisseling:v1\":";
    private static final Pattern CODE = Pattern.compile("(cvc-[A-Za-z0-9.-]+):.*", Pattern.DOTALL);
    /** A name as XML allows it; a quoted group that is not such a name is not repeated. */
    private static final String NAME = "[A-Za-z_][A-Za-z0-9_.:-]{0,99}";
    private static final Pattern TYPE_AT_END = Pattern.compile(".*for type '(" + NAME + ")'\\.\\s*", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE_AT_END = Pattern.compile(
            ".*of attribute '(" + NAME + ")' on element '" + NAME + "' is not valid with respect to its type, '[^']*'\\.\\s*",
            Pattern.DOTALL);

    /** Rules about document structure: their messages name elements and attributes, never character content. */
    private static final Set<String> STRUCTURAL = Set.of(
            "cvc-complex-type.2.1", "cvc-complex-type.2.2", "cvc-complex-type.2.3",
            "cvc-complex-type.2.4.a", "cvc-complex-type.2.4.b", "cvc-complex-type.2.4.c", "cvc-complex-type.2.4.d",
            "cvc-complex-type.3.2.1", "cvc-complex-type.3.2.2", "cvc-complex-type.4", "cvc-elt.1.a", "cvc-elt.1.b");

    /** Rules about a value; the message quotes the value, so only this explanation is used. */
    private static final Map<String, String> VALUE_RULES = Map.ofEntries(
            Map.entry("cvc-pattern-valid", "value does not match the pattern of its type"),
            Map.entry("cvc-enumeration-valid", "value is not one of the codes its type allows"),
            Map.entry("cvc-datatype-valid.1.2.1", "value is not valid for its datatype"),
            Map.entry("cvc-datatype-valid.1.2.2", "value is not valid for its datatype"),
            Map.entry("cvc-datatype-valid.1.2.3", "value is not valid for its datatype"),
            Map.entry("cvc-type.3.1.3", "element value is not valid for its type"),
            Map.entry("cvc-attribute.3", "attribute value is not valid for its type"),
            Map.entry("cvc-length-valid", "value does not have the length its type requires"),
            Map.entry("cvc-minLength-valid", "value is shorter than its type allows"),
            Map.entry("cvc-maxLength-valid", "value is longer than its type allows"),
            Map.entry("cvc-minInclusive-valid", "value is below the minimum of its type"),
            Map.entry("cvc-minExclusive-valid", "value is below the minimum of its type"),
            Map.entry("cvc-maxInclusive-valid", "value is above the maximum of its type"),
            Map.entry("cvc-maxExclusive-valid", "value is above the maximum of its type"),
            Map.entry("cvc-totalDigits-valid", "value has more digits than its type allows"),
            Map.entry("cvc-fractionDigits-valid", "value has more decimals than its type allows"));

    private SchemaMessages() {
    }

    /** A value-free description of one validator message; {@code message} may be null. */
    static String describe(String message) {
        if (message == null) {
            return "not accepted by the schema";
        }
        Matcher code = CODE.matcher(message.strip());
        if (!code.matches()) {
            return "not accepted by the schema";
        }
        String rule = code.group(1);
        if (STRUCTURAL.contains(rule)) {
            return message.strip().replace(NAMESPACE, "");
        }
        String explanation = VALUE_RULES.get(rule);
        if (explanation == null) {
            return "violates schema rule " + rule;
        }
        Matcher attribute = ATTRIBUTE_AT_END.matcher(message);
        if (attribute.matches()) {
            return explanation + " (attribute " + attribute.group(1) + ", " + rule + ")";
        }
        Matcher type = TYPE_AT_END.matcher(message);
        if (type.matches()) {
            return explanation + " (type " + type.group(1) + ", " + rule + ")";
        }
        return explanation + " (" + rule + ")";
    }
}
