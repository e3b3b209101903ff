package cn.qingfeng.report;

import cn.qingfeng.access.ApiAccess;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.paging.Pager;
import cn.qingfeng.common.paging.SortField;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.web.ETags;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.Journal;
import cn.qingfeng.report.ReportDrafter.Draft;
import cn.qingfeng.report.ReportViews.Figure;
import cn.qingfeng.report.ReportViews.Reason;
import cn.qingfeng.report.ReportViews.ReportSummary;
import cn.qingfeng.report.ReportViews.ReportView;
import cn.qingfeng.report.ReportViews.Revision;
import cn.qingfeng.report.ReportViews.Section;
import cn.qingfeng.report.ReportViews.TemplateInfo;
import cn.qingfeng.statistics.StatisticsPeriod;
import cn.qingfeng.statistics.StatisticsService;
import cn.qingfeng.statistics.StatisticsViews.PeriodView;
import cn.qingfeng.unit.UnitEntity;
import cn.qingfeng.unit.UnitRef;
import cn.qingfeng.unit.UnitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Drafting, editing, refreshing and exporting reports; every change journaled and kept as a revision. */
@ApplicationScoped
public class ReportService {

    public static final String ENTITY = "report";

    private static final List<SortField<ReportEntity>> SORT = List.of(
            new SortField<>("createdAt", "e.createdAt", Instant.class, r -> r.createdAt),
            new SortField<>("id", "e.id", UUID.class, r -> r.id));

    @Inject
    ReportRepository reports;

    @Inject
    ReportDrafter drafter;

    @Inject
    StatisticsService statistics;

    @Inject
    UnitRepository units;

    @Inject
    CallerScope scope;

    @Inject
    CurrentUser user;

    @Inject
    Journal journal;

    @Inject
    Pager pager;

    @Inject
    PdfConverter pdf;

    @Inject
    Clock clock;

    @Transactional
    public ReportView create(ReportRequests.Create request) {
        StatisticsPeriod period = StatisticsPeriod.of(request.period(), request.from(), request.to(), statistics.today());
        UnitEntity unit = statistics.unitFor(request.unitId());
        Draft draft = drafter.draft(period, unit);
        Instant now = clock.instant();
        ReportEntity r = new ReportEntity();
        r.id = UUID.randomUUID();
        r.title = draft.title();
        r.periodCode = period.code();
        r.periodFrom = period.from();
        r.periodTo = period.to();
        r.unitId = unit == null ? null : unit.id;
        r.sections = draft.sections();
        r.figures = draft.figures();
        r.figuresAt = now;
        r.createdBy = user.subject();
        r.createdByName = user.displayName();
        r.createdAt = now;
        r.updatedByName = user.displayName();
        r.updatedAt = now;
        reports.persist(r);
        reports.flush();
        revision(r, Reason.GENERATED);
        journal.record("report.generated", ENTITY, r.id, r.unitId, Changes.of()
                .field("title", null, r.title).field("period", null, r.periodCode)
                .field("figures", null, figureValues(r.figures)));
        return view(r);
    }

    public Page<ReportSummary> list(PageParams page) {
        Page<ReportEntity> result = pager.page(reports.reports(scope.current()), page, SORT, "-createdAt");
        Map<UUID, UnitRef> refs = units.refs(result.items().stream().map(r -> r.unitId).filter(java.util.Objects::nonNull).distinct().toList());
        return result.map(r -> new ReportSummary(r.id, r.title, r.periodCode, r.unitId == null ? null : refs.get(r.unitId), r.version,
                r.createdByName, r.createdAt, r.updatedByName, r.updatedAt));
    }

    public ReportView get(UUID id) {
        return view(find(id, false));
    }

    public List<Revision> revisions(UUID id) {
        find(id, false);
        return reports.revisions(id).stream()
                .map(v -> new Revision(v.version, v.reason, v.title, v.sections, v.byName, v.at)).toList();
    }

