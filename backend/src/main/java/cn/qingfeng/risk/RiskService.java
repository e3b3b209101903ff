package cn.qingfeng.risk;

import cn.qingfeng.common.code.CodeGenerator;
import cn.qingfeng.common.origin.FollowUp;
import cn.qingfeng.common.origin.Origins;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.security.Roles;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.common.web.ETags;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.Journal;
import cn.qingfeng.risk.RiskEnums.GradingSource;
import cn.qingfeng.risk.RiskEnums.Level;
import cn.qingfeng.risk.RiskEnums.MeasureStatus;
import cn.qingfeng.risk.RiskEnums.ObligationKind;
import cn.qingfeng.risk.RiskEnums.Status;
import cn.qingfeng.risk.RiskViews.LinkView;
import cn.qingfeng.risk.RiskViews.RiskDetail;
import cn.qingfeng.risk.RiskViews.RiskGradingView;
import cn.qingfeng.risk.RiskViews.RiskMeasureView;
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
import java.util.Set;
import java.util.UUID;

/**
 * The risk ledger: 已识别 → 管控中 → 已受控 → 已关闭 (reopened back to 管控中). Grading is the
 * supervisors' act and always names the matrix version it used; reviews (研判) by the unit or a
 * supervisor may change the grade; every change of grade is kept in the grading history.
 */
@ApplicationScoped
public class RiskService {

    static final String ENTITY = "risk";
    static final String EVIDENCE_MEASURE = "RISK_MEASURE";
    static final String REVIEW_FILES = "RISK_REVIEW";

    @Inject
    RiskRepository risks;

    @Inject
    RiskObligations obligations;

    @Inject
    Origins origins;

    @Inject
    UnitRepository units;

    @Inject
    CallerScope scope;

    @Inject
    CurrentUser user;

    @Inject
    Journal journal;

    @Inject
    CodeGenerator codes;

    @Inject
    Warnings warnings;

    @Inject
    Clock clock;

    public RiskDetail detail(UUID id) {
        return detail(visible(id, false));
    }

    @Transactional
    public RiskDetail create(RiskRequests.Create req) {
        requireRole(Roles.SUPERVISOR, Roles.UNIT_OFFICER);
        if (req.externalRef() != null && req.externalSource() == null) {
            throw ProblemException.invalidField("externalSource", "externalRef 需要同时给出来源 externalSource");
        }
        if (req.externalRef() != null && risks.externalRefTaken(req.externalSource(), req.externalRef())) {
            throw ProblemException.conflict("risk.external-ref-taken", "该外部编号已登记过");
        }
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
        journal.record("risk.created", ENTITY, r.id, r.unitId, Changes.of().set("code", r.code).set("name", r.name)
                .set("category", r.category).set("reviewCycle", r.reviewCycleOverride));
        if (req.measures() != null) {
            for (RiskRequests.AddMeasure m : req.measures()) {
                addMeasure(r, m, null);
            }
        }
        risks.flush();
        return detail(r);
    }

