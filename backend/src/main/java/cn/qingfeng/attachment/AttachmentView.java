package cn.qingfeng.attachment;

import cn.qingfeng.common.web.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An evidence file as the API shows it (without its bytes). */
@Schema(name = "Attachment")
public record AttachmentView(
        UUID id,
        @Schema(example = "UNIT") String ownerType,
        UUID ownerId,
        UUID unitId,
        @Schema(example = "2023年度党风廉政建设责任书.pdf") String filename,
        @Schema(description = "Type sniffed from the bytes", example = "application/pdf") String contentType,
        long sizeBytes,
        @Schema(description = "SHA-256 of the bytes, lower-case hex") String sha256,
        String uploadedBy,
        String uploadedByName,
        Instant uploadedAt,
        @Schema(description = "Set when the file was withdrawn; withdrawn files stay for the record") Instant removedAt,
        String removedBy,
        String removedReason,
        long version) implements Versioned {

    static AttachmentView of(AttachmentEntity a) {
        return new AttachmentView(a.id, a.ownerType, a.ownerId, a.unitId, a.filename, a.contentType, a.sizeBytes,
                a.sha256, a.uploadedBy, a.uploadedByName, a.uploadedAt, a.removedAt, a.removedBy, a.removedReason,
                a.version);
    }
}
