package nl.verzuimhub.connectors.register;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The register's sample pages (src/test/resources/register-samples), and edited copies of them. */
final class Samples {
    /** The BSNs and free text on the sample pages: none of these may ever appear in a reason or a log line. */
    static final String[] PERSONAL_VALUES = {"725763863", "162275869", "192285142", "691682483", "101222331",
            "J. de Vries", "A. Bakker", "buikpijn", "GGD-arts", "020-5550101", "verzuim@school.example", "1012AB"};

    private Samples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/register-samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The sample with exactly one occurrence of {@code from} replaced by {@code to}. */
    static byte[] edited(String name, String from, String to) {
        String text = text(name);
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("'" + from + "' does not occur exactly once in " + name);
        }
        return (text.substring(0, at) + to + text.substring(at + from.length())).getBytes(StandardCharsets.UTF_8);
    }

    /** 1-based line number of the single line of {@code page} that contains {@code fragment}. */
    static int lineOf(byte[] page, String fragment) {
        String name = "the page";
        String[] lines = new String(page, StandardCharsets.UTF_8).split("\n", -1);
        int found = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                if (found >= 0) {
                    throw new IllegalArgumentException("'" + fragment + "' is on more than one line of " + name);
                }
                found = i + 1;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("'" + fragment + "' is not in " + name);
        }
        return found;
    }
}
