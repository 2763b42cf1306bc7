package nl.verzuimhub.connectors.push;

/** The data file formats for municipal attendance software. */
public enum FileFormat {
    CSV("csv"), XML("xml");

    private final String extension;

    FileFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
