package cn.qingfeng.bulk.job;

import cn.qingfeng.bulk.BulkLedger;
import cn.qingfeng.bulk.LedgerSchemas;
import cn.qingfeng.bulk.UnitDirectory;
import cn.qingfeng.bulk.importing.Conflict;
import cn.qingfeng.bulk.importing.ImportContext;
import cn.qingfeng.bulk.importing.LedgerImporter;
import cn.qingfeng.bulk.importing.Outcome;
import cn.qingfeng.bulk.importing.RecordGroup;
import cn.qingfeng.bulk.importing.RowProblem;
import cn.qingfeng.bulk.importing.RowRefused;
import cn.qingfeng.bulk.importing.WorkbookReader;
import cn.qingfeng.bulk.read.TableFile;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.ClientKind;
import cn.qingfeng.common.security.RunAs;
import cn.qingfeng.unit.UnitRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs import jobs. The worker's transaction locks the job row for as long as it works on it (so
 * a job runs on one instance at a time) and, for a commit, writes every record and the job's
 * final status: a commit is whole or absent. A dry run applies the rows through the same services
 * in transactions that are always rolled back, so it finds what the API would refuse.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    /** Problems kept for the report; all of them are counted. */
    static final int MAX_STORED_PROBLEMS = 10_000;
    private static final int DRY_RUN_CHUNK = 100;
    /**
     * The session is flushed and cleared this often: every query auto-flushes, and a flush looks at
     * every entity the session holds, so a session left to grow makes each row slower than the last.
     */
    private static final int CLEAR_EVERY = 10;
    /** A commit of "valid rows only" leaves out a row the services refuse and starts again, this often at most. */
    private static final int MAX_RETRIES = 20;
    /** Codes come in blocks this size during a commit (see CodeGenerator): other creators wait a moment, not the whole import. */
    private static final int CODE_BLOCK = 50;
    private static final String WORKER = ManagementFactory.getRuntimeMXBean().getName();

    @Inject
    ImportRepository repo;

    @Inject
    Instance<LedgerImporter> importers;

    @Inject
    UnitRepository units;

    @Inject
    Validator validator;

    @Inject
    TransactionManager tm;

    @Inject
    Clock clock;

    @Inject
    cn.qingfeng.common.code.CodeGenerator codes;

    @Inject
    cn.qingfeng.common.config.QingfengConfig config;

    /** How a run ended, applied to the job after the run's transaction. */
    private record Ending(UUID jobId, ImportStatus status, String failure, List<RowProblem> problems, boolean retry) {
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** Runs the oldest waiting job; false when none waits (or all are taken by other workers). */
    public boolean runOne() {
        UUID ran;
        Ending ending = null;
        try {
            ran = QuarkusTransaction.requiringNew().timeout((int) config.imports().commitTimeout().toSeconds()).call(() -> {
                Optional<ImportJobEntity> next = repo.lockNext();
                if (next.isEmpty()) {
                    return null;
                }
                ImportJobEntity job = next.get();
                int attempt = QuarkusTransaction.requiringNew().call(() -> begin(job));
                if (attempt > config.imports().maxAttempts()) {
                    end(job, ImportStatus.FAILED, "导入执行中中断了 " + (attempt - 1) + " 次，已停止；未写入任何记录，可重新上传");
                    return job.id;
                }
                try {
                    RunAs.as(person(job), onBehalf(job), () -> {
                        if (job.status == ImportStatus.VALIDATING) {
                            validate(job);
                        } else {
                            commit(job);
                        }
                        return null;
                    });
                } catch (Cancelled c) {
                    throw new Stop(new Ending(job.id, ImportStatus.CANCELLED, null, List.of(), false));
                } catch (RowRefused r) {
                    throw new Stop(new Ending(job.id, job.validRowsOnly ? ImportStatus.COMMITTING : ImportStatus.FAILED,
                            "第 " + r.problems().get(0).row() + " 行未能导入：" + r.problems().get(0).message() + "；未写入任何记录",
                            r.problems(), job.validRowsOnly));
                } catch (ProblemException p) {
                    throw new Stop(new Ending(job.id, ImportStatus.FAILED, p.getMessage(), List.of(), false));
                }
                return job.id;
            });
        } catch (Stop stop) {
            // Thrown out of the run's transaction so that it rolls back; what ended it is written after.
            ending = stop.ending;
            ran = ending.jobId();
        }
        if (ran == null) {
            return false;
        }
        if (ending != null) {
            Ending e = ending;
            QuarkusTransaction.requiringNew().run(() -> finish(e));
        }
        UUID done = ran;
        QuarkusTransaction.requiringNew().run(() -> repo.progress(done).ifPresent(p -> p.worker = null));
        return true;
    }

    /** Ends a run's transaction by rolling it back, carrying how the run ended. */
    private static final class Stop extends RuntimeException {
        final transient Ending ending;

        Stop(Ending ending) {
            super(null, null, false, false);
            this.ending = ending;
        }
    }

    /** Ends a dry run's chunk (always rolled back), carrying where the next chunk starts. */
    private static final class ChunkDone extends RuntimeException {
        final int next;

        ChunkDone(int next) {
            super(null, null, false, false);
            this.next = next;
        }
    }

    /** Marks the run as on; a run still marked on from before was interrupted, and counts as an attempt. */
    private int begin(ImportJobEntity job) {
        ImportProgressEntity p = repo.progress(job.id).orElse(null);
        String phase = job.status == ImportStatus.VALIDATING ? "VALIDATE" : "COMMIT";
        boolean fresh = p == null;
        if (fresh) {
            p = new ImportProgressEntity();
            p.jobId = job.id;
            p.attempt = 1;
        } else if (p.worker != null && phase.equals(p.phase)) {
            p.attempt++;
            LOG.warnf("import %s: the last run (%s) ended without finishing; attempt %d", job.id, p.worker, p.attempt);
        } else {
            p.attempt = 1;
        }
        p.phase = phase;
        p.worker = WORKER;
        p.processed = 0;
        p.total = job.counts.getOrDefault("rows", 0);
        p.startedAt = clock.instant();
        p.updatedAt = p.startedAt;
        p.cancelRequested = p.cancelRequested && job.status.queued();
        if (fresh) {
            // The insert takes the entity's state as it is now: persist it complete.
            repo.persist(p);
        }
        return p.attempt;
    }

    private void finish(Ending e) {
        ImportJobEntity job = repo.lock(e.jobId());
        if (!e.problems().isEmpty()) {
            int seq = repo.nextProblemSeq(job.id);
            for (RowProblem p : e.problems()) {
                repo.persist(problem(job.id, seq++, p));
            }
            job.problemCount += e.problems().size();
        }
        if (e.retry() && job.counts.getOrDefault("retries", 0) < MAX_RETRIES) {
            job.counts.merge("retries", 1, Integer::sum);
            job.counts = new LinkedHashMap<>(job.counts);
            return;
        }
        end(job, e.status() == ImportStatus.COMMITTING ? ImportStatus.FAILED : e.status(),
                e.status() == ImportStatus.CANCELLED ? null : e.failure());
    }

    private void end(ImportJobEntity job, ImportStatus status, String failure) {
        job.status = status;
        job.failure = failure;
        job.finishedAt = status.ended() ? clock.instant() : null;
    }

    // ---------------------------------------------------------------- dry run

    private void validate(ImportJobEntity job) {
        LedgerImporter importer = importer(job);
        ImportContext ctx = context(job);
        Path file = repo.spool(job.id);
        try {
            TableFile table = TableFile.open(file, TableFile.Format.valueOf(job.format), job.encoding, importer.schema().main().name());
            job.encoding = table.encoding();
            WorkbookReader reader = new WorkbookReader(importer.schema(), job.mapping);
            WorkbookReader.Scan scan = reader.scan(table);
            job.headers = scan.headers.stream().map(h -> header(h)).toList();
            Problems problems = new Problems(job.id);
            scan.problems.forEach(problems::add);
            Tally tally = new Tally(job.id, scan.records);
            if (!scan.missingColumns) {
                List<RecordGroup> chunk = new ArrayList<>(DRY_RUN_CHUNK);
                Map<String, Integer> seen = new java.util.HashMap<>();
                reader.groups(table, scan, g -> {
                    duplicate(g, seen, problems);
                    chunk.add(g);
                    if (chunk.size() == DRY_RUN_CHUNK) {
                        tryChunk(chunk, importer, ctx, problems, tally);
                        chunk.clear();
                    }
                }, problems::add);
                tryChunk(chunk, importer, ctx, problems, tally);
            }
            repo.clearProblems(job.id);
            problems.store();
            job.problemCount = problems.count;
            Set<Integer> refused = problems.groups;
            // Without a required column no row is read: all of them are invalid.
            int invalid = scan.missingColumns ? scan.records : (int) refused.stream().filter(r -> r > 0).count();
            job.counts = counts(scan.records, scan.records - invalid, invalid);
            end(job, ImportStatus.VALIDATED, null);
        } finally {
            delete(file);
        }
    }

    /** Rows of the same file that name the same record (the second would find the first's record). */
    private static void duplicate(RecordGroup g, Map<String, Integer> seen, Problems problems) {
        String code = g.main().raw("code");
        String ref = g.main().raw("externalRef");
        String key = code != null ? "c:" + code.strip() : ref != null ? "r:" + String.valueOf(g.main().raw("externalSource")).strip() + ":" + ref.strip() : null;
        if (key == null) {
            return;
        }
        Integer first = seen.putIfAbsent(key, g.main().row());
        if (first != null) {
            String k = code != null ? "code" : "externalRef";
            problems.add(new RowProblem(g.main().sheetName(), g.main().row(), g.main().row(), g.main().header(k),
                    code != null ? code : ref, "import.duplicate-row", "与第 " + first + " 行是同一条记录"));
        }
    }

    /** Applies a chunk in a transaction that is rolled back; a refusal that spoils it goes on in a fresh one. */
    private void tryChunk(List<RecordGroup> chunk, LedgerImporter importer, ImportContext ctx, Problems problems, Tally tally) {
        int from = 0;
        while (from < chunk.size()) {
            int start = from;
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = start; i < chunk.size(); i++) {
                        RecordGroup g = chunk.get(i);
                        if (!problems.groups.contains(g.main().row())) {
                            try {
                                importer.apply(g, ctx);
                            } catch (RowRefused r) {
                                r.problems().forEach(problems::add);
                                if (spoilt()) {
                                    tally.step();
                                    throw new ChunkDone(i + 1);
                                }
                            } catch (ChunkDone | Cancelled e) {
                                throw e;
                            } catch (RuntimeException e) {
                                problems.add(unexpected(g, e));
                                tally.step();
                                throw new ChunkDone(i + 1);
                            }
                        }
                        tally.step();
                        if ((i - start + 1) % CLEAR_EVERY == 0) {
                            repo.flushAndClear();
                        }
                    }
                    throw new ChunkDone(chunk.size());
                });
            } catch (ChunkDone done) {
                from = done.next;
            }
        }
    }

    // ---------------------------------------------------------------- commit

    private void commit(ImportJobEntity job) {
        repo.serialiseCommits(job.ledger);
        codes.reserveInBlocks(CODE_BLOCK);
        LedgerImporter importer = importer(job);
        ImportContext ctx = context(job);
        UUID jobId = job.id;
        Set<Integer> refused = repo.refusedRows(jobId);
        Path file = repo.spool(jobId);
        Map<String, Integer> counts = counts(job.counts.getOrDefault("rows", 0), 0, 0);
        counts.put("retries", job.counts.getOrDefault("retries", 0));
        try {
            TableFile table = TableFile.open(file, TableFile.Format.valueOf(job.format), job.encoding, importer.schema().main().name());
            WorkbookReader reader = new WorkbookReader(importer.schema(), job.mapping);
            WorkbookReader.Scan scan = reader.scan(table);
            Tally tally = new Tally(jobId, scan.records);
            boolean validOnly = job.validRowsOnly;
            int[] sinceClear = {0};
            reader.groups(table, scan, g -> {
                int row = g.main().row();
                if (refused.contains(row)) {
                    counts.merge("rejected", 1, Integer::sum);
                } else {
                    try {
                        Outcome o = importer.apply(g, ctx);
                        counts.merge(o.kind().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
                        repo.persist(outcome(jobId, row, o));
                    } catch (RowRefused r) {
                        if (!validOnly || spoilt()) {
                            throw r;
                        }
                        counts.merge("rejected", 1, Integer::sum);
                    }
                }
                hold(tally, tally.processed + 1);
                tally.step();
                if (++sinceClear[0] == CLEAR_EVERY) {
                    repo.flushAndClear();
                    sinceClear[0] = 0;
                }
            }, p -> { });
            codes.giveBack();
            ImportJobEntity done = repo.find(jobId).orElseThrow();
            counts.put("valid", counts.get("created") + counts.get("updated") + counts.get("unchanged") + counts.get("skipped"));
            counts.put("invalid", counts.get("rejected"));
            done.counts = counts;
            end(done, ImportStatus.COMMITTED, null);
        } finally {
            delete(file);
        }
    }

    /** The test hook: wait at a row while the hold file exists (a condition, not a time). */
    private void hold(Tally tally, int row) {
        if (row != config.imports().holdAtRow()) {
            return;
        }
        // Said before waiting, so that the test knows exactly how far the commit got.
        QuarkusTransaction.requiringNew().run(() -> repo.reportProgress(tally.jobId, tally.processed, tally.total, clock.instant()));
        Path f = Path.of(config.imports().holdFile());
        while (Files.exists(f)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---------------------------------------------------------------- pieces

    private boolean spoilt() {
        try {
            return tm.getStatus() == Status.STATUS_MARKED_ROLLBACK;
        } catch (SystemException e) {
            return true;
        }
    }

    private static RowProblem unexpected(RecordGroup g, RuntimeException e) {
        LOG.warnf(e, "import: row %d could not be applied", g.main().row());
        String why = "该行无法保存（可能与已有记录冲突），请检查后重试";
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                why = "与已有记录重复（编号或外部编号已被使用）";
            }
        }
        return new RowProblem(g.main().sheetName(), g.main().row(), g.main().row(), null, null, "import.unexpected", why);
    }

    private LedgerImporter importer(ImportJobEntity job) {
        BulkLedger ledger = BulkLedger.of(job.ledger);
        return importers.stream().filter(i -> i.ledger() == ledger).findFirst().orElseThrow();
    }

    private ImportContext context(ImportJobEntity job) {
        return new ImportContext(new UnitDirectory(units.allInScope(DataScope.everything(), true)), validator, Conflict.valueOf(job.conflict));
    }

    static RunAs.Person person(ImportJobEntity job) {
        return new RunAs.Person(job.createdByUser, job.createdByName, job.createdByUnit, Set.of(job.createdByRoles.split(",")));
    }

    /** Journaled as an import (client IMPORT), with the job's id in each event. */
    static RunAs.OnBehalf onBehalf(ImportJobEntity job) {
        return new RunAs.OnBehalf(job.createdBy, ClientKind.IMPORT, job.clientId, "import:" + job.id);
    }

    private static Map<String, String> header(WorkbookReader.HeaderMatch h) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sheet", h.sheet());
        m.put("header", h.header());
        m.put("key", h.key());
        m.put("label", h.label());
        return m;
    }

    static Map<String, Integer> counts(int rows, int valid, int invalid) {
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("rows", rows);
        c.put("valid", valid);
        c.put("invalid", invalid);
        for (String k : List.of("created", "updated", "unchanged", "skipped", "rejected")) {
            c.put(k, 0);
        }
        return c;
    }

    private static ImportOutcomeEntity outcome(UUID jobId, int row, Outcome o) {
        ImportOutcomeEntity e = new ImportOutcomeEntity();
        e.jobId = jobId;
        e.row = row;
        e.recordId = o.recordId();
        e.code = o.code();
        e.title = o.title() == null ? null : o.title().length() > 300 ? o.title().substring(0, 300) : o.title();
        e.outcome = o.kind().name();
        return e;
    }

    static ImportProblemEntity problem(UUID jobId, int seq, RowProblem p) {
        ImportProblemEntity e = new ImportProblemEntity();
        e.jobId = jobId;
        e.seq = seq;
        e.sheet = p.sheet();
        e.row = p.row();
        e.groupRow = p.groupRow();
        e.columnName = p.column();
        e.cellValue = p.value() == null ? null : p.value().length() > 500 ? p.value().substring(0, 500) : p.value();
        e.code = p.code();
        e.message = p.message().length() > 1000 ? p.message().substring(0, 1000) : p.message();
        return e;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("temporary import file %s left behind", file);
        }
    }

    /** The problems of a dry run: all counted, the first {@link #MAX_STORED_PROBLEMS} kept. */
    private final class Problems {
        final UUID jobId;
        final List<RowProblem> kept = new ArrayList<>();
        final Set<Integer> groups = new java.util.HashSet<>();
        int count;

        Problems(UUID jobId) {
            this.jobId = jobId;
        }

        void add(RowProblem p) {
            count++;
            groups.add(p.groupRow());
            if (kept.size() < MAX_STORED_PROBLEMS) {
                kept.add(p);
            }
        }

        void store() {
            int seq = 1;
            for (RowProblem p : kept) {
                repo.persist(problem(jobId, seq++, p));
            }
        }
    }

    /** Rows done so far, reported beside the job about every half second; a cancel request is read back. */
    private final class Tally {
        final UUID jobId;
        final int total;
        int processed;
        long lastReport;

        Tally(UUID jobId, int total) {
            this.jobId = jobId;
            this.total = total;
        }

        void step() {
            processed++;
            long now = System.nanoTime();
            if (now - lastReport > 500_000_000L || processed == total) {
                lastReport = now;
                boolean cancel = QuarkusTransaction.requiringNew().call(() -> repo.reportProgress(jobId, processed, total, clock.instant()));
                if (cancel) {
                    throw new Cancelled();
                }
            }
        }
    }
}
