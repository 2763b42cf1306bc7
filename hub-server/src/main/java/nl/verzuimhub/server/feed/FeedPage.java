package nl.verzuimhub.server.feed;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a recipient's feed, oldest first. */
public record FeedPage(
        List<FeedItem> items,
        @Schema(description = "Cursor for the next request (`after`); equal to the one given when there is nothing new")
        String next) {
}
