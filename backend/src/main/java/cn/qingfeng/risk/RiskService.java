package cn.qingfeng.risk;

import static cn.qingfeng.risk.RiskLifecycle.ADD_MEASURE;
import static cn.qingfeng.risk.RiskLifecycle.CLOSE;
import static cn.qingfeng.risk.RiskLifecycle.CREATE;
import static cn.qingfeng.risk.RiskLifecycle.GRADE;
import static cn.qingfeng.risk.RiskLifecycle.MARK_CONTROLLED;
import static cn.qingfeng.risk.RiskLifecycle.REGRADE;
import static cn.qingfeng.risk.RiskLifecycle.REOPEN;
import static cn.qingfeng.risk.RiskLifecycle.REPORT;
import static cn.qingfeng.risk.RiskLifecycle.REVIEW;
import static cn.qingfeng.risk.RiskLifecycle.START_CONTROL;
import static cn.qingfeng.risk.RiskLifecycle.UPDATE;

import cn.qingfeng.common.code.CodeGenerator;
import cn.qingfeng.common.ledger.Action;
import cn.qingfeng.common.ledger.ExternalRefs;
import cn.qingfeng.common.ledger.Ledger;
import cn.qingfeng.common.origin.FollowUp;
import cn.qingfeng.common.origin.Origins;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.security.Roles;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.measure.MeasureEntity;
import cn.qingfeng.measure.MeasureOwnerType;
import cn.qingfeng.measure.MeasureRequests;
import cn.qingfeng.measure.MeasureService;
import cn.qingfeng.risk.RiskEnums.GradingSource;
import cn.qingfeng.risk.RiskEnums.Level;
import cn.qingfeng.risk.RiskEnums.ObligationKind;
import cn.qingfeng.risk.RiskEnums.Status;
import cn.qingfeng.risk.RiskViews.LinkView;
import cn.qingfeng.risk.RiskViews.RiskDetail;
import cn.qingfeng.risk.RiskViews.RiskObligationView;
import cn.qingfeng.risk.RiskViews.RiskRef;
import cn.qingfeng.risk.RiskViews.RiskReportView;
import cn.qingfeng.risk.RiskViews.RiskReviewView;
import cn.qingfeng.risk.RiskViews.RiskView;
import cn.qingfeng.unit.UnitRef;
import cn.qingfeng.unit.UnitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The risk ledger's actions ({@link RiskLifecycle}). Grading always names the matrix version it
 * used; reviews (研判) by the unit or a supervisor may change the grade; every change of grade is
 * kept in the grading history.
 */
@ApplicationScoped
public class RiskService {

    static final String ENTITY = "risk";
    static final String REVIEW_FILES = "RISK_REVIEW";
    static final MeasureOwnerType MEASURES = MeasureOwnerType.RISK;

    @Inject
    RiskRepository risks;

    @Inject
    RiskMapper mapper;

    @Inject
    RiskObligations obligations;

    @Inject
    MeasureService measures;

    @Inject
    Origins origins;

    @Inject
    UnitRepository units;

    @Inject
    CallerScope scope;

    @Inject
    CurrentUser user;

    @Inject
    Ledger ledger;

    @Inject
    CodeGenerator codes;

    @Inject
    Warnings warnings;

    @Inject
    Clock clock;

    public RiskDetail detail(UUID id) {
        return detail(visible(id));
    }

    @Transactional
    public RiskDetail create(RiskRequests.Create req) {
        return flushed(createRecord(req));
    }

    /** {@link #create} without building the answer's view (a bulk import does not read it). */
    @Transactional
    public RiskEntity createRecord(RiskRequests.Create req) {
        ledger.enter(CREATE);
        ExternalRefs.check(RiskLifecycle.RISK, req.externalSource(), req.externalRef(), risks::externalRefTaken);
        if (units.find(req.unitId(), scope.current()).filter(u -> u.active).isEmpty()) {
            throw ProblemException.invalidField("unitId", "单位不存在、已停用或不在你的管辖范围内");
        }
        checkCycleChoice(null, req.reviewCycle());
        Instant now = clock.instant();
        RiskEntity r = new RiskEntity();
        r.id = UUID.randomUUID();
        r.code = codes.next("FX", warnings.today().getYear());
        r.name = req.name().trim();
        r.category = req.category();
        r.manifestation = req.manifestation();
        r.unitId = req.unitId();
        r.responsibleLeader = req.responsibleLeader();
        r.responsiblePerson = req.responsiblePerson();
        r.reviewCycleOverride = req.reviewCycle();
        r.externalSource = req.externalSource();
        r.externalRef = req.externalRef();
        r.status = Status.IDENTIFIED;
        r.createdBy = user.subject();
        r.createdByName = user.displayName();
        r.createdAt = now;
        r.updatedAt = now;
        risks.persist(r);
        ledger.record(CREATE, r, Changes.of().set("code", r.code).set("name", r.name)
                .set("category", r.category).set("reviewCycle", r.reviewCycleOverride));
        if (req.measures() != null) {
            for (MeasureRequests.Add m : req.measures()) {
                measures.add(ADD_MEASURE, r, MEASURES, m, null);
            }
        }
        risks.flush();
        return r;
    }

