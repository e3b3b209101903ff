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

    @Column(updatable = false)
    public String ownerType;

    @Column(updatable = false)
    public UUID ownerId;

    /** The owner's unit when the file was added (statistics); access always asks the owner. */
    @Column(updatable = false)
    public UUID unitId;

    @Column(updatable = false)
    public String filename;

    @Column(updatable = false)
    public String contentType;

    @Column(updatable = false)
    public long sizeBytes;

    @Column(updatable = false)
    public String sha256;

    @Column(updatable = false)
    public String storage;

    @Column(updatable = false)
    public String uploadedBy;

    @Column(updatable = false)
    public String uploadedByName;

    @Column(updatable = false)
    public Instant uploadedAt;

    public Instant removedAt;

    public String removedBy;

    public String removedReason;

    @Version
    public long version;
}
