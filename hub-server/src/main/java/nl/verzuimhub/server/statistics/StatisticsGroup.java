package nl.verzuimhub.server.statistics;

import java.util.Objects;
import java.util.regex.Pattern;
import nl.verzuimhub.server.web.BadRequestException;

/**
 * What a statistics table counts over: the pupils living in one municipality (woongemeente, by CBS code) or the
 * pupils whose (last) school belongs to one samenwerkingsverband (by its code).
 */
public record StatisticsGroup(Type type, String code) {
    /** The kinds of group, with the path segment that names them in URLs. */
    public enum Type {
        MUNICIPALITY("municipalities", Pattern.compile("\\d{4}"), "a CBS gemeentecode of four digits"),
        PARTNERSHIP("partnerships", Pattern.compile("(PO|VO)\\d{4}"), "PO or VO and four digits");

        private final String path;
        private final Pattern format;
        private final String formatDescription;

        Type(String path, Pattern format, String formatDescription) {
            this.path = path;
            this.format = format;
            this.formatDescription = formatDescription;
        }

        public String path() {
            return path;
        }
    }

    public StatisticsGroup {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(code, "code");
    }

    /**
     * A group from a request's path segment.
     *
     * @throws BadRequestException naming the expected format when the code does not have it
     */
    public static StatisticsGroup parse(Type type, String code) {
        if (code == null || !type.format.matcher(code).matches()) {
            throw new BadRequestException(type.name().toLowerCase(java.util.Locale.ROOT) + " code must be "
                    + type.formatDescription + ", was '" + (code == null ? "" : code) + "'");
        }
        return new StatisticsGroup(type, code);
    }

    /** For audit reasons and file names, e.g. {@code municipality=0363}. */
    public String describe() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + "=" + code;
    }
}
