package cn.qingfeng.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An evidence file's metadata; its bytes live in {@code attachment_content}. */
@Entity
@Table(name = "attachment")
public class AttachmentEntity {

    @Id
    public UUID id;

    @Column(name = "owner_type", nullable = false, updatable = false)
    public String ownerType;

    @Column(name = "owner_id", nullable = false, updatable = false)
    public UUID ownerId;

    /** The owner's unit when the file was added (statistics); access always asks the owner. */
    @Column(name = "unit_id", nullable = false, updatable = false)
    public UUID unitId;

    @Column(nullable = false, updatable = false)
    public String filename;

    @Column(name = "content_type", nullable = false, updatable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    public long sizeBytes;

    @Column(nullable = false, updatable = false)
    public String sha256;

    @Column(nullable = false, updatable = false)
    public String storage;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    public String uploadedBy;

    @Column(name = "uploaded_by_name", updatable = false)
    public String uploadedByName;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    public Instant uploadedAt;

    @Column(name = "removed_at")
    public Instant removedAt;

    @Column(name = "removed_by")
    public String removedBy;

    @Column(name = "removed_reason")
    public String removedReason;

    @Version
    public long version;
}