    @Transactional
    public RiskDetail update(UUID id, long version, RiskRequests.Update req) {
        requireRole(Roles.SUPERVISOR, Roles.UNIT_OFFICER);
        RiskEntity r = locked(id, version);
        requireState(r, "update", Set.of(Status.IDENTIFIED, Status.CONTROLLING, Status.CONTROLLED));
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
            r.updatedAt = clock.instant();
            journal.record("risk.updated", ENTITY, r.id, r.unitId, c);
        }
        if (cycleChanged && r.level != null) {
            // A new cycle counts from the last review (or today): due dates follow the cycle chosen.
            obligations.scheduleReview(r, obligations.nextByCycle(r, warnings.today()));
        }
        risks.flush();
        return detail(r);
    }

    // ---------------------------------------------------------------- grading

    /** A supervisor grades (or re-grades with new values) on the current matrix. */
    @Transactional
    public RiskDetail grade(UUID id, long version, RiskRequests.Grade req) {
        requireRole(Roles.SUPERVISOR);
        RiskEntity r = locked(id, version);
        requireState(r, "grade", Set.of(Status.IDENTIFIED, Status.CONTROLLING, Status.CONTROLLED));
        if ((req.residualLikelihood() == null) != (req.residualImpact() == null)) {
            throw ProblemException.invalidField("residualImpact", "剩余风险须同时给出可能性与影响程度");
        }
        // Residual values left out keep the ones assessed before (re-scored on the current matrix).
        boolean keepResidual = req.residualLikelihood() == null;
        applyGrade(r, GradingSource.GRADING, req.likelihood(), req.impact(),
                keepResidual ? r.residualLikelihood : req.residualLikelihood(),
                keepResidual ? r.residualImpact : req.residualImpact(), req.reason(), null);
        risks.flush();
        return detail(r);
    }

    /** 重新评级: the same likelihood and impact under the newest matrix; the earlier grade stays in the history. */
    @Transactional
    public RiskDetail regrade(UUID id, long version, String reason) {
        requireRole(Roles.SUPERVISOR);
        RiskEntity r = locked(id, version);
        requireState(r, "regrade", Set.of(Status.IDENTIFIED, Status.CONTROLLING, Status.CONTROLLED));
        if (r.level == null) {
            throw ProblemException.conflict("risk.not-graded", "该风险尚未评级");
        }
        if (r.matrixVersion == risks.currentMatrix().version) {
            throw ProblemException.conflict("risk.matrix-current", "该风险已按最新评分矩阵评级，无需重新评级");
        }
        applyGrade(r, GradingSource.REGRADING, r.likelihood, r.impact, r.residualLikelihood, r.residualImpact, reason, null);
        risks.flush();
        return detail(r);
    }

    private void applyGrade(RiskEntity r, GradingSource source, int likelihood, int impact, Integer residualLikelihood,
                            Integer residualImpact, String reason, UUID reviewId) {
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
        journal.record("risk." + switch (source) {
            case GRADING -> "graded";
            case REGRADING -> "regraded";
            case REVIEW -> "graded-by-review";
        }, ENTITY, r.id, r.unitId, Changes.of().set("gradingId", g.id)
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
        r.updatedAt = now;
        obligations.onLevelChange(r, before, r.level);
        if (reviewId == null) {
            obligations.rescheduleAfterGrading(r, warnings.today());
        }
    }

    // ---------------------------------------------------------------- measures

    @Transactional
    public RiskDetail addMeasure(UUID id, RiskRequests.AddMeasure req) {
        requireRole(Roles.SUPERVISOR, Roles.UNIT_OFFICER);
        RiskEntity r = visible(id, true);
        requireState(r, "add-measure", Set.of(Status.IDENTIFIED, Status.CONTROLLING, Status.CONTROLLED));
        addMeasure(r, req, null);
        r.updatedAt = clock.instant();
        risks.flush();
        return detail(r);
    }

    private RiskMeasureEntity addMeasure(RiskEntity r, RiskRequests.AddMeasure req, UUID reviewId) {
        Instant now = clock.instant();
        RiskMeasureEntity m = new RiskMeasureEntity();
        m.id = UUID.randomUUID();
        m.riskId = r.id;
        m.reviewId = reviewId;
        m.content = req.content().trim();
        m.ownerName = req.ownerName();
        m.deadline = req.deadline();
        m.status = MeasureStatus.OPEN;
        m.sortOrder = risks.measures(r.id).size();
        m.createdAt = now;
        m.updatedAt = now;
        risks.persist(m);
        resumeControl(r);
        journal.record("risk.measure-added", ENTITY, r.id, r.unitId, Changes.of().set("measureId", m.id)
                .set("content", m.content).set("ownerName", m.ownerName).set("deadline", m.deadline).set("reviewId", reviewId));
        return m;
    }

    @Transactional
    public RiskDetail completeMeasure(UUID id, UUID measureId, long version, String evidence) {
        return measureTo(id, measureId, version, MeasureStatus.DONE, evidence);
    }

    @Transactional
    public RiskDetail reopenMeasure(UUID id, UUID measureId, long version) {
        return measureTo(id, measureId, version, MeasureStatus.OPEN, null);
    }

    private RiskDetail measureTo(UUID id, UUID measureId, long version, MeasureStatus to, String evidence) {
        requireRole(Roles.SUPERVISOR, Roles.UNIT_OFFICER);
        RiskEntity r = visible(id, true);
        requireState(r, "measure", Set.of(Status.IDENTIFIED, Status.CONTROLLING, Status.CONTROLLED));
        RiskMeasureEntity m = risks.measure(r.id, measureId).orElseThrow(() -> ProblemException.notFound("Measure"));
        ETags.check(version, m.version);
        if (to == MeasureStatus.DONE && evidence != null && !evidence.isBlank() && m.status != to) {
            m.evidence = evidence.strip();
        }
        setMeasure(r, m, to);
        risks.flush();
        return detail(r);
    }

    private void setMeasure(RiskEntity r, RiskMeasureEntity m, MeasureStatus to) {
        if (m.status == to) {
            return;
        }
        journal.record(to == MeasureStatus.DONE ? "risk.measure-done" : "risk.measure-reopened", ENTITY, r.id, r.unitId,
                Changes.of().set("measureId", m.id).set("content", m.content).field("status", m.status, to)
                        .set("evidence", to == MeasureStatus.DONE ? m.evidence : null));
        m.status = to;
        m.doneAt = to == MeasureStatus.DONE ? clock.instant() : null;
        if (to == MeasureStatus.OPEN) {
            resumeControl(r);
        }
        m.updatedAt = clock.instant();
    }

    // ---------------------------------------------------------------- the life of a risk

    /** 管控中: graded, with at least one control measure. */
    @Transactional
    public RiskDetail startControl(UUID id, long version) {
        requireRole(Roles.UNIT_OFFICER, Roles.SUPERVISOR);
        RiskEntity r = locked(id, version);
        requireState(r, "start-control", Set.of(Status.IDENTIFIED));
        if (r.level == null) {
            throw ProblemException.conflict("risk.not-graded", "风险尚未评级，不能进入管控");
        }
        if (risks.measures(r.id).isEmpty()) {
            throw ProblemException.conflict("risk.no-measures", "请先制定管控措施");
        }
        return moved(r, Status.CONTROLLING, "risk.control-started", Changes.of());
    }

    /** An open measure on a 已受控 risk means it is being controlled again (已受控 requires every measure done). */
    private void resumeControl(RiskEntity r) {
        if (r.status == Status.CONTROLLED) {
            journal.record("risk.control-resumed", ENTITY, r.id, r.unitId, Changes.of().field("status", r.status, Status.CONTROLLING));
            r.status = Status.CONTROLLING;
            r.updatedAt = clock.instant();
        }
    }

    /** 已受控: a supervisor confirms, once every measure is done and the residual grade is recorded. */
    @Transactional
    public RiskDetail markControlled(UUID id, long version) {
        requireRole(Roles.SUPERVISOR);
        RiskEntity r = locked(id, version);
        requireState(r, "controlled", Set.of(Status.CONTROLLING));
        long open = risks.measures(r.id).stream().filter(m -> m.status == MeasureStatus.OPEN).count();
        if (open > 0) {
            throw ProblemException.conflict("risk.measures-open", "还有 " + open + " 项管控措施未完成", Map.of("openMeasures", open));
        }
        if (r.residualLevel == null) {
            throw ProblemException.conflict("risk.no-residual", "请先评定采取措施后的剩余风险");
        }
        return moved(r, Status.CONTROLLED, "risk.controlled", Changes.of());
    }

    /** 已关闭: the risk no longer exists; reviews stop, a report still owed stays owed. */
    @Transactional
    public RiskDetail close(UUID id, long version, String reason) {
        requireRole(Roles.SUPERVISOR);
        RiskEntity r = locked(id, version);
        requireState(r, "close", Set.of(Status.IDENTIFIED, Status.CONTROLLING, Status.CONTROLLED));
        r.closedReason = reason;
        obligations.onClose(r, "风险已关闭");
        return moved(r, Status.CLOSED, "risk.closed", Changes.of().set("reason", reason));
    }

    /** Back to 管控中, with a reason; the review schedule starts again from today. */
    @Transactional
    public RiskDetail reopen(UUID id, long version, String reason) {
        requireRole(Roles.SUPERVISOR);
        RiskEntity r = locked(id, version);
        requireState(r, "reopen", Set.of(Status.CONTROLLED, Status.CLOSED));
        if (r.status == Status.CLOSED && r.level != null) {
            obligations.scheduleReview(r, warnings.today().plusMonths(obligations.cycleOf(r).months));
        }
        r.closedReason = null;
        return moved(r, Status.CONTROLLING, "risk.reopened", Changes.of().set("reason", reason));
    }

    // ---------------------------------------------------------------- reviews and reports

    /**
     * 研判: answers the open review obligation (on time or late), may change the grade (recorded in
     * the history, a raise to 重大 opens a report obligation), adds and completes measures, and
     * sets the next review date by the cycle of the (new) level.
     */
    @Transactional
    public RiskReviewView review(UUID id, long version, RiskRequests.Review req) {
        requireRole(Roles.UNIT_OFFICER, Roles.SUPERVISOR);
        RiskEntity r = locked(id, version);
        requireState(r, "review", Set.of(Status.IDENTIFIED, Status.CONTROLLING, Status.CONTROLLED));
        if (r.level == null) {
            throw ProblemException.conflict("risk.not-graded", "风险尚未评级，请先由监督人员评级");
        }
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
        List<RiskMeasureEntity> done = new ArrayList<>();
        if (req.doneMeasureIds() != null) {
            for (UUID mid : req.doneMeasureIds()) {
                done.add(risks.measure(r.id, mid).orElseThrow(() -> ProblemException.invalidField("doneMeasureIds", "措施不属于该风险")));
            }
        }
        // Values left out stay as they are: a review that only re-assesses the inherent grade keeps the residual one.
        int likelihood = req.likelihood() != null ? req.likelihood() : r.likelihood;
        int impact = req.impact() != null ? req.impact() : r.impact;
        Integer residualLikelihood = req.residualLikelihood() != null ? req.residualLikelihood() : r.residualLikelihood;
        Integer residualImpact = req.residualImpact() != null ? req.residualImpact() : r.residualImpact;
        boolean changed = likelihood != r.likelihood || impact != r.impact
                || !java.util.Objects.equals(residualLikelihood, r.residualLikelihood)
                || !java.util.Objects.equals(residualImpact, r.residualImpact);
        if (changed && !user.hasRole(Roles.SUPERVISOR)
                && risks.currentMatrix().level(RiskMatrix.score(likelihood, impact)).ordinal() < r.level.ordinal()) {
            // Units may raise their own risk at a review; lowering it is a supervisor's grading decision.
            throw new ProblemException(403, "risk.lowering-forbidden", "Forbidden", "降低风险等级须由监督人员评定");
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
            applyGrade(r, GradingSource.REVIEW, likelihood, impact, residualLikelihood, residualImpact, "研判调整：" + v.conclusion, v.id);
        }
        v.levelAfter = r.level;
        risks.persist(v);
        journal.record("risk.reviewed", ENTITY, r.id, r.unitId, Changes.of().set("reviewId", v.id)
                .set("reviewedOn", v.reviewedOn).set("dueOn", v.dueOn).set("participants", v.participants)
                .set("conclusion", v.conclusion).field("level", v.levelBefore, v.levelAfter));
        for (RiskMeasureEntity m : done) {
            setMeasure(r, m, MeasureStatus.DONE);
        }
        if (req.newMeasures() != null) {
            for (RiskRequests.AddMeasure m : req.newMeasures()) {
                addMeasure(r, m, v.id);
            }
        }
        r.lastReviewedOn = r.lastReviewedOn == null || v.reviewedOn.isAfter(r.lastReviewedOn) ? v.reviewedOn : r.lastReviewedOn;
        obligations.scheduleReview(r, obligations.nextByCycle(r, warnings.today()));
        r.updatedAt = now;
        risks.flush();
        return reviewViews(List.of(v), r).get(0);
    }

    /** A report of the risk to the bureau; answers an open report obligation (on time or late). */
    @Transactional
    public RiskReportView report(UUID id, RiskRequests.Report req) {
        requireRole(Roles.UNIT_OFFICER, Roles.SUPERVISOR);
        RiskEntity r = visible(id, true);
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
        journal.record("risk.reported", ENTITY, r.id, r.unitId, Changes.of().set("reportId", p.id)
                .set("recipient", p.recipient).set("documentNo", p.documentNo).set("obligationId", p.obligationId));
        r.updatedAt = p.createdAt;
        risks.flush();
        return reportView(p);
    }

    // ---------------------------------------------------------------- shared

    RiskEntity visible(UUID id, boolean lock) {
        return risks.find(id, scope.current(), lock).orElseThrow(() -> ProblemException.notFound("Risk"));
    }

    private RiskEntity locked(UUID id, long version) {
        RiskEntity r = visible(id, true);
        ETags.check(version, r.version);
        return r;
    }

    private void requireRole(String... roles) {
        user.requireAnyRole(roles);
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

    private static void requireState(RiskEntity r, String action, Set<Status> from) {
        if (!from.contains(r.status)) {
            throw ProblemException.illegalTransition("risk", r.status, action);
        }
    }

    private RiskDetail moved(RiskEntity r, Status to, String action, Changes changes) {
        journal.record(action, ENTITY, r.id, r.unitId, changes.field("status", r.status, to));
        r.status = to;
        r.updatedAt = clock.instant();
        risks.flush();
        return detail(r);
    }

    RiskDetail detail(RiskEntity r) {
        List<RiskMeasureView> measures = risks.measures(r.id).stream().map(this::measureView).toList();
        List<RiskGradingView> gradings = risks.gradings(r.id).stream().map(RiskService::gradingView).toList();
        List<RiskReviewView> reviews = reviewViews(risks.reviews(r.id), r);
        List<RiskReportView> reports = risks.reports(r.id).stream().map(RiskService::reportView).toList();
        Map<UUID, UnitRef> unit = units.refs(List.of(r.unitId));
        Instant now = clock.instant();
        RiskRef ref = new RiskRef(r.id, r.code, r.name, r.level);
        List<RiskObligationView> obligationViews = risks.obligationsOf(r.id).stream()
                .map(o -> obligationView(o, ref, unit.get(o.unitId), now)).toList();
        return new RiskDetail(views(List.of(r)).get(0), measures, gradings, reviews, reports, obligationViews);
    }

    List<RiskView> views(List<RiskEntity> list) {
        Map<UUID, UnitRef> refs = units.refs(list.stream().map(r -> r.unitId).distinct().toList());
        Map<UUID, Instant> reportDue = risks.openReportDue(list.stream().map(r -> r.id).toList());
        int current = risks.currentMatrix().version;
        return list.stream().map(r -> new RiskView(r.id, r.code, r.name, r.category, r.manifestation, refs.get(r.unitId),
                r.responsibleLeader, r.responsiblePerson, r.likelihood, r.impact, r.score, r.level, r.matrixVersion,
                r.matrixVersion != null && r.matrixVersion != current, r.residualLikelihood, r.residualImpact,
                r.residualScore, r.residualLevel, r.gradedAt, r.status, obligations.cycleOf(r), r.reviewCycleOverride,
                r.nextReviewOn, r.lastReviewedOn,
                r.status == Status.CLOSED || r.nextReviewOn == null ? null : warnings.open(r.nextReviewOn),
                reportDue.get(r.id), r.externalSource, r.externalRef, r.closedReason, r.createdByName, r.createdAt,
                r.updatedAt, r.version)).toList();
    }

    private List<RiskReviewView> reviewViews(List<RiskReviewEntity> reviews, RiskEntity r) {
        Map<UUID, List<LinkView>> links = new HashMap<>();
        for (FollowUp f : origins.followUps(RiskReviewOrigin.TYPE, reviews.stream().map(v -> v.id).toList())) {
            links.computeIfAbsent(f.originId(), k -> new ArrayList<>()).add(new LinkView(f.type(), f.id(), f.code(), f.title(), f.status()));
        }
        return reviews.stream().map(v -> new RiskReviewView(v.id, v.riskId, v.reviewedOn, v.dueOn,
                v.dueOn == null ? null : !Warnings.dayOf(v.createdAt).isAfter(v.dueOn),
                v.participants, v.conclusion, v.levelBefore, v.levelAfter, v.reviewedByName, v.createdAt,
                links.getOrDefault(v.id, List.of()))).toList();
    }

    RiskMeasureView measureView(RiskMeasureEntity m) {
        Warning w = m.status == MeasureStatus.OPEN ? warnings.open(m.deadline) : Warnings.closed(m.deadline, m.doneAt);
        return new RiskMeasureView(m.id, m.riskId, m.reviewId, m.content, m.ownerName, m.deadline, m.status, w, m.doneAt,
                m.evidence, m.sortOrder, m.version);
    }

    static RiskGradingView gradingView(RiskGradingEntity g) {
        return new RiskGradingView(g.id, g.source, g.likelihood, g.impact, g.score, g.level, g.residualLikelihood,
                g.residualImpact, g.residualScore, g.residualLevel, g.matrixVersion, g.previousLevel, g.previousScore,
                g.previousMatrixVersion, g.reason, g.reviewId, g.gradedByName, g.gradedAt);
    }

    static RiskReportView reportView(RiskReportEntity p) {
        return new RiskReportView(p.id, p.riskId, p.obligationId, p.recipient, p.documentNo, p.content, p.reportedByName,
                p.createdAt);
    }

    static RiskObligationView obligationView(RiskObligationEntity o, RiskRef risk, UnitRef unit, Instant now) {
        return new RiskObligationView(o.id, risk, unit, o.kind, o.dueOn, o.dueAt, o.state(now), o.fulfilledAt,
                o.fulfilledByName, o.cancelledAt, o.cancelReason);
    }

}
