package cn.qingfeng.attachment;

import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.paging.Pager;
import cn.qingfeng.common.paging.SortField;
import cn.qingfeng.common.input.ArchiveInspector;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.security.Roles;
import cn.qingfeng.common.web.ETags;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.Journal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Evidence files: checked on the way in (size, real type), hashed, kept in PostgreSQL. */
@ApplicationScoped
public class AttachmentService {

    private static final List<SortField<AttachmentEntity>> SORT = List.of(
            new SortField<>("uploadedAt", "e.uploadedAt", java.time.Instant.class, a -> a.uploadedAt),
            new SortField<>("filename", "e.filename", String.class, a -> a.filename),
            new SortField<>("id", "e.id", UUID.class, a -> a.id));

    @Inject
    EntityManager em;

    @Inject
    Instance<AttachmentOwner> owners;

    @Inject
    CallerScope scope;

    @Inject
    CurrentUser user;

    @Inject
    Journal journal;

    @Inject
    Pager pager;

    @Inject
    QingfengConfig config;

    @Inject
    Clock clock;

    /** A stored file as other records cite it (e.g. frozen into a close-off). */
    public record StoredFile(UUID attachmentId, String ownerType, UUID ownerId, String filename, String sha256, long sizeBytes) {
    }

    /**
     * The files currently attached (not withdrawn) to the given owners, oldest first. The caller
     * has checked that it may see the owners.
     */
    public List<StoredFile> currentFiles(String ownerType, java.util.Collection<UUID> ownerIds) {
        if (ownerIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a from AttachmentEntity a where a.ownerType = :t and a.ownerId in :ids"
                        + " and a.removedAt is null order by a.uploadedAt, a.id", AttachmentEntity.class)
                .setParameter("t", ownerType).setParameter("ids", ownerIds).getResultStream()
                .map(a -> new StoredFile(a.id, a.ownerType, a.ownerId, a.filename, a.sha256, a.sizeBytes)).toList();
    }

    /** How many files each owner has now (not withdrawn); owners without any are absent. */
    public Map<UUID, Long> currentCounts(String ownerType, java.util.Collection<UUID> ownerIds) {
        Map<UUID, Long> out = new java.util.HashMap<>();
        if (ownerIds.isEmpty()) {
            return out;
        }
        em.createQuery("select a.ownerId, count(a) from AttachmentEntity a where a.ownerType = :t and a.ownerId in :ids"
                        + " and a.removedAt is null group by a.ownerId", Object[].class)
                .setParameter("t", ownerType).setParameter("ids", ownerIds).getResultList()
                .forEach(r -> out.put((UUID) r[0], (Long) r[1]));
        return out;
    }

    /**
     * Stores a file on behalf of the server itself (demo data, imports); the caller has decided
     * the owner and its unit. Journaled like an upload, as SYSTEM.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredFile storeAsSystem(String ownerType, UUID ownerId, UUID unitId, String filename, FileType type,
                                    byte[] content, String byName) {
        String sha256;
        try {
            sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        AttachmentEntity a = new AttachmentEntity();
        a.id = UUID.randomUUID();
        a.ownerType = ownerType;
        a.ownerId = ownerId;
        a.unitId = unitId;
        a.filename = ContentDisposition.sanitize(filename);
        a.contentType = type.mediaType();
        a.sizeBytes = content.length;
        a.sha256 = sha256;
        a.storage = "DATABASE";
        a.uploadedBy = "system";
        a.uploadedByName = byName;
        a.uploadedAt = clock.instant();
        em.persist(a);
        em.flush();
        em.createNativeQuery("insert into attachment_content (attachment_id, content) values (:id, :content)")
                .setParameter("id", a.id).setParameter("content", content).executeUpdate();
        journal.record("attachment.added", ownerType.toLowerCase(Locale.ROOT), ownerId, unitId, Changes.of()
                .set("attachmentId", a.id).set("filename", a.filename).set("sha256", sha256).set("source", "system"));
        return new StoredFile(a.id, ownerType, ownerId, a.filename, sha256, a.sizeBytes);
    }

    /** The bytes and the name to send for a download. */
    public record Download(String filename, String contentType, byte[] content) {
    }