    /** The author's edits: the title and the sections named (text null: back to the drafted text). */
    @Transactional
    public ReportView update(UUID id, long version, ReportRequests.Update request) {
        ReportEntity r = find(id, true);
        ApiAccess.require("updateReport", user.roles());
        ETags.check(version, r.version);
        Changes changes = Changes.of();
        if (request.title() != null && !request.title().strip().equals(r.title)) {
            changes.field("title", r.title, request.title().strip());
            r.title = request.title().strip();
        }
        if (request.sections() != null) {
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < r.sections.size(); i++) {
                at.put(r.sections.get(i).key(), i);
            }
            List<Section> sections = new ArrayList<>(r.sections);
            for (int i = 0; i < request.sections().size(); i++) {
                ReportRequests.SectionEdit edit = request.sections().get(i);
                Integer index = at.get(edit.key());
                if (index == null) {
                    throw ProblemException.invalidField("sections[" + i + "].key", "报告中没有这一段（" + edit.key() + "）");
                }
                Section old = sections.get(index);
                Section changed = old.withText(edit.text() == null ? old.generated() : edit.text().strip());
                if (!changed.text().equals(old.text())) {
                    changes.field("section." + edit.key(), old.text(), changed.text());
                }
                sections.set(index, changed);
            }
            r.sections = sections;
        }
        if (changes.isEmpty()) {
            return view(r);
        }
        touch(r);
        reports.flush();
        revision(r, Reason.EDITED);
        journal.record("report.edited", ENTITY, r.id, r.unitId, changes);
        return view(r);
    }

    /**
     * Drafts again from the ledgers as they are now: sections the author edited keep their text
     * (the newly drafted one is beside it), the others take the new text; figures whose value moved
     * are marked changed with the value before.
     */
    @Transactional
    public ReportView refresh(UUID id, long version) {
        ReportEntity r = find(id, true);
        ApiAccess.require("refreshReport", user.roles());
        ETags.check(version, r.version);
        UnitEntity unit = r.unitId == null ? null : statistics.unitFor(r.unitId);
        Draft draft = drafter.draft(period(r), unit);
        Map<String, Section> old = new LinkedHashMap<>();
        r.sections.forEach(s -> old.put(s.key(), s));
        List<Section> sections = new ArrayList<>();
        for (Section s : draft.sections()) {
            Section before = old.remove(s.key());
            sections.add(before != null && before.edited()
                    ? new Section(s.key(), s.part(), s.heading(), before.text(), s.generated(), !before.text().equals(s.generated()), s.figureKeys())
                    : s);
        }
        // An edited paragraph whose group the ledgers no longer have stays, after its part's others.
        for (Section gone : old.values()) {
            if (gone.edited()) {
                int at = sections.size();
                for (int i = sections.size() - 1; i >= 0; i--) {
                    if (sections.get(i).part() == gone.part()) {
                        at = i + 1;
                        break;
                    }
                }
                sections.add(at, new Section(gone.key(), gone.part(), gone.heading(), gone.text(), gone.generated(), true, List.of()));
            }
        }
        Map<String, Figure> before = new HashMap<>();
        r.figures.forEach(f -> before.put(f.key(), f));
        List<Figure> figures = new ArrayList<>();
        Map<String, Object> moved = new LinkedHashMap<>();
        for (Figure f : draft.figures()) {
            Figure b = before.get(f.key());
            boolean changed = b != null && b.value() != f.value();
            if (changed) {
                moved.put(f.key(), b.value() + " → " + f.value());
            }
            figures.add(new Figure(f.key(), f.label(), f.value(), changed ? b.value() : null, changed, f.drill(), f.sources()));
        }
        r.sections = sections;
        r.figures = figures;
        r.figuresAt = clock.instant();
        touch(r);
        reports.flush();
        revision(r, Reason.REFRESHED);
        journal.record("report.refreshed", ENTITY, r.id, r.unitId, Changes.of().field("figures", null, moved));
        return view(r);
    }

    /** The report as Word, through the admin's template or the built-in one; journaled. */
    @Transactional
    public byte[] docx(UUID id, boolean appendix) {
        ReportView v = view(find(id, false));
        byte[] out = ReportDocument.render(template(), v, appendix);
        journal.record("report.exported", ENTITY, id, v.unit() == null ? null : v.unit().id(),
                Changes.of().field("format", null, "docx").field("version", null, v.version()));
        return out;
    }

    @Transactional
    public byte[] pdf(UUID id, boolean appendix) {
        ReportView v = view(find(id, false));
        byte[] out = pdf.convert(ReportDocument.render(template(), v, appendix));
        journal.record("report.exported", ENTITY, id, v.unit() == null ? null : v.unit().id(),
                Changes.of().field("format", null, "pdf").field("version", null, v.version()));
        return out;
    }

    public String fileName(UUID id, String extension) {
        return find(id, false).title + "." + extension;
    }

    public byte[] template() {
        return reports.template().map(t -> t.content).orElseGet(ReportDocument::defaultTemplate);
    }

    public TemplateInfo templateInfo() {
        return reports.template()
                .map(t -> new TemplateInfo(true, t.fileName, t.uploadedByName, t.uploadedAt, ReportDocument.PLACEHOLDERS))
                .orElseGet(() -> new TemplateInfo(false, "清风默认模板.docx", null, null, ReportDocument.PLACEHOLDERS));
    }

    @Transactional
    public TemplateInfo replaceTemplate(byte[] content, String fileName) {
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest("report.template-empty", "请上传 Word（.docx）模板文件");
        }
        ReportDocument.problem(content).ifPresent(p -> {
            throw ProblemException.badRequest("report.template-invalid", p);
        });
        ReportTemplateEntity existing = reports.template().orElse(null);
        ReportTemplateEntity t = existing == null ? new ReportTemplateEntity() : existing;
        t.id = ReportTemplateEntity.ID;
        t.content = content;
        t.fileName = fileName == null || fileName.isBlank() ? "template.docx" : fileName.strip();
        t.uploadedByName = user.displayName();
        t.uploadedAt = clock.instant();
        if (existing == null) {
            reports.persist(t);
        }
        journal.record("report.template_replaced", ENTITY, "template", null,
                Changes.of().field("fileName", null, t.fileName).field("size", null, content.length));
        return templateInfo();
    }

    @Transactional
    public TemplateInfo resetTemplate() {
        if (reports.template().isPresent()) {
            reports.removeTemplate();
            journal.record("report.template_reset", ENTITY, "template", null, Changes.of());
        }
        return new TemplateInfo(false, "清风默认模板.docx", null, null, ReportDocument.PLACEHOLDERS);
    }

    private ReportEntity find(UUID id, boolean lock) {
        return reports.find(id, scope.current(), lock).orElseThrow(() -> ProblemException.notFound(ENTITY));
    }

    private static StatisticsPeriod period(ReportEntity r) {
        return r.periodCode.contains("~") ? StatisticsPeriod.of(null, r.periodFrom, r.periodTo, r.periodFrom)
                : StatisticsPeriod.parse(r.periodCode);
    }

    private void touch(ReportEntity r) {
        r.updatedAt = clock.instant();
        r.updatedByName = user.displayName();
    }

    private void revision(ReportEntity r, Reason reason) {
        ReportRevisionEntity v = new ReportRevisionEntity();
        v.id = UUID.randomUUID();
        v.reportId = r.id;
        v.version = r.version;
        v.reason = reason;
        v.title = r.title;
        v.sections = r.sections;
        v.figures = r.figures;
        v.byName = user.displayName();
        v.at = clock.instant();
        reports.persist(v);
    }

    private static Map<String, Object> figureValues(List<Figure> figures) {
        Map<String, Object> out = new LinkedHashMap<>();
        figures.forEach(f -> out.put(f.key(), f.value()));
        return out;
    }

    private ReportView view(ReportEntity r) {
        UnitRef unit = r.unitId == null ? null : units.refs(List.of(r.unitId)).get(r.unitId);
        return new ReportView(r.id, r.title, PeriodView.of(period(r)), unit, r.sections, r.figures, r.figuresAt, r.version,
                r.createdByName, r.createdAt, r.updatedByName, r.updatedAt);
    }
}
