package nl.verzuimhub.core.recipient;

import java.util.Objects;

/** The organisation a recipient acts for. {@code code} is what scopes compare against (a gemeentecode, ...). */
public record Organisation(OrganisationType type, String code, String name) {
    public Organisation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