    @Transactional
    public RiskDetail update(UUID id, long version, RiskRequests.Update req) {
        RiskEntity r = ledger.enter(risks, UPDATE, id, version).risk();
        Changes c = Changes.of();
        r.name = c.update("name", r.name, req.name() == null ? null : req.name().trim());
        r.category = c.update("category", r.category, req.category());
        r.manifestation = c.update("manifestation", r.manifestation, req.manifestation());
        r.responsibleLeader = c.update("responsibleLeader", r.responsibleLeader, req.responsibleLeader());
        r.responsiblePerson = c.update("responsiblePerson", r.responsiblePerson, req.responsiblePerson());
        boolean cycleChanged = false;
        if (Boolean.TRUE.equals(req.defaultReviewCycle())) {
            cycleChanged = r.reviewCycleOverride != null;
            c.field("reviewCycle", r.reviewCycleOverride, null);
            r.reviewCycleOverride = null;
        } else if (req.reviewCycle() != null && req.reviewCycle() != r.reviewCycleOverride) {
            checkCycleChoice(r.level, req.reviewCycle());
            cycleChanged = true;
            r.reviewCycleOverride = c.update("reviewCycle", r.reviewCycleOverride, req.reviewCycle());
        }
        if (!c.isEmpty()) {
            ledger.record(UPDATE, r, c);
        }
        if (cycleChanged && r.level != null) {
            // A new cycle counts from the last review (or today): due dates follow the cycle chosen.
            obligations.scheduleReview(r, obligations.nextByCycle(r, warnings.today()));
        }
        return flushed(r);
    }

    // ---------------------------------------------------------------- grading

    /** A supervisor grades (or re-grades with new values) on the current matrix. */
    @Transactional
    public RiskDetail grade(UUID id, long version, RiskRequests.Grade req) {
        RiskEntity r = ledger.enter(risks, GRADE, id, version).risk();
        if ((req.residualLikelihood() == null) != (req.residualImpact() == null)) {
            throw ProblemException.invalidField("residualImpact", "剩余风险须同时给出可能性与影响程度");
        }
        // Residual values left out keep the ones assessed before (re-scored on the current matrix).
        boolean keepResidual = req.residualLikelihood() == null;
        applyGrade(r, GRADE, GRADE.event(), GradingSource.GRADING, req.likelihood(), req.impact(),
                keepResidual ? r.residualLikelihood : req.residualLikelihood(),
                keepResidual ? r.residualImpact : req.residualImpact(), req.reason(), null);
        return flushed(r);
    }

    /** 重新评级: the same likelihood and impact under the newest matrix; the earlier grade stays in the history. */
    @Transactional
    public RiskDetail regrade(UUID id, long version, String reason) {
        RiskEntity r = ledger.enter(risks, REGRADE, id, version).risk();
        applyGrade(r, REGRADE, REGRADE.event(), GradingSource.REGRADING, r.likelihood, r.impact, r.residualLikelihood,
                r.residualImpact, reason, null);
        return flushed(r);
    }

