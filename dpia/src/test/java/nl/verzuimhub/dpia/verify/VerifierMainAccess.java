package nl.verzuimhub.dpia.verify;

/** Runs the command-line verifier in-process and returns its exit code (tests only). */
public final class VerifierMainAccess {
    private VerifierMainAccess() {
    }

    public static int run(String... args) {
        return VerifierMain.run(args);
    }
}
