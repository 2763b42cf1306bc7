package nl.verzuimhub.server.dashboard.report;

import java.util.Locale;

/** The languages the reports for parents and pupils come in. */
public enum ReportLanguage {
    NL, EN;

    /** "en" (any case) is English; anything else Dutch, the default. */
    public static ReportLanguage of(String code) {
        return code != null && code.trim().toLowerCase(Locale.ROOT).equals("en") ? EN : NL;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
