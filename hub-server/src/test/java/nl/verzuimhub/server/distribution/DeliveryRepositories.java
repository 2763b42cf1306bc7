package nl.verzuimhub.server.distribution;

import nl.verzuimhub.server.outbox.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.ObjectMapper;

/** The hub's only writer of delivery rows, for tests that assemble an instance's parts without Spring. */
public final class DeliveryRepositories {
    private DeliveryRepositories() {
    }

    public static DeliveryRepository of(JdbcTemplate jdbc, ObjectMapper json, Outbox outbox) {
        return new DeliveryRepository(jdbc, json, outbox);
    }
}
