package nl.verzuimhub.server.policy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * "What would {@code recipient} see of record {@code recordId} under {@code purpose}, and why", against the live
 * policy set or a candidate one.
 */
@Schema(description = "A dry run of one decision; nothing is disclosed to the recipient")
public record ExplainRequest(
        @Schema(description = "client id of the recipient", example = "swv-vo2701") String recipient,
        @Schema(description = "the register's object id of a stored record", example = "VM-2024-000101") String recordId,
        @Schema(description = "record kind; needed only when two kinds share the id") String kind,
        @Schema(example = "passend-onderwijs") String purpose,
        @Schema(description = "a candidate policy set as one YAML text, instead of the live set") String candidatePolicySet,
        @Schema(description = "a candidate policy set as YAML files by name, instead of the live set")
        Map<String, String> candidateFiles) {
}