    private void applyGrade(RiskEntity r, Action<Status, RiskFacts> action, String event, GradingSource source,
                            int likelihood, int impact, Integer residualLikelihood, Integer residualImpact, String reason,
                            UUID reviewId) {
        RiskMatrixEntity m = risks.currentMatrix();
        Instant now = clock.instant();
        RiskGradingEntity g = new RiskGradingEntity();
        g.id = UUID.randomUUID();
        g.riskId = r.id;
        g.source = source;
        g.likelihood = likelihood;
        g.impact = impact;
        g.score = RiskMatrix.score(likelihood, impact);
        g.level = m.level(g.score);
        if (residualLikelihood != null) {
            g.residualLikelihood = residualLikelihood;
            g.residualImpact = residualImpact;
            g.residualScore = RiskMatrix.score(residualLikelihood, residualImpact);
            g.residualLevel = m.level(g.residualScore);
        }
        g.matrixVersion = m.version;
        g.previousLevel = r.level;
        g.previousScore = r.score;
        g.previousMatrixVersion = r.matrixVersion;
        g.reason = reason;
        g.reviewId = reviewId;
        g.gradedBy = user.subject();
        g.gradedByName = user.displayName();
        g.gradedAt = now;
        risks.persist(g);
        Level before = r.level;
        ledger.record(action, event, r, Changes.of().set("gradingId", g.id)
                .field("likelihood", r.likelihood, g.likelihood).field("impact", r.impact, g.impact)
                .field("score", r.score, g.score).field("level", r.level, g.level)
                .field("residualLevel", r.residualLevel, g.residualLevel)
                .field("matrixVersion", r.matrixVersion, g.matrixVersion).set("reason", reason));
        r.likelihood = g.likelihood;
        r.impact = g.impact;
        r.score = g.score;
        r.level = g.level;
        r.residualLikelihood = g.residualLikelihood;
        r.residualImpact = g.residualImpact;
        r.residualScore = g.residualScore;
        r.residualLevel = g.residualLevel;
        r.matrixVersion = g.matrixVersion;
        r.gradedAt = now;
        obligations.onLevelChange(r, before, r.level);
        if (reviewId == null) {
            obligations.rescheduleAfterGrading(r, warnings.today());
        }
    }

    // ---------------------------------------------------------------- measures

    @Transactional
    public RiskDetail addMeasure(UUID id, MeasureRequests.Add req) {
        RiskEntity r = ledger.enter(risks, ADD_MEASURE, id, null).risk();
        measures.add(ADD_MEASURE, r, MEASURES, req, null);
        return flushed(r);
    }

    @Transactional
    public RiskDetail completeMeasure(UUID id, UUID measureId, long version, String evidence) {
        measures.complete(MEASURES, id, measureId, version, evidence);
        return flushed(visible(id));
    }

    @Transactional
    public RiskDetail reopenMeasure(UUID id, UUID measureId, long version) {
        measures.reopen(MEASURES, id, measureId, version);
        return flushed(visible(id));
    }

    // ---------------------------------------------------------------- the life of a risk

    /** 管控中: graded, with at least one control measure. */
    @Transactional
    public RiskDetail startControl(UUID id, long version) {
        RiskEntity r = ledger.enter(risks, START_CONTROL, id, version).risk();
        ledger.record(START_CONTROL, r, Changes.of());
        return flushed(r);
    }

    /** 已受控: a supervisor confirms, once every measure is done and the residual grade is recorded. */
    @Transactional
    public RiskDetail markControlled(UUID id, long version) {
        RiskEntity r = ledger.enter(risks, MARK_CONTROLLED, id, version).risk();
        ledger.record(MARK_CONTROLLED, r, Changes.of());
        return flushed(r);
    }

    /** 已关闭: the risk no longer exists; reviews stop, a report still owed stays owed. */
    @Transactional
    public RiskDetail close(UUID id, long version, String reason) {
        RiskEntity r = ledger.enter(risks, CLOSE, id, version).risk();
        r.closedReason = reason;
        obligations.onClose(r, "风险已关闭");
        ledger.record(CLOSE, r, Changes.of().set("reason", reason));
        return flushed(r);
    }

    /** Back to 管控中, with a reason; the review schedule starts again from today. */
    @Transactional
    public RiskDetail reopen(UUID id, long version, String reason) {
        RiskEntity r = ledger.enter(risks, REOPEN, id, version).risk();
        if (r.status == Status.CLOSED && r.level != null) {
            obligations.scheduleReview(r, warnings.today().plusMonths(obligations.cycleOf(r).months));
        }
        r.closedReason = null;
        ledger.record(REOPEN, r, Changes.of().set("reason", reason));
        return flushed(r);
    }

    // ---------------------------------------------------------------- reviews and reports

