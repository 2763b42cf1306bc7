package nl.verzuimhub.server.simulator;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import nl.verzuimhub.server.web.BadRequestException;
import nl.verzuimhub.simulator.RegisterSimulator;
import nl.verzuimhub.simulator.SyntheticRegion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in register simulator: a deterministic synthetic region served over the register's own exchange
 * interface ({@code GET /simulator/register/v1/mutaties?vanaf=&max=}), so that the run command needs no register.
 * Present only when {@code hub.register.base-url} is not set, and left out of the hub's API document: it stands in
 * for an external system. All data is synthetic.
 */
@Hidden
@RestController
@ConditionalOnExpression("'${hub.register.base-url:}'.isBlank()")
public class SimulatorController {
    public static final String BASE_PATH = "/simulator/register";
    private static final Logger log = LoggerFactory.getLogger(SimulatorController.class);

    private final RegisterSimulator simulator;

    SimulatorController(SimulatorProperties properties, Clock clock) {
        long seed = properties.seed() == null ? 20241001L : properties.seed();
        int pupils = properties.pupils() == null ? 4000 : properties.pupils();
        SyntheticRegion region = SyntheticRegion.generate(seed, pupils);
        this.simulator = new RegisterSimulator(region.mutations(), clock);
        log.info("Register simulator: {} pupils, {} mutations (seed {})", pupils, region.mutations().size(), seed);
    }

    @GetMapping(path = BASE_PATH + "/v1/mutaties", produces = MediaType.APPLICATION_XML_VALUE)
    byte[] mutaties(@RequestParam(defaultValue = "0") long vanaf, @RequestParam(defaultValue = "500") int max) {
        if (vanaf < 0 || max < 1 || max > 1000) {
            throw new BadRequestException("vanaf must be >= 0 and max between 1 and 1000");
        }
        return simulator.page(vanaf, max);
    }
}
