package nl.verzuimhub.server.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Set;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.server.security.Callers;
import nl.verzuimhub.server.security.DenialLog;
import nl.verzuimhub.server.security.ForbiddenException;
import nl.verzuimhub.server.web.BadRequestException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The pull feed: {@code GET /api/v1/feed?after=&limit=}, everything the caller may see, oldest first. */
@RestController
class FeedController {
    static final int MAX_LIMIT = 1000;

    private final FeedService feed;
    private final Callers callers;
    private final DenialLog denials;
    private final PolicyEngine engine;

    FeedController(FeedService feed, Callers callers, DenialLog denials, PolicyEngine engine) {
        this.feed = feed;
        this.callers = callers;
        this.denials = denials;
        this.engine = engine;
    }

    @Operation(summary = "Read your feed", description = "Items you may see, oldest first, after the cursor `after`."
            + " Each served item is recorded in the audit log before the response is sent. Continue with `next`.")
    @GetMapping(path = "/api/v1/feed", produces = MediaType.APPLICATION_JSON_VALUE)
    FeedPage read(@AuthenticationPrincipal Jwt token,
                  @Parameter(description = "cursor: the `next` of the previous page; 0 or absent for the start")
                  @RequestParam(required = false) String after,
                  @Parameter(description = "items per page, 1..1000") @RequestParam(defaultValue = "100") int limit,
                  @Parameter(description = "the purpose to read under; needed only when you hold more than one")
                  @RequestParam(required = false) String purpose) {
        long cursor = parseCursor(after);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        String clientId = Callers.clientId(token);
        Recipient recipient = callers.recipient(token).orElse(null);
        if (recipient == null) {
            denials.deny(clientId, null, purpose, AuditChannel.FEED, "feed refused: client unknown to the hub");
            throw new ForbiddenException("this client is not a recipient of the hub");
        }
        return feed.read(recipient, feedPurpose(recipient, purpose), cursor, limit);
    }

    private String feedPurpose(Recipient recipient, String requested) {
        Set<String> withRules = engine.disclosurePurposes(recipient.role());
        List<String> usable = recipient.purposes().stream().filter(withRules::contains).toList();
        if (requested != null) {
            if (!usable.contains(requested)) {
                denials.deny(recipient.clientId(), recipient, requested, AuditChannel.FEED,
                        "feed refused: purpose not granted or without disclosures");
                throw new ForbiddenException("you may not read a feed under purpose '" + requested + "'");
            }
            return requested;
        }
        if (usable.isEmpty()) {
            denials.deny(recipient.clientId(), recipient, null, AuditChannel.FEED,
                    "feed refused: no purpose that permits disclosure");
            throw new ForbiddenException("none of your purposes permits receiving a feed");
        }
        if (usable.size() > 1) {
            throw new BadRequestException("you hold several feed purposes " + usable + ": name one with `purpose`");
        }
        return usable.get(0);
    }

    private static long parseCursor(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        try {
            long cursor = Long.parseLong(after);
            if (cursor < 0) {
                throw new NumberFormatException();
            }
            return cursor;
        } catch (NumberFormatException e) {
            throw new BadRequestException("after must be a cursor returned as `next` by this feed");
        }
    }
}
