package cn.qingfeng.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of verifying the journal's hash chain. */
@Schema(name = "ChainReport")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainReport(
        @Schema(description = "True when every link checked is intact and no old event is unsealed") boolean intact,
        @Schema(description = "Number of links checked") long checked,
        @Schema(description = "Position of the first link (earlier ones were removed by retention)") Long firstPosition,
        @Schema(description = "Position of the last link checked") Long lastPosition,
        @Schema(description = "Events the sealer has passed but that are not in the chain (must be 0)") long unsealed,
        @Schema(description = "Events of recent transactions still waiting to be sealed") long pending,
        @Schema(description = "The first broken link, if any") BrokenLink firstBroken) {

    @Schema(name = "BrokenLink")
    public record BrokenLink(
            long position,
            Long eventSeq,
            String eventId,
            @Schema(description = "hash-mismatch (the event's content changed), prev-hash-mismatch (a link was "
                    + "removed or reordered), position-gap, event-missing, anchor-missing (the chain's head was "
                    + "removed other than by retention)",
                    enumeration = {"hash-mismatch", "prev-hash-mismatch", "position-gap", "event-missing", "anchor-missing"})
            String reason) {
    }
}
