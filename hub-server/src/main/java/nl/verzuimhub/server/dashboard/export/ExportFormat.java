package nl.verzuimhub.server.dashboard.export;

/** The file formats of an audit export. */
public enum ExportFormat {
    CSV("text/csv;charset=UTF-8", "csv"),
    JSON("application/json", "json");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }
}
