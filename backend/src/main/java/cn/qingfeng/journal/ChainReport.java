package cn.qingfeng.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of verifying the journal's hash chain. */
@Schema(name = "ChainReport")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainReport(
        @Schema(description = "True when every link checked is intact and no old event is unsealed") boolean intact,
        @Schema(description = "Number of links checked") long checked,
        @Schema(description = "Position of the first link (earlier ones were purged by retention)") Long firstPosition,
        @Schema(description = "Position of the last link checked") Long lastPosition,
        @Schema(description = "Events older than a day that were never sealed") long unsealedOld,
        @Schema(description = "The first broken link, if any") BrokenLink firstBroken) {

    @Schema(name = "BrokenLink")
    public record BrokenLink(
            long position,
            Long eventSeq,
            String eventId,
            @Schema(description = "hash-mismatch (the event's content changed), prev-hash-mismatch (a link was "
                    + "removed or reordered), position-gap, event-missing",
                    enumeration = {"hash-mismatch", "prev-hash-mismatch", "position-gap", "event-missing"})
            String reason) {
    }
}
