package cn.qingfeng.bulk.job;

import cn.qingfeng.common.paging.ListQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The import's own tables: jobs, their files, problems, outcomes, progress and saved mappings. */
@ApplicationScoped
public class ImportRepository {

    @Inject
    EntityManager em;

    public void persist(Object entity) {
        em.persist(entity);
    }

    public Optional<ImportJobEntity> find(UUID id) {
        return Optional.ofNullable(em.find(ImportJobEntity.class, id));
    }

    // Jobs are locked FOR NO KEY UPDATE: the rows that reference the job (progress, problems) take
    // KEY SHARE locks on it, which FOR UPDATE would block.

    /**
     * The oldest job waiting for the worker, locked for this transaction. A job another instance
     * works on is locked by that instance's transaction and skipped, so a job runs once.
     */
    public Optional<ImportJobEntity> lockNext() {
        List<?> ids = em.createNativeQuery("select id from import_job where status in ('VALIDATING', 'COMMITTING')"
                + " order by created_at, id limit 1 for no key update skip locked").getResultList();
        return ids.isEmpty() ? Optional.empty() : locked((UUID) ids.get(0));
    }

    /** The job locked for this transaction, unless a worker holds it (then empty, at once). */
    public Optional<ImportJobEntity> lockIfIdle(UUID id) {
        List<?> ids = em.createNativeQuery("select id from import_job where id = :id for no key update skip locked")
                .setParameter("id", id).getResultList();
        return ids.isEmpty() ? Optional.empty() : locked(id);
    }

    /** The job locked for this transaction, waiting for a worker's transaction to end. */
    public ImportJobEntity lock(UUID id) {
        em.createNativeQuery("select id from import_job where id = :id for no key update").setParameter("id", id).getResultList();
        return locked(id).orElseThrow();
    }

    private Optional<ImportJobEntity> locked(UUID id) {
        ImportJobEntity job = em.find(ImportJobEntity.class, id);
        em.refresh(job);
        return Optional.of(job);
    }

    /**
     * Imports of one ledger commit one after the other (a lock held to the end of the transaction):
     * two imports of the same file cannot both create its records.
     */
    public void serialiseCommits(String ledger) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:k))").setParameter("k", "qingfeng.import." + ledger).getSingleResult();
    }

    public void storeFile(UUID jobId, byte[] content) {
        em.createNativeQuery("insert into import_file (job_id, content) values (:id, :c)")
                .setParameter("id", jobId).setParameter("c", content).executeUpdate();
    }

    /** The uploaded file, copied to a temporary file for the readers (which stream from disk). */
    public Path spool(UUID jobId) {
        byte[] content = (byte[]) em.createNativeQuery("select content from import_file where job_id = :id")
                .setParameter("id", jobId).getSingleResult();
        try {
            Path file = Files.createTempFile("qingfeng-import-", ".bin");
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The progress of several jobs at once (a page of the history). */
    public Map<UUID, ImportProgressEntity> progress(java.util.Collection<UUID> jobIds) {
        if (jobIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select p from ImportProgressEntity p where p.jobId in :ids", ImportProgressEntity.class)
                .setParameter("ids", jobIds).getResultStream().collect(java.util.stream.Collectors.toMap(p -> p.jobId, p -> p));
    }

    public Optional<ImportProgressEntity> progress(UUID jobId) {
        return Optional.ofNullable(em.find(ImportProgressEntity.class, jobId));
    }

    /** Writes progress (own transaction, by the caller) and answers whether a cancel was asked for. */
    public boolean reportProgress(UUID jobId, int processed, int total, java.time.Instant now) {
        List<?> cancel = em.createNativeQuery("update import_progress set processed = :p, total = :t, updated_at = :n"
                        + " where job_id = :id returning cancel_requested")
                .setParameter("p", processed).setParameter("t", total).setParameter("n", now).setParameter("id", jobId)
                .getResultList();
        return !cancel.isEmpty() && Boolean.TRUE.equals(cancel.get(0));
    }

    public void clearProblems(UUID jobId) {
        em.createQuery("delete from ImportProblemEntity p where p.jobId = :id").setParameter("id", jobId).executeUpdate();
    }

    public int nextProblemSeq(UUID jobId) {
        Number max = (Number) em.createQuery("select coalesce(max(p.seq), 0) from ImportProblemEntity p where p.jobId = :id")
                .setParameter("id", jobId).getSingleResult();
        return max.intValue() + 1;
    }

    /** The record rows a problem stops (so a commit of "valid rows only" leaves them out). */
    public Set<Integer> refusedRows(UUID jobId) {
        return new HashSet<>(em.createQuery("select distinct p.groupRow from ImportProblemEntity p where p.jobId = :id", Integer.class)
                .setParameter("id", jobId).getResultList());
    }

    public ListQuery<ImportProblemEntity> problems(UUID jobId) {
        return ListQuery.unscoped(em, ImportProblemEntity.class).where("e.jobId = :j", "j", jobId);
    }

    public List<ImportProblemEntity> allProblems(UUID jobId) {
        return em.createQuery("select p from ImportProblemEntity p where p.jobId = :id order by p.seq", ImportProblemEntity.class)
                .setParameter("id", jobId).getResultList();
    }

    public ListQuery<ImportOutcomeEntity> outcomes(UUID jobId) {
        return ListQuery.unscoped(em, ImportOutcomeEntity.class).where("e.jobId = :j", "j", jobId);
    }

    /** The jobs a caller sees: everything, or their own and those of the units in their scope. */
    public ListQuery<ImportJobEntity> jobs(cn.qingfeng.common.scope.DataScope scope, String owner) {
        ListQuery<ImportJobEntity> q = ListQuery.unscoped(em, ImportJobEntity.class);
        if (scope.all()) {
            return q;
        }
        if (scope.unitIds().isEmpty()) {
            return q.where("e.createdBy = :o", "o", owner);
        }
        return q.where("(e.createdBy = :o or e.unitId in :units)", Map.of("o", owner, "units", scope.unitIds()));
    }

    public List<ImportMappingEntity> mappings(String owner, String ledger) {
        var q = em.createQuery("select m from ImportMappingEntity m where m.owner = :o" + (ledger == null ? "" : " and m.ledger = :l")
                + " order by m.ledger, m.name", ImportMappingEntity.class).setParameter("o", owner);
        return (ledger == null ? q : q.setParameter("l", ledger)).getResultList();
    }

    public Optional<ImportMappingEntity> mapping(UUID id) {
        return Optional.ofNullable(em.find(ImportMappingEntity.class, id));
    }

    public Optional<ImportMappingEntity> mappingNamed(String owner, String ledger, String name) {
        return em.createQuery("select m from ImportMappingEntity m where m.owner = :o and m.ledger = :l and m.name = :n", ImportMappingEntity.class)
                .setParameter("o", owner).setParameter("l", ledger).setParameter("n", name).getResultStream().findFirst();
    }

    public void delete(ImportMappingEntity m) {
        em.remove(m);
    }

    public void flushAndClear() {
        em.flush();
        em.clear();
    }
}
