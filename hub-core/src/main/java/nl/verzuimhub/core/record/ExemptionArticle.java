package nl.verzuimhub.core.record;

/** The article of the Leerplichtwet 1969 an exemption (vrijstelling) rests on. */
public enum ExemptionArticle {
    /** 3a: replacement compulsory education (14+, school and work). */
    ART_3A("3a"),
    /** 3b: last year at an mbo institution. */
    ART_3B("3b"),
    /** 5 onder a: physically or psychologically unfit for school. Its grounds are health data. */
    ART_5A("5a"),
    /** 5 onder b: objection to the denomination of all nearby schools. */
    ART_5B("5b"),
    /** 5 onder c: enrolled at a school abroad. */
    ART_5C("5c"),
    /** 15: exemption from the qualification duty. */
    ART_15("15");

    private final String code;

    ExemptionArticle(String code) {
        this.code = code;
    }

    /** The register's code, e.g. {@code 5a}. */
    public String code() {
        return code;
    }

    public static ExemptionArticle fromCode(String code) {
        for (ExemptionArticle article : values()) {
            if (article.code.equals(code)) {
                return article;
            }
        }
        throw new IllegalArgumentException("unknown exemption article: " + code);
    }
}
