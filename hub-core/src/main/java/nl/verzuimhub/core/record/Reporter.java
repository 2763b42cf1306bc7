package nl.verzuimhub.core.record;

/** The school employee who filed an absence report (melder). Every part but the name may be null. */
public record Reporter(String name, String role, String phone, String email) {
    public Reporter {
        java.util.Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "Reporter(redacted)";
    }
}