    @Transactional
    public AttachmentView upload(String ownerType, UUID ownerId, String filename, Path file) {
        AttachmentOwner owner = owner(ownerType);
        UUID unitId = owner.unitOf(ownerId, scope.current()).orElseThrow(() -> ProblemException.notFound("Record"));
        owner.checkCanModify(ownerId);

        long size = size(file);
        long max = config.attachments().maxSize().asLongValue();
        if (size > max) {
            throw new ProblemException(413, "attachment.too-large", "Payload Too Large",
                    "文件大小 " + size + " 字节，超过上限 " + max + " 字节", List.of(), Map.of("maxBytes", max));
        }
        if (size == 0) {
            throw ProblemException.invalidField("file", "文件为空");
        }
        ContentDisposition.problem(filename).ifPresent(reason -> {
            throw ProblemException.invalidField("file", reason);
        });
        String name = filename.strip();
        FileType type = sniff(file).filter(t -> config.attachments().allowedTypes().contains(t.key()))
                .orElseThrow(() -> new ProblemException(415, "attachment.type-not-allowed", "Unsupported Media Type",
                        "文件内容不是允许的类型（" + String.join("、", config.attachments().allowedTypes()) + "）",
                        List.of(), Map.of("allowedTypes", config.attachments().allowedTypes())));
        if (type.zipContainer()) {
            ArchiveInspector.inspect(file, new ArchiveInspector.Limits(config.attachments().maxArchiveEntries(),
                    config.attachments().maxInflatedSize().asLongValue(), config.attachments().maxCompressionRatio()));
        }
        String extension = extension(name);
        if (extension != null && !type.extensions().contains(extension)) {
            throw new ProblemException(415, "attachment.type-mismatch", "Unsupported Media Type",
                    "文件扩展名 ." + extension + " 与文件内容（" + type.key() + "）不符", List.of(), Map.of("detectedType", type.key()));
        }

        byte[] content;
        String sha256;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            content = in.readAllBytes();
            sha256 = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }

        AttachmentEntity a = new AttachmentEntity();
        a.id = UUID.randomUUID();
        a.ownerType = ownerType;
        a.ownerId = ownerId;
        a.unitId = unitId;
        a.filename = name;
        a.contentType = type.mediaType();
        a.sizeBytes = size;
        a.sha256 = sha256;
        a.storage = "DATABASE";
        a.uploadedBy = user.subject();
        a.uploadedByName = user.displayName();
        a.uploadedAt = clock.instant();
        em.persist(a);
        em.flush();
        em.createNativeQuery("insert into attachment_content (attachment_id, content) values (:id, :content)")
                .setParameter("id", a.id)
                .setParameter("content", content)
                .executeUpdate();
        journal.record("attachment.added", ownerType.toLowerCase(Locale.ROOT), ownerId, unitId, Changes.of()
                .set("attachmentId", a.id).set("filename", name).set("contentType", a.contentType)
                .set("sizeBytes", size).set("sha256", sha256));
        return AttachmentView.of(a);
    }

    public Page<AttachmentView> list(String ownerType, UUID ownerId, boolean includeRemoved, PageParams page) {
        owner(ownerType).unitOf(ownerId, scope.current()).orElseThrow(() -> ProblemException.notFound("Record"));
        // Scope was checked on the owner above; the files of one owner share its scope.
        ListQuery<AttachmentEntity> q = ListQuery.unscoped(em, AttachmentEntity.class)
                .where("e.ownerType = :ownerType", "ownerType", ownerType)
                .where("e.ownerId = :ownerId", "ownerId", ownerId);
        if (!includeRemoved) {
            q.where("e.removedAt is null");
        }
        return pager.page(q, page, SORT, "uploadedAt").map(AttachmentView::of);
    }

    public AttachmentView get(UUID id) {
        return AttachmentView.of(visible(id));
    }

    public Download download(UUID id) {
        AttachmentEntity a = visible(id);
        byte[] content = (byte[]) em.createNativeQuery("select content from attachment_content where attachment_id = :id")
                .setParameter("id", a.id).getSingleResult();
        return new Download(a.filename, a.contentType, content);
    }

    /** Withdraws a file: it stays stored and listed on request, with who withdrew it and why. */
    @Transactional
    public AttachmentView remove(UUID id, long expectedVersion, String reason) {
        AttachmentEntity a = visible(id);
        owner(a.ownerType).checkCanModify(a.ownerId);
        if (!a.uploadedBy.equals(user.subject()) && !user.hasAnyRole(Roles.ADMIN, Roles.SUPERVISOR)) {
            throw new ProblemException(403, "attachment.not-uploader", "Forbidden", "只有上传人或监督人员可以撤回该文件");
        }
        ETags.check(expectedVersion, a.version);
        if (a.removedAt != null) {
            return AttachmentView.of(a);
        }
        a.removedAt = clock.instant();
        a.removedBy = user.subject();
        a.removedReason = reason;
        em.flush();
        journal.record("attachment.removed", a.ownerType.toLowerCase(Locale.ROOT), a.ownerId, a.unitId, Changes.of()
                .set("attachmentId", a.id).set("filename", a.filename).set("sha256", a.sha256).set("reason", reason));
        return AttachmentView.of(a);
    }

    private AttachmentEntity visible(UUID id) {
        AttachmentEntity a = em.find(AttachmentEntity.class, id);
        if (a == null || owner(a.ownerType).unitOf(a.ownerId, scope.current()).isEmpty()) {
            throw ProblemException.notFound("Attachment");
        }
        return a;
    }

    private AttachmentOwner owner(String type) {
        for (AttachmentOwner o : owners) {
            if (o.type().equals(type)) {
                return o;
            }
        }
        throw ProblemException.invalidField("ownerType", "未知的记录类型: " + type);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<FileType> sniff(Path file) {
        try {
            return ContentSniffer.sniff(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : null;
    }
}
