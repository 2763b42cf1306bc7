package nl.verzuimhub.policies;

import java.util.Objects;

/** One policy file: its name (for messages and the content hash) and its bytes. */
public record PolicySource(String name, byte[] content) {
    public PolicySource {
        Objects.requireNonNull(name, "name");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
