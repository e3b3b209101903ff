package cn.qingfeng.bulk.job;

import cn.qingfeng.access.ApiAccess;
import cn.qingfeng.bulk.BulkLedger;
import cn.qingfeng.bulk.Column;
import cn.qingfeng.bulk.ColumnType;
import cn.qingfeng.bulk.EnumLabels;
import cn.qingfeng.bulk.LedgerSchemas;
import cn.qingfeng.bulk.importing.Conflict;
import cn.qingfeng.bulk.read.TableFile;
import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.input.ArchiveInspector;
import cn.qingfeng.common.ledger.AllowedAction;
import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.paging.Pager;
import cn.qingfeng.common.paging.SortField;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.security.CurrentUser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The import's flow for its callers: upload (the dry run starts), look, adjust, commit, cancel. */
@ApplicationScoped
public class ImportService {

    private static final List<SortField<ImportJobEntity>> JOB_SORT = List.of(
            new SortField<>("createdAt", "e.createdAt", Instant.class, j -> j.createdAt),
            new SortField<>("id", "e.id", UUID.class, j -> j.id));
    private static final List<SortField<ImportProblemEntity>> PROBLEM_SORT = List.of(
            new SortField<>("seq", "e.seq", Integer.class, p -> p.seq));
    private static final List<SortField<ImportOutcomeEntity>> OUTCOME_SORT = List.of(
            new SortField<>("row", "e.row", Integer.class, o -> o.row));

    @Inject
    ImportRepository repo;

    @Inject
    CurrentUser user;

    @Inject
    Pager pager;

    @Inject
    QingfengConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    cn.qingfeng.unit.UnitCallerScope callerUnit;

    @Inject
    cn.qingfeng.common.scope.CallerScope scope;

    // ---------------------------------------------------------------- ledgers

    public List<ImportViews.LedgerView> ledgers() {
        return LedgerSchemas.ALL.keySet().stream().sorted().map(l -> {
            LedgerSchemas.LedgerSchema s = LedgerSchemas.of(l);
            return new ImportViews.LedgerView(l.path, l.label, permitted(l),
                    s.sheets().stream().map(sh -> new ImportViews.SheetView(sh.name(), sh.child(),
                            sh.columns().stream().map(ImportService::column).toList())).toList());
        }).toList();
    }

