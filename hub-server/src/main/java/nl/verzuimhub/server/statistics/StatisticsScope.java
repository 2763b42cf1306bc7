package nl.verzuimhub.server.statistics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.verzuimhub.core.recipient.OrganisationType;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.recipient.RecipientRole;
import nl.verzuimhub.policies.DefaultPolicySet;

/**
 * Who may see which statistics, under which purpose, and whether small cells are suppressed. Plain class.
 *
 * <table>
 *   <caption>scope</caption>
 *   <tr><th>caller</th><th>may see</th><th>small cells</th><th>purposes</th></tr>
 *   <tr><td>ATTENDANCE_OFFICER of a MUNICIPALITY</td><td>its own municipality</td><td>shown</td>
 *       <td>leerplicht, statistiek</td></tr>
 *   <tr><td>PARTNERSHIP</td><td>its own partnership</td><td>suppressed</td><td>passend-onderwijs, statistiek</td></tr>
 *   <tr><td>STATISTICS (ministry, inspectorate)</td><td>every municipality, never a partnership</td>
 *       <td>suppressed</td><td>statistiek</td></tr>
 *   <tr><td>anyone else</td><td>nothing</td><td></td><td></td></tr>
 * </table>
 *
 * <p>Contract: cells are shown unsuppressed only to the municipality itself (domain.md: "cells below 5 suppressed
 * for any recipient who is not the municipality itself"); a refusal says why without naming anything about pupils.
 */
public final class StatisticsScope {
    /** The purpose of the national count (Lpw art. 25); declared by the default policy set. */
    public static final String STATISTIEK = "statistiek";

    private static final Map<RecipientRole, List<String>> PURPOSES = Map.of(
            RecipientRole.ATTENDANCE_OFFICER, List.of(DefaultPolicySet.LEERPLICHT.id(), STATISTIEK),
            RecipientRole.PARTNERSHIP, List.of(DefaultPolicySet.PASSEND_ONDERWIJS.id(), STATISTIEK),
            RecipientRole.STATISTICS, List.of(STATISTIEK));

    private StatisticsScope() {
    }

    /** The answer: granted (with the purpose and whether to suppress) or refused (with the reason). */
    public sealed interface Access permits Granted, Refused {
    }

    /** @param suppressed whether cells below the threshold are hidden from this caller */
    public record Granted(String purposeId, boolean suppressed) implements Access {
    }

    public record Refused(String reason) implements Access {
    }

    /**
     * May {@code recipient} see the statistics of {@code group}?
     *
     * @param requestedPurpose the purpose the caller named, or null for its default
     */
    public static Access decide(Recipient recipient, StatisticsGroup group, String requestedPurpose) {
        Optional<String> purpose = purpose(recipient, requestedPurpose);
        if (purpose.isEmpty()) {
            return new Refused(requestedPurpose == null ? "no purpose of this caller covers statistics"
                    : "purpose '" + requestedPurpose + "' does not cover statistics for role " + recipient.role());
        }
        String own = recipient.organisation().code();
        switch (recipient.role()) {
            case ATTENDANCE_OFFICER:
                if (recipient.organisation().type() == OrganisationType.MUNICIPALITY
                        && group.type() == StatisticsGroup.Type.MUNICIPALITY && group.code().equals(own)) {
                    return new Granted(purpose.get(), false);
                }
                return new Refused("a municipality sees only its own municipality's statistics");
            case PARTNERSHIP:
                if (group.type() == StatisticsGroup.Type.PARTNERSHIP && group.code().equals(own)) {
                    return new Granted(purpose.get(), true);
                }
                return new Refused("a partnership sees only its own partnership's statistics");
            case STATISTICS:
                if (group.type() == StatisticsGroup.Type.MUNICIPALITY) {
                    return new Granted(purpose.get(), true);
                }
                return new Refused("a statistics recipient sees aggregates per municipality only");
            default:
                return new Refused("role " + recipient.role() + " receives no statistics");
        }
    }

    /**
     * May {@code recipient} see the list of all municipalities? A statistics recipient sees every municipality
     * (suppressed); a municipality's list holds only itself ({@link #ownGroup}); anyone else is refused.
     */
    public static Access decideAllMunicipalities(Recipient recipient, String requestedPurpose) {
        if (recipient.role() == RecipientRole.STATISTICS) {
            return purpose(recipient, requestedPurpose).<Access>map(p -> new Granted(p, true))
                    .orElseGet(() -> new Refused(requestedPurpose == null ? "no purpose of this caller covers statistics"
                            : "purpose '" + requestedPurpose + "' does not cover statistics"));
        }
        Optional<StatisticsGroup> own = ownGroup(recipient);
        if (own.isPresent() && own.get().type() == StatisticsGroup.Type.MUNICIPALITY) {
            return decide(recipient, own.get(), requestedPurpose);
        }
        return new Refused("role " + recipient.role() + " receives no statistics per municipality");
    }

    /** The group a recipient's own statistics are about, if it has one (a municipality or a partnership). */
    public static Optional<StatisticsGroup> ownGroup(Recipient recipient) {
        if (recipient.role() == RecipientRole.ATTENDANCE_OFFICER
                && recipient.organisation().type() == OrganisationType.MUNICIPALITY) {
            return Optional.of(new StatisticsGroup(StatisticsGroup.Type.MUNICIPALITY, recipient.organisation().code()));
        }
        if (recipient.role() == RecipientRole.PARTNERSHIP) {
            return Optional.of(new StatisticsGroup(StatisticsGroup.Type.PARTNERSHIP, recipient.organisation().code()));
        }
        return Optional.empty();
    }

    private static Optional<String> purpose(Recipient recipient, String requested) {
        List<String> covering = PURPOSES.getOrDefault(recipient.role(), List.of()).stream()
                .filter(recipient.purposes()::contains).toList();
        if (requested != null) {
            return covering.contains(requested) ? Optional.of(requested) : Optional.empty();
        }
        return covering.stream().findFirst();
    }
}
