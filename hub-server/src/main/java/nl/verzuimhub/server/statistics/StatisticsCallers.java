package nl.verzuimhub.server.statistics;

import java.util.List;
import java.util.Optional;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.server.dashboard.DashboardUser;
import nl.verzuimhub.server.recipients.RecipientDirectory;
import org.springframework.stereotype.Component;

/**
 * The recipient a logged-in person acts for: the one recipient whose organisation code and role are the person's
 * ({@code hub.people.<username>.organisation} and {@code .role}). Its client id keys the pseudonyms the person sees,
 * its purposes bound what the person may do. Empty when no recipient, or more than one, fits.
 */
@Component
class StatisticsCallers {
    private final RecipientDirectory recipients;

    StatisticsCallers(RecipientDirectory recipients) {
        this.recipients = recipients;
    }

    Optional<Recipient> forPerson(DashboardUser person) {
        if (person.organisation() == null || person.role() == null) {
            return Optional.empty();
        }
        List<Recipient> matching = recipients.all().stream()
                .filter(r -> r.organisation().code().equals(person.organisation()))
                .filter(r -> r.role().name().equals(person.role())).toList();
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }
}
