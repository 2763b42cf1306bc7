package nl.verzuimhub.server.feed;

import io.swagger.v3.oas.annotations.media.Schema;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.RecordKind;

/**
 * One item of a recipient's feed: one version of one record, minimised for that recipient.
 *
 * @param data the disclosed fields only, as stored when the policy permitted them, written as stored; a retraction
 *             has none ({@code {}})
 */
@Schema(description = "One record version as this recipient may see it")
public record FeedItem(
        @Schema(description = "Position in this recipient's feed; pass the last one as `after` to continue")
        long sequence,
        RecordKind kind,
        @Schema(description = "The register's object id (MeldingId, VrijstellingId, ZiekmeldingId or SignaalId)")
        String id,
        int version,
        @Schema(description = "INGETROKKEN: the source withdrew the record; drop it. Such an item has no personal data")
        MutationAction action,
        @Schema(implementation = FeedItemData.class)
        RawJson data) {
}