    private static ImportViews.ColumnView column(Column c) {
        List<String> options = c.type() == ColumnType.ENUM ? enumLabels(c) : List.of();
        return new ImportViews.ColumnView(c.key(), c.header(), c.required(), c.type(), c.synonyms(), options, c.readOnly(), c.note());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> enumLabels(Column c) {
        return EnumLabels.labels((Class) c.enumType());
    }

    /** Whether the caller may create records of the ledger: importing is creating, by the ledger's own rule. */
    boolean permitted(BulkLedger ledger) {
        return ApiAccess.permits(creation(ledger), user.roles());
    }

    private static String creation(BulkLedger ledger) {
        return switch (ledger) {
            case TASKS -> "createTask";
            case RECTIFICATIONS -> "createRectification";
            case RISKS -> "createRisk";
        };
    }

    // ---------------------------------------------------------------- upload

    @Transactional
    public ImportViews.Job upload(String ledgerName, Conflict conflict, String encoding, String mappingJson, UUID mappingId,
                                  String fileName, Path uploaded) {
        BulkLedger ledger = BulkLedger.of(ledgerName);
        if (!permitted(ledger)) {
            throw new ProblemException(403, "import.not-permitted", "Forbidden", "你的角色无权向" + ledger.label + "导入记录");
        }
        if (uploaded == null) {
            throw ProblemException.invalidField("file", "请选择要导入的文件");
        }
        cn.qingfeng.attachment.ContentDisposition.problem(fileName).ifPresent(reason -> {
            throw ProblemException.invalidField("file", reason);
        });
        long size = size(uploaded);
        long max = config.attachments().maxSize().asLongValue();
        if (size > max) {
            throw new ProblemException(413, "import.too-large", "Content Too Large", "文件超过上限 " + max / (1024 * 1024) + " MB");
        }
        if (size == 0) {
            throw ProblemException.invalidField("file", "文件是空的");
        }
        TableFile.Format format = TableFile.sniff(head(uploaded));
        if (format == TableFile.Format.XLSX) {
            ArchiveInspector.inspect(uploaded, TableFile.XLSX_LIMITS);
        }
        Map<String, Map<String, String>> mapping = new LinkedHashMap<>();
        if (mappingId != null) {
            ImportMappingEntity saved = repo.mapping(mappingId).filter(m -> m.owner.equals(user.subject()))
                    .orElseThrow(() -> ProblemException.invalidField("mappingId", "映射方案不存在"));
            mapping.putAll(saved.mapping);
        }
        if (mappingJson != null && !mappingJson.isBlank()) {
            mapping.putAll(parseMapping(mappingJson));
        }
        ImportJobEntity job = new ImportJobEntity();
        job.id = UUID.randomUUID();
        job.ledger = ledger.path;
        job.fileName = fileName.strip();
        job.format = format.name();
        job.encoding = format == TableFile.Format.CSV && encoding != null ? encoding : null;
        job.status = ImportStatus.VALIDATING;
        job.conflict = (conflict == null ? Conflict.STOP : conflict).name();
        job.mapping = mapping;
        job.counts = ImportRunner.counts(0, 0, 0);
        job.createdBy = user.subject();
        job.createdByName = user.displayName();
        job.createdByUser = user.username();
        job.createdByUnit = user.unitCode().orElse(null);
        job.unitId = callerUnit.ownUnit().map(u -> u.id).orElse(null);
        job.createdByRoles = String.join(",", user.roles());
        job.clientId = user.clientId().orElse(null);
        job.createdAt = clock.instant();
        repo.persist(job);
        repo.storeFile(job.id, read(uploaded));
        return view(job);
    }

    private Map<String, Map<String, String>> parseMapping(String text) {
        try {
            Map<String, Map<String, String>> m = json.readValue(text, new TypeReference<LinkedHashMap<String, Map<String, String>>>() { });
            if (m.size() > 10 || m.values().stream().anyMatch(v -> v == null || v.size() > 200)) {
                throw ProblemException.invalidField("mapping", "列映射过大");
            }
            return m;
        } catch (IOException e) {
            throw ProblemException.invalidField("mapping", "列映射应为 JSON：{\"工作表\": {\"表头\": \"列\"}}");
        }
    }

    // ---------------------------------------------------------------- reads

    public ImportViews.Job get(UUID id) {
        return view(visible(id));
    }

    public Page<ImportViews.Job> list(String ledger, ImportStatus status, PageParams page) {
        ListQuery<ImportJobEntity> q = repo.jobs(scope.current(), user.subject());
        if (ledger != null) {
            q.where("e.ledger = :l", "l", BulkLedger.of(ledger).path);
        }
        if (status != null) {
            q.where("e.status = :s", "s", status);
        }
        Page<ImportJobEntity> jobs = pager.page(q, page, JOB_SORT, "-createdAt");
        Map<UUID, ImportProgressEntity> progress = repo.progress(jobs.items().stream().map(j -> j.id).toList());
        return jobs.map(j -> view(j, progress.get(j.id)));
    }

    public Page<ImportViews.Problem> problems(UUID id, PageParams page) {
        visible(id);
        return pager.page(repo.problems(id), page, PROBLEM_SORT, "seq")
                .map(p -> new ImportViews.Problem(p.sheet, p.row, p.columnName, p.cellValue, p.code, p.message));
    }

    public Page<ImportViews.Record> records(UUID id, PageParams page) {
        ImportJobEntity job = visible(id);
        return pager.page(repo.outcomes(id), page, OUTCOME_SORT, "row")
                .map(o -> new ImportViews.Record(o.row, job.ledger, o.recordId, o.code, o.title, o.outcome));
    }

    /** The job, if the caller may see it: their own, or one of a unit in their scope (as the unit's records). */
    ImportJobEntity visible(UUID id) {
        var s = scope.current();
        return repo.find(id).filter(j -> j.createdBy.equals(user.subject()) || s.all() || (j.unitId != null && s.contains(j.unitId)))
                .orElseThrow(() -> ProblemException.notFound("导入任务"));
    }

    // ---------------------------------------------------------------- actions

    @Transactional
    public ImportViews.Job revalidate(UUID id, ImportRequests.Revalidate req) {
        ImportJobEntity job = own(id, "revalidateImport");
        if (job.status != ImportStatus.VALIDATED) {
            throw ProblemException.conflict("import.not-validated", "只有校验完成、尚未导入的任务可以重新校验");
        }
        if (req.mapping() != null) {
            job.mapping = new LinkedHashMap<>(req.mapping());
        }
        if (req.conflict() != null) {
            job.conflict = req.conflict().name();
        }
        job.status = ImportStatus.VALIDATING;
        job.finishedAt = null;
        return view(job);
    }

    @Transactional
    public ImportViews.Job commit(UUID id, boolean validRowsOnly) {
        ImportJobEntity job = own(id, "commitImport");
        refusal(job, "commit", validRowsOnly).ifPresent(r -> {
            throw ProblemException.conflict(r.reasonCode(), r.reason());
        });
        job.validRowsOnly = validRowsOnly;
        job.status = ImportStatus.COMMITTING;
        job.finishedAt = null;
        return view(job);
    }

    @Transactional
    public ImportViews.Job cancel(UUID id) {
        ImportJobEntity job = visible(id);
        requireRole("cancelImport");
        requireOwner(job);
        if (job.status.ended()) {
            throw ProblemException.conflict("import.ended", "该导入已结束，不能取消");
        }
        if (repo.lockIfIdle(id).isPresent()) {
            job.status = ImportStatus.CANCELLED;
            job.finishedAt = clock.instant();
        } else {
            // A worker holds it: it reads the request at its next progress report and rolls back.
            repo.progress(id).ifPresent(p -> p.cancelRequested = true);
        }
        return view(job);
    }

    /** The caller's own job, locked; 409 while a worker runs it. Out of sight 404, then role 403, then owner 403. */
    private ImportJobEntity own(UUID id, String operation) {
        ImportJobEntity seen = visible(id);
        requireRole(operation);
        requireOwner(seen);
        return repo.lockIfIdle(id).orElseThrow(() -> ProblemException.conflict("import.running", "该导入正在执行，请稍候"));
    }

    private void requireRole(String operation) {
        ApiAccess.require(operation, user.roles());
    }

    private void requireOwner(ImportJobEntity job) {
        if (!job.createdBy.equals(user.subject())) {
            throw new ProblemException(403, "import.not-owner", "Forbidden", "只有发起导入的人可以操作该导入");
        }
    }

    /** Why an action cannot be taken now, if it cannot. */
    private java.util.Optional<AllowedAction> refusal(ImportJobEntity job, String action, boolean validRowsOnly) {
        String code = null;
        String reason = null;
        switch (action) {
            case "commit" -> {
                if (job.status != ImportStatus.VALIDATED) {
                    code = "import.not-validated";
                    reason = job.status == ImportStatus.VALIDATING ? "正在校验，请稍候" : "该导入已不在待确认状态";
                } else if (job.counts.getOrDefault("valid", 0) == 0) {
                    code = "import.nothing-valid";
                    reason = "没有可导入的行";
                } else if (job.problemCount > 0 && !validRowsOnly) {
                    code = "import.has-problems";
                    reason = "还有 " + job.problemCount + " 个问题：请修正后重新上传，或选择“仅导入无误的行”";
                }
            }
            case "cancel" -> {
                if (job.status.ended()) {
                    code = "import.ended";
                    reason = "该导入已结束";
                }
            }
            case "revalidate" -> {
                if (job.status != ImportStatus.VALIDATED) {
                    code = "import.not-validated";
                    reason = "只有校验完成、尚未导入的任务可以重新校验";
                }
            }
            default -> throw new IllegalArgumentException(action);
        }
        return code == null ? java.util.Optional.empty()
                : java.util.Optional.of(new AllowedAction(action, false, AllowedAction.Blocked.STATE, code, reason));
    }

    // ---------------------------------------------------------------- views

    ImportViews.Job view(ImportJobEntity job) {
        return view(job, repo.progress(job.id).orElse(null));
    }

    private ImportViews.Job view(ImportJobEntity job, ImportProgressEntity p) {
        List<AllowedAction> actions = new ArrayList<>();
        if (job.createdBy.equals(user.subject())) {
            for (String a : List.of("commit", "cancel", "revalidate")) {
                // commit is offered when "valid rows only" could go ahead; "all or nothing" also needs no problems.
                actions.add(refusal(job, a, true).orElse(new AllowedAction(a, true, null, null, null)));
            }
        }
        return new ImportViews.Job(job.id, job.ledger, job.fileName, job.format, job.encoding, job.status,
                Conflict.valueOf(job.conflict), job.validRowsOnly, job.createdByName, job.createdAt, job.finishedAt,
                ImportViews.Counts.of(job.counts), job.problemCount,
                job.headers.stream().map(h -> new ImportViews.Header(h.get("sheet"), h.get("header"), h.get("key"), h.get("label"))).toList(),
                progress(job, p), job.failure, actions);
    }

    private ImportViews.Progress progress(ImportJobEntity job, ImportProgressEntity p) {
        if (p == null) {
            return null;
        }
        double seconds = Math.max(0.001, Duration.between(p.startedAt, p.updatedAt).toMillis() / 1000.0);
        double rate = p.processed / seconds;
        int percent = p.total == 0 ? (job.status.queued() ? 0 : 100) : Math.min(100, p.processed * 100 / p.total);
        Long eta = rate > 0 && p.total >= p.processed ? Math.round((p.total - p.processed) / rate) : null;
        return new ImportViews.Progress(p.phase, p.processed, p.total, percent, Math.round(rate * 10) / 10.0, eta, p.attempt,
                p.worker != null && job.status.queued(), p.cancelRequested);
    }

    /** The dry run's report as a workbook (a temporary file, deleted by whoever sends it). */
    public Path annotated(UUID id) {
        ImportJobEntity job = visible(id);
        Path source = repo.spool(id);
        TableFile table = TableFile.open(source, TableFile.Format.valueOf(job.format), job.encoding,
                LedgerSchemas.of(BulkLedger.of(job.ledger)).main().name());
        return AnnotatedReport.write(source, table, repo.allProblems(id));
    }

    public String fileNameOf(UUID id) {
        ImportJobEntity job = visible(id);
        String base = job.fileName.replaceAll("\\.(xlsx|csv|CSV|XLSX)$", "");
        return base + "-问题说明.xlsx";
    }

    // ---------------------------------------------------------------- mappings

    public List<ImportViews.Mapping> mappings(String ledger) {
        return repo.mappings(user.subject(), ledger == null ? null : BulkLedger.of(ledger).path).stream().map(ImportService::mapping).toList();
    }

    @Transactional
    public ImportViews.Mapping saveMapping(ImportRequests.SaveMapping req) {
        ImportMappingEntity m = repo.mappingNamed(user.subject(), req.ledger(), req.name().strip()).orElse(null);
        if (m != null) {
            m.mapping = new LinkedHashMap<>(req.mapping());
            return mapping(m);
        }
        // Persisted complete: Hibernate's insert takes the entity as it is at persist.
        m = new ImportMappingEntity();
        m.id = UUID.randomUUID();
        m.owner = user.subject();
        m.ledger = req.ledger();
        m.name = req.name().strip();
        m.mapping = new LinkedHashMap<>(req.mapping());
        m.createdAt = clock.instant();
        repo.persist(m);
        return mapping(m);
    }

    @Transactional
    public void deleteMapping(UUID id) {
        repo.delete(repo.mapping(id).filter(m -> m.owner.equals(user.subject())).orElseThrow(() -> ProblemException.notFound("映射方案")));
    }

    private static ImportViews.Mapping mapping(ImportMappingEntity m) {
        return new ImportViews.Mapping(m.id, m.ledger, m.name, m.mapping, m.createdAt);
    }

    // ---------------------------------------------------------------- files

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4096);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
