package cn.qingfeng.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of verifying the journal's hash chain. */
@Schema(name = "ChainReport")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainReport(
        @Schema(description = "True when every link checked is intact and every event is sealed or waiting to be") boolean intact,
        @Schema(description = "Number of links checked") long checked,
        @Schema(description = "Position of the first link (earlier ones were removed by retention)") Long firstPosition,
        @Schema(description = "Position of the last link checked") Long lastPosition,
        @Schema(description = "Events neither in the chain nor waiting to be sealed: taken out of the sealer's queue (must be 0)") long unsealed,
        @Schema(description = "Events committed and not yet sealed (the sealer chains them within seconds); not yet tamper-evident") long pending,
        @Schema(description = "When the oldest of the pending events was written") java.time.Instant pendingSince,
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