    /**
     * 研判: answers the open review obligation (on time or late), may change the grade (recorded in
     * the history, a raise to 重大 opens a report obligation), adds and completes measures, and
     * sets the next review date by the cycle of the (new) level.
     */
    @Transactional
    public RiskReviewView review(UUID id, long version, RiskRequests.Review req) {
        RiskEntity r = ledger.enter(risks, REVIEW, id, version).risk();
        LocalDate today = warnings.today();
        if (req.reviewedOn().isAfter(today)) {
            throw ProblemException.invalidField("reviewedOn", "研判日期不能晚于今天");
        }
        if ((req.likelihood() == null) != (req.impact() == null)) {
            throw ProblemException.invalidField("impact", "调整评级须同时给出可能性与影响程度");
        }
        if ((req.residualLikelihood() == null) != (req.residualImpact() == null)) {
            throw ProblemException.invalidField("residualImpact", "剩余风险须同时给出可能性与影响程度");
        }
        List<MeasureEntity> done = new ArrayList<>();
        if (req.doneMeasureIds() != null) {
            for (UUID mid : req.doneMeasureIds()) {
                done.add(measures.ofOwner(MEASURES, r.id, mid, "doneMeasureIds"));
            }
        }
        // Values left out stay as they are: a review that only re-assesses the inherent grade keeps the residual one.
        int likelihood = req.likelihood() != null ? req.likelihood() : r.likelihood;
        int impact = req.impact() != null ? req.impact() : r.impact;
        Integer residualLikelihood = req.residualLikelihood() != null ? req.residualLikelihood() : r.residualLikelihood;
        Integer residualImpact = req.residualImpact() != null ? req.residualImpact() : r.residualImpact;
        boolean changed = likelihood != r.likelihood || impact != r.impact
                || !Objects.equals(residualLikelihood, r.residualLikelihood)
                || !Objects.equals(residualImpact, r.residualImpact);
        if (changed && !user.hasRole(Roles.SUPERVISOR) && lowers(r, likelihood, impact, residualLikelihood, residualImpact)) {
            // Units may raise their own risk at a review; lowering it — before or after controls — is a
            // supervisor's grading decision: a lower residual level would end the risk's reviews sooner.
            throw new ProblemException(403, "risk.lowering-forbidden", "Forbidden", "降低风险等级（含剩余风险等级）须由监督人员评定");
        }
        Instant now = clock.instant();
        RiskReviewEntity v = new RiskReviewEntity();
        v.id = UUID.randomUUID();
        v.riskId = r.id;
        v.reviewedOn = req.reviewedOn();
        v.participants = req.participants().trim();
        v.conclusion = req.conclusion().trim();
        v.levelBefore = r.level;
        v.reviewedBy = user.subject();
        v.reviewedByName = user.displayName();
        v.createdAt = now;
        RiskObligationEntity answered = obligations.fulfil(r, ObligationKind.REVIEW, v.id, user.displayName());
        v.dueOn = answered == null ? null : answered.dueOn;
        if (changed) {
            applyGrade(r, REVIEW, "risk.graded-by-review", GradingSource.REVIEW, likelihood, impact, residualLikelihood,
                    residualImpact, "研判调整：" + v.conclusion, v.id);
        }
        v.levelAfter = r.level;
        risks.persist(v);
        ledger.record(REVIEW, r, Changes.of().set("reviewId", v.id)
                .set("reviewedOn", v.reviewedOn).set("dueOn", v.dueOn).set("participants", v.participants)
                .set("conclusion", v.conclusion).field("level", v.levelBefore, v.levelAfter));
        measures.completeAll(MEASURES, done);
        if (req.newMeasures() != null) {
            for (MeasureRequests.Add m : req.newMeasures()) {
                measures.add(ADD_MEASURE, r, MEASURES, m, v.id);
            }
        }
        r.lastReviewedOn = r.lastReviewedOn == null || v.reviewedOn.isAfter(r.lastReviewedOn) ? v.reviewedOn : r.lastReviewedOn;
        obligations.scheduleReview(r, obligations.nextByCycle(r, warnings.today()));
        risks.flush();
        return reviewViews(List.of(v)).get(0);
    }

