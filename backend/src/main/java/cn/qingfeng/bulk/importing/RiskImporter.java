package cn.qingfeng.bulk.importing;

import static cn.qingfeng.bulk.importing.ImportContext.changed;

import cn.qingfeng.bulk.BulkLedger;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.measure.MeasureRequests;
import cn.qingfeng.risk.RiskEntity;
import cn.qingfeng.risk.RiskEnums.Category;
import cn.qingfeng.risk.RiskEnums.ReviewCycle;
import cn.qingfeng.risk.RiskRepository;
import cn.qingfeng.risk.RiskRequests;
import cn.qingfeng.risk.RiskService;
import cn.qingfeng.risk.RiskViews.RiskDetail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Risks with their control measures; a likelihood and an impact grade the risk as the grading action would. */
@ApplicationScoped
public class RiskImporter implements LedgerImporter {

    private static final String GRADED_BY_IMPORT = "导入评级";

    @Inject
    RiskService service;

    @Inject
    RiskRepository risks;

    @Override
    public BulkLedger ledger() {
        return BulkLedger.RISKS;
    }

    @Override
    public Outcome apply(RecordGroup group, ImportContext ctx) {
        List<RowProblem> problems = new ArrayList<>();
        RowValues v = ctx.values(group.main(), group.main().row(), problems);
        String code = v.text("code");
        String ref = v.text("externalRef");
        String source = v.text("externalSource");
        String name = v.text("name");
        Category category = v.choice("category", Category.class);
        String manifestation = v.text("manifestation");
        UUID unit = v.unitId("unitId");
        String leader = v.text("responsibleLeader");
        String person = v.text("responsiblePerson");
        ReviewCycle cycle = v.choice("reviewCycle", ReviewCycle.class);
        Integer likelihood = v.integer("likelihood", 1, 5);
        Integer impact = v.integer("impact", 1, 5);
        if ((likelihood == null) != (impact == null) && problems.isEmpty()) {
            v.problem(likelihood == null ? "likelihood" : "impact", null, "import.grade-pair", "可能性与影响程度需同时填写");
        }
        List<MeasureRequests.Add> measures = MeasureRows.read(group, v, ctx, problems);
        ImportContext.Key key = ctx.key(code, source, ref, () -> "risks|" + name + "|" + unit);
        RiskRequests.Create create = new RiskRequests.Create(name, category, manifestation, unit, leader, person, cycle,
                key.source(), key.ref(), measures);
        v.validate(ctx.validator(), create);
        ctx.check(problems);

        Optional<RiskEntity> existing = risks.byCodeOrExternalRef(key.code(), key.source(), key.ref());
        try {
            if (existing.isEmpty()) {
                ctx.noSuchCode(v, problems, code, "风险点");
                RiskEntity made = service.createRecord(create);
                if (likelihood != null && impact != null) {
                    service.grade(made.id, made.version, new RiskRequests.Grade(likelihood, impact, null, null, GRADED_BY_IMPORT));
                }
                return new Outcome(Outcome.Kind.CREATED, made.id, made.code, made.name);
            }
            RiskEntity r = existing.get();
            return ctx.onExisting(v, problems, code, ref, "风险点", new Outcome(Outcome.Kind.SKIPPED, r.id, r.code, r.name), () -> {
                RiskDetail now = service.detail(r.id);
                boolean changedAny = false;
                RiskRequests.Update u = new RiskRequests.Update(changed(name, r.name), changed(category, r.category),
                        changed(manifestation, r.manifestation), changed(leader, r.responsibleLeader), changed(person, r.responsiblePerson),
                        changed(cycle, r.reviewCycleOverride), null);
                if (u.name() != null || u.category() != null || u.manifestation() != null || u.responsibleLeader() != null
                        || u.responsiblePerson() != null || u.reviewCycle() != null) {
                    now = service.update(r.id, now.version(), u);
                    changedAny = true;
                }
                if (likelihood != null && (!Objects.equals(likelihood, r.likelihood) || !Objects.equals(impact, r.impact))) {
                    now = service.grade(r.id, now.version(), new RiskRequests.Grade(likelihood, impact, null, null, GRADED_BY_IMPORT));
                    changedAny = true;
                }
                for (MeasureRequests.Add add : MeasureRows.missing(measures, now.measures())) {
                    now = service.addMeasure(r.id, add);
                    changedAny = true;
                }
                return new Outcome(changedAny ? Outcome.Kind.UPDATED : Outcome.Kind.UNCHANGED, r.id, now.risk().code(), now.risk().name());
            });
        } catch (ProblemException e) {
            throw ctx.refused(v, e);
        }
    }
}
