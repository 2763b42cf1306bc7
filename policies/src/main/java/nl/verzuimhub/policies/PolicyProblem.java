package nl.verzuimhub.policies;

/**
 * One thing wrong with a policy set: where (file and 1-based line; 0 when not tied to a line) and what.
 */
public record PolicyProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