    /** A report of the risk to the bureau; answers an open report obligation (on time or late). */
    @Transactional
    public RiskReportView report(UUID id, RiskRequests.Report req) {
        RiskEntity r = ledger.enter(risks, REPORT, id, null).risk();
        RiskReportEntity p = new RiskReportEntity();
        p.id = UUID.randomUUID();
        p.riskId = r.id;
        p.recipient = req.recipient().trim();
        p.documentNo = req.documentNo();
        p.content = req.content().trim();
        p.reportedBy = user.subject();
        p.reportedByName = user.displayName();
        p.createdAt = clock.instant();
        RiskObligationEntity answered = obligations.fulfil(r, ObligationKind.REPORT, p.id, user.displayName());
        p.obligationId = answered == null ? null : answered.id;
        risks.persist(p);
        ledger.record(REPORT, r, Changes.of().set("reportId", p.id)
                .set("recipient", p.recipient).set("documentNo", p.documentNo).set("obligationId", p.obligationId));
        risks.flush();
        return mapper.report(p);
    }

    // ---------------------------------------------------------------- views

    RiskEntity visible(UUID id) {
        return risks.find(id, scope.current(), false).orElseThrow(() -> ProblemException.notFound(RiskLifecycle.RISK.label()));
    }

    /** Whether new values would put the risk, or its residual risk, on a lower level than now. */
    private boolean lowers(RiskEntity r, int likelihood, int impact, Integer residualLikelihood, Integer residualImpact) {
        RiskMatrixEntity m = risks.currentMatrix();
        boolean inherent = m.level(RiskMatrix.score(likelihood, impact)).ordinal() < r.level.ordinal();
        boolean residual = r.residualLevel != null && residualLikelihood != null
                && m.level(RiskMatrix.score(residualLikelihood, residualImpact)).ordinal() < r.residualLevel.ordinal();
        return inherent || residual;
    }

    /**
     * A unit may choose a review cycle shorter than its level's default, not a longer one (that is
     * the supervisor's call); before grading the level is unknown, so only the most frequent default passes.
     */
    private void checkCycleChoice(Level level, RiskEnums.ReviewCycle cycle) {
        if (cycle == null || user.hasRole(Roles.SUPERVISOR)) {
            return;
        }
        RiskEnums.ReviewCycle limit = obligations.defaultCycle(level == null ? Level.MAJOR : level);
        if (cycle.months > limit.months) {
            throw ProblemException.invalidField("reviewCycle", "研判周期不能长于该等级的默认周期（" + limit + "），放宽须由监督人员决定");
        }
    }

    /** Flushes so the answer carries the version the change produced. */
    private RiskDetail flushed(RiskEntity r) {
        risks.flush();
        return detail(r);
    }

    RiskDetail detail(RiskEntity r) {
        Map<UUID, UnitRef> unit = units.refs(List.of(r.unitId));
        Instant now = clock.instant();
        RiskRef ref = mapper.ref(r);
        List<RiskObligationView> obligationViews = risks.obligationsOf(r.id).stream()
                .map(o -> mapper.obligation(o, ref, unit.get(o.unitId), o.state(now))).toList();
        return new RiskDetail(views(List.of(r)).get(0), measures.views(MEASURES, r.id),
                risks.gradings(r.id).stream().map(mapper::grading).toList(), reviewViews(risks.reviews(r.id)),
                risks.reports(r.id).stream().map(mapper::report).toList(), obligationViews);
    }

    List<RiskView> views(List<RiskEntity> list) {
        Map<UUID, UnitRef> refs = units.refs(list.stream().map(r -> r.unitId).distinct().toList());
        Map<UUID, Instant> reportDue = risks.openReportDue(list.stream().map(r -> r.id).toList());
        return risks.facts(list).stream().map(f -> {
            RiskEntity r = f.risk();
            return mapper.risk(r, refs.get(r.unitId), r.matrixVersion != null && r.matrixVersion != f.currentMatrixVersion(),
                    obligations.cycleOf(r), r.status == Status.CLOSED || r.nextReviewOn == null ? null : warnings.open(r.nextReviewOn),
                    reportDue.get(r.id), ledger.allowed(RiskLifecycle.RISK, f));
        }).toList();
    }

    private List<RiskReviewView> reviewViews(List<RiskReviewEntity> reviews) {
        Map<UUID, List<LinkView>> links = new HashMap<>();
        for (FollowUp f : origins.followUps(RiskReviewOrigin.TYPE, reviews.stream().map(v -> v.id).toList())) {
            links.computeIfAbsent(f.originId(), k -> new ArrayList<>()).add(new LinkView(f.type(), f.id(), f.code(), f.title(), f.status()));
        }
        return reviews.stream().map(v -> mapper.review(v, v.dueOn == null ? null : !Warnings.dayOf(v.createdAt).isAfter(v.dueOn),
                links.getOrDefault(v.id, List.of()))).toList();
    }
}
