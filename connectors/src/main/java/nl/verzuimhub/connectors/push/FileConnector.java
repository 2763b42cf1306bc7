package nl.verzuimhub.connectors.push;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * File: writes each batch as a data file and then its manifest into a directory, each atomically (written under a
 * temporary name starting with a dot, then renamed), so a reader never sees half a file.
 */
public final class FileConnector implements PushConnector {
    public static final String ID = "file";

    private final FileSettings settings;

    public FileConnector(FileSettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String target() {
        return settings.directory().toString();
    }

    @Override
    public DeliveryResult deliver(PushBatch batch) {
        FileFormat format = settings.format();
        byte[] data = BatchFiles.data(batch, format);
        try {
            write(BatchFiles.dataFileName(batch, format), data);
            write(BatchFiles.manifestFileName(batch, format), BatchFiles.manifest(batch, format, data));
            return new DeliveryResult.Delivered("written to " + settings.directory());
        } catch (IOException e) {
            return new DeliveryResult.Failed("file write failed: " + e.getClass().getSimpleName(), null);
        }
    }

    private void write(String name, byte[] content) throws IOException {
        Path temporary = settings.directory().resolve("." + name + ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, settings.directory().resolve(name), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
