package cn.qingfeng.risk;

import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.Journal;
import cn.qingfeng.risk.RiskEnums.Level;
import cn.qingfeng.risk.RiskViews.HeatCell;
import cn.qingfeng.risk.RiskViews.MatrixView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring matrix. An edit is a new version; risks keep the grade (and version) they were given
 * until a supervisor re-grades them, so a report quoted last month still adds up.
 */
@ApplicationScoped
public class RiskMatrixService {

    static final String ENTITY = "risk_matrix";

    @Inject
    RiskRepository risks;

    @Inject
    RiskObligations obligations;

    @Inject
    CurrentUser user;

    @Inject
    Journal journal;

    @Inject
    Clock clock;

    public MatrixView current() {
        return view(risks.currentMatrix());
    }

    public List<MatrixView> versions() {
        return risks.matrices().stream().map(this::view).toList();
    }

    public MatrixView version(int version) {
        return view(risks.matrix(version).orElseThrow(() -> ProblemException.notFound("RiskMatrix")));
    }

    @Transactional
    public MatrixView create(RiskRequests.Matrix req) {
        if (!(req.generalMin() < req.significantMin() && req.significantMin() < req.majorMin())) {
            throw ProblemException.invalidField("significantMin", "分级阈值须满足 一般 < 较大 < 重大");
        }
        // One writer at a time, so two admins cannot both create version n+1.
        risks.advisoryLock(7106001);
        RiskMatrixEntity previous = risks.currentMatrix();
        Map<String, String> colours = new LinkedHashMap<>(previous.colours);
        if (req.colours() != null) {
            for (var e : req.colours().entrySet()) {
                try {
                    Level.valueOf(e.getKey());
                } catch (IllegalArgumentException ex) {
                    throw ProblemException.invalidField("colours", "未知的风险等级：" + e.getKey());
                }
                colours.put(e.getKey(), e.getValue().toLowerCase());
            }
        }
        RiskMatrixEntity m = new RiskMatrixEntity();
        m.version = previous.version + 1;
        m.likelihoodLabels = List.copyOf(req.likelihoodLabels());
        m.impactLabels = List.copyOf(req.impactLabels());
        m.majorMin = req.majorMin();
        m.significantMin = req.significantMin();
        m.generalMin = req.generalMin();
        m.colours = colours;
        m.note = req.note();
        m.createdBy = user.subject();
        m.createdByName = user.displayName();
        m.createdAt = clock.instant();
        risks.persist(m);
        journal.record("risk-matrix.created", ENTITY, String.valueOf(m.version), null, Changes.of()
                .field("version", previous.version, m.version)
                .field("majorMin", previous.majorMin, m.majorMin)
                .field("significantMin", previous.significantMin, m.significantMin)
                .field("generalMin", previous.generalMin, m.generalMin)
                .field("likelihoodLabels", previous.likelihoodLabels, m.likelihoodLabels)
                .field("impactLabels", previous.impactLabels, m.impactLabels)
                .field("colours", previous.colours, m.colours).set("note", m.note));
        risks.flush();
        return view(m);
    }

    MatrixView view(RiskMatrixEntity m) {
        List<HeatCell> cells = new ArrayList<>();
        for (int l = 1; l <= RiskMatrix.SCALE; l++) {
            for (int i = 1; i <= RiskMatrix.SCALE; i++) {
                int score = RiskMatrix.score(l, i);
                cells.add(new HeatCell(l, i, score, m.level(score), 0));
            }
        }
        Map<String, RiskEnums.ReviewCycle> cycles = new LinkedHashMap<>();
        for (Level level : new Level[] {Level.MAJOR, Level.SIGNIFICANT, Level.GENERAL, Level.LOW}) {
            cycles.put(level.name(), obligations.defaultCycle(level));
        }
        return new MatrixView(m.version, m.likelihoodLabels, m.impactLabels, m.majorMin, m.significantMin, m.generalMin,
                m.colours, m.note, m.createdByName, m.createdAt, cells, cycles);
    }
}
