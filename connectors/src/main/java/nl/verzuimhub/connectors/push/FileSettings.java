package nl.verzuimhub.connectors.push;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file connector's settings: a directory the municipality's software reads (often a share) and the format.
 *
 * @param directory must exist and be writable when the hub starts
 */
public record FileSettings(Path directory, FileFormat format) {
    public FileSettings {
        format = format == null ? FileFormat.CSV : format;
    }

    public List<String> problems(String prefix) {
        List<String> problems = new ArrayList<>();
        if (directory == null) {
            problems.add(prefix + ".directory is missing");
        } else if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
            problems.add(prefix + ".directory '" + directory + "' is not a writable directory");
        }
        return problems;
    }
}
