package cn.qingfeng.bulk.importing;

import static cn.qingfeng.bulk.importing.ImportContext.changed;

import cn.qingfeng.bulk.BulkLedger;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.measure.MeasureRequests;
import cn.qingfeng.rectification.RectificationEnums.Category;
import cn.qingfeng.rectification.RectificationEnums.Kind;
import cn.qingfeng.rectification.RectificationEnums.Severity;
import cn.qingfeng.rectification.RectificationEnums.Source;
import cn.qingfeng.rectification.RectificationItemEntity;
import cn.qingfeng.rectification.RectificationRepository;
import cn.qingfeng.rectification.RectificationRequests;
import cn.qingfeng.rectification.RectificationService;
import cn.qingfeng.rectification.RectificationViews.ItemDetail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rectification items with their measures. */
@ApplicationScoped
public class RectificationImporter implements LedgerImporter {

    @Inject
    RectificationService service;

    @Inject
    RectificationRepository items;

    @Override
    public BulkLedger ledger() {
        return BulkLedger.RECTIFICATIONS;
    }

    @Override
    public Outcome apply(RecordGroup group, ImportContext ctx) {
        List<RowProblem> problems = new ArrayList<>();
        RowValues v = ctx.values(group.main(), group.main().row(), problems);
        String code = v.text("code");
        String ref = v.text("externalRef");
        String source = v.text("externalSource");
        String title = v.text("title");
        String description = v.text("description");
        Source from = v.choice("source", Source.class);
        Category category = v.choice("category", Category.class);
        Severity severity = v.choice("severity", Severity.class);
        LocalDate foundOn = v.date("foundOn");
        UUID unit = v.unitId("unitId");
        String leader = v.text("responsibleLeader");
        String person = v.text("responsiblePerson");
        Kind kind = v.choice("kind", Kind.class);
        LocalDate deadline = v.date("deadline");
        List<MeasureRequests.Add> measures = MeasureRows.read(group, v, ctx, problems);
        ImportContext.Key key = ctx.key(code, source, ref, () -> "rectifications|" + title + "|" + unit + "|" + foundOn);
        RectificationRequests.Create create = new RectificationRequests.Create(title, description, from, category, severity, foundOn, unit,
                leader, person, kind, deadline, key.source(), key.ref(), null, null, null, measures);
        v.validate(ctx.validator(), create);
        ctx.check(problems);

        Optional<RectificationItemEntity> existing = items.byCodeOrExternalRef(key.code(), key.source(), key.ref());
        try {
            if (existing.isEmpty()) {
                ctx.noSuchCode(v, problems, code, "整改事项");
                RectificationItemEntity made = service.createRecord(create);
                return new Outcome(Outcome.Kind.CREATED, made.id, made.code, made.title);
            }
            RectificationItemEntity i = existing.get();
            return ctx.onExisting(v, problems, code, ref, "整改事项", new Outcome(Outcome.Kind.SKIPPED, i.id, i.code, i.title), () -> {
                ItemDetail now = service.detail(i.id);
                boolean changedAny = false;
                RectificationRequests.Update u = new RectificationRequests.Update(changed(title, i.title), changed(description, i.description),
                        changed(severity, i.severity), changed(category, i.category), changed(leader, i.responsibleLeader),
                        changed(person, i.responsiblePerson), changed(deadline, i.deadline));
                if (u.title() != null || u.description() != null || u.severity() != null || u.category() != null
                        || u.responsibleLeader() != null || u.responsiblePerson() != null || u.deadline() != null) {
                    now = service.update(i.id, now.version(), u);
                    changedAny = true;
                }
                for (MeasureRequests.Add add : MeasureRows.missing(measures, now.measures())) {
                    now = service.addMeasure(i.id, add);
                    changedAny = true;
                }
                return new Outcome(changedAny ? Outcome.Kind.UPDATED : Outcome.Kind.UNCHANGED, i.id, now.item().code(), now.item().title());
            });
        } catch (ProblemException e) {
            throw ctx.refused(v, e);
        }
    }
}
