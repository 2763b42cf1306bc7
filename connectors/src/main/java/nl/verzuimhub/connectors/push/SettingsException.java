package nl.verzuimhub.connectors.push;

import java.util.List;

/** Connector settings that cannot work; the message names every offending property. */
public class SettingsException extends IllegalStateException {
    private final List<String> problems;

    public SettingsException(List<String> problems) {
        super("Invalid push connector settings:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
