package cn.qingfeng.risk;

import cn.qingfeng.attachment.AttachmentService;
import cn.qingfeng.attachment.FileType;
import cn.qingfeng.common.code.CodeGenerator;
import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.time.AppClock;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.demo.DemoOrganisation;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.Journal;
import cn.qingfeng.risk.RiskEnums.Category;
import cn.qingfeng.risk.RiskEnums.GradingSource;
import cn.qingfeng.risk.RiskEnums.MeasureStatus;
import cn.qingfeng.risk.RiskEnums.ObligationKind;
import cn.qingfeng.risk.RiskEnums.Status;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo risks from part 三(三) and 二(三) of the seed report: ideology work, secrecy (sensitive files
 * in mini-programs, secret files in internet mailboxes), public opinion around events, integrity in
 * procurement, each with its unit's 第一责任人. Reviews done on time, one done late, one missed, two
 * coming due; one report on time, one late; one risk still waiting to be graded. Seeded once.
 */
@ApplicationScoped
public class RiskDemoData {

    private static final Logger LOG = Logger.getLogger(RiskDemoData.class);
    private static final String SYSTEM = "demo-data";

    @Inject
    QingfengConfig config;

    @Inject
    RiskRepository risks;

    @Inject
    Journal journal;

    @Inject
    CodeGenerator codes;

    @Inject
    Warnings warnings;

    @Inject
    AttachmentService attachments;

    @Inject
    Clock clock;

    private LocalDate today;
    private Instant now;

    void onStart(@Observes @jakarta.annotation.Priority(Interceptor.Priority.APPLICATION + 300) StartupEvent start) {
        if (config.demoData().enabled()) {
            seed();
        }
    }

    @Transactional
    void seed() {
        risks.em().createNativeQuery("select pg_advisory_xact_lock(7106005)").getSingleResult();
        if (risks.em().createQuery("select count(r) from RiskEntity r", Long.class).getSingleResult() > 0) {
            return;
        }
        today = warnings.today();
        now = clock.instant();
        UUID office = DemoOrganisation.idOf("SJ-BGS");
        UUID party = DemoOrganisation.idOf("SJ-JGDW");
        UUID venues = DemoOrganisation.idOf("SJ-CGZX");
        UUID school = DemoOrganisation.idOf("SJ-YDXX");
        UUID training = DemoOrganisation.idOf("SJ-XLZX");

        // 三(三) 一是: ideology risks reviewed at regular 研判 meetings — reviewed on time, due again in two days.
        RiskEntity ideology = risk("意识形态领域风险研判不及时，风险未能管控在萌芽状态", Category.IDEOLOGY,
                "意识形态研判专题会议召开不定期，情报信息会商不充分，安全风险工作台账更新滞后。", party, "王建国", "孙磊", 200);
        grade(ideology, 3, 3, null, null, 195, "初次评级");
        measure(ideology, "定期召开意识形态研判专题会议，把国家安全工作纳入重要议事日程", "孙磊", null, true);
        measure(ideology, "建立并及时更新安全风险工作台账", "孙磊", today.plusDays(30), false);
        status(ideology, Status.CONTROLLING);
        review(ideology, 185, 182, 183, "机关党委委员、各支部书记", "风险总体可控，台账已建立，继续按季度研判。", null, null);
        schedule(ideology, today.plusDays(2));

        // 三(三) 三是: wording of documents and publications.
        RiskEntity wording = risk("文稿、发文政治术语表述不规范，官网及公众号发布内容把关不严", Category.IDEOLOGY,
                "个别文稿政治术语表述不规范；官网、公众号信息发布存在“三审三校”执行不到位的情况。", office, "张华", "赵敏", 190);
        grade(wording, 2, 4, null, null, 188, "初次评级");
        measure(wording, "严格把关文稿、发文质量，规范政治术语表述", "赵敏", null, true);
        measure(wording, "落实信息发布“三审三校”制度", "赵敏", today.plusDays(2), false);
        status(wording, Status.CONTROLLING);
        review(wording, 10, 8, 8, "办公室主任、信息员", "发布流程已规范，本期未发现问题。", null, null);
        schedule(wording, today.plusDays(170));

        // 二(三): sensitive files handled in mini-programs — raised to 重大 by a review, reported on time,
        // and the monthly review after that missed.
        RiskEntity miniProgram = risk("违规使用图文小程序识别、传输、处理涉密文件", Category.SECRECY,
                "为便捷高效，使用图文识别小程序处理敏感文件，经小程序传输、处理涉密文件资料，存在失泄密风险。", office, "张华", "孙磊", 120);
        grade(miniProgram, 3, 4, null, null, 118, "初次评级");
        measure(miniProgram, "全面排查办公终端，卸载违规小程序", "孙磊", null, true);
        measure(miniProgram, "开展保密教育培训，签订保密承诺书", "孙磊", today.minusDays(5), false);
        status(miniProgram, Status.CONTROLLING);
        RiskReviewEntity raised = review(miniProgram, 40, 28, 40, "分管局领导、办公室、保密干部",
                "排查发现两台终端仍装有图文识别小程序，风险上升，提级为重大并立即报告。", 4, 5);
        RiskObligationEntity reportOnTime = obligation(miniProgram, ObligationKind.REPORT, at(40).plus(Duration.ofHours(24)));
        report(miniProgram, reportOnTime, at(40).plus(Duration.ofHours(5)), "局机关党委、派驻纪检监察组", "体办字〔2023〕17号",
                "关于违规使用小程序处理涉密文件风险的报告");
        schedule(miniProgram, raised.reviewedOn.plusMonths(1)); // already past: the missed review

        // 二(三): secret files in internet mailboxes — 重大, reported late, last review recorded late.
        RiskEntity mailbox = risk("在互联网邮箱存储、传输涉密文件", Category.SECRECY,
                "个别同志使用互联网邮箱存储、传输涉密文件资料，存在失泄密隐患。", office, "张华", "孙磊", 100);
        grade(mailbox, 3, 5, null, null, 99, "初次评级即为重大");
        RiskObligationEntity reportLate = obligation(mailbox, ObligationKind.REPORT, at(99).plus(Duration.ofHours(24)));
        report(mailbox, reportLate, at(99).plus(Duration.ofHours(30)), "局机关党委", "体办字〔2023〕12号",
                "关于互联网邮箱存储涉密文件风险的报告（逾期报送）");
        measure(mailbox, "清理互联网邮箱中的涉密文件，建立涉密文件台账", "孙磊", null, true);
        measure(mailbox, "配备专用涉密计算机，严禁涉密文件上网", "孙磊", today.plusDays(15), false);
        status(mailbox, Status.CONTROLLING);
        review(mailbox, 20, 25, 20, "办公室、保密干部", "邮箱清理完成，专用计算机采购中（本次研判逾期 5 天）。", null, null);
        schedule(mailbox, today.plusDays(10));

        // 三(三) 三是: public opinion around events — controlled, residual grade low.
        RiskEntity opinion = risk("赛事举办期间网络舆情处置不及时", Category.PUBLIC_OPINION,
                "大型赛事期间涉场馆安全、票务等舆情易发，回应不及时可能引发负面炒作。", venues, "刘强", "周涛", 160);
        grade(opinion, 3, 3, 2, 2, 158, "初次评级");
        measure(opinion, "建立赛事舆情监测与快速回应机制，明确新闻发言人", "周涛", null, true);
        status(opinion, Status.CONTROLLED);
        review(opinion, 30, 36, 30, "场馆中心班子成员、宣传干事", "舆情监测机制运行正常，剩余风险低。", null, null);
        schedule(opinion, today.plusDays(150));

        // 一(三): procurement of materials and equipment — integrity, review due in two days.
        RiskEntity procurement = risk("物资器材采购廉政风险", Category.INTEGRITY,
                "物资器材采购中存在化整为零、指定品牌、验收不严等廉政风险。", venues, "刘强", "周涛", 150);
        grade(procurement, 3, 4, null, null, 148, "初次评级");
        measure(procurement, "严格执行政府采购程序，大额采购集体决策", "周涛", null, true);
        measure(procurement, "建立验收双人签字制度", "周涛", today.plusDays(20), false);
        status(procurement, Status.CONTROLLING);
        review(procurement, 88, 58, 88, "场馆中心班子成员", "采购程序执行到位，继续按季度研判。", null, null);
        schedule(procurement, today.plusDays(2));

        // 一(三) 体教融合 — 作风: registered by the school, waiting for a supervisor's grade.
        risk("体教融合招生、选材环节作风风险", Category.WORK_STYLE,
                "招生选材环节标准执行不一、程序公开不充分，易引发“四风”问题和信访。", school, "陈静", "吴磊", 3);

        // 一(四): festivals and the 四风 — closed after the holiday season.
        RiskEntity festivals = risk("节假日“四风”问题反弹风险", Category.WORK_STYLE,
                "清明、五一等节点公车私用、违规吃喝等“四风”问题易发多发。", training, "郑凯", "钱亮", 240);
        grade(festivals, 2, 3, 1, 2, 238, "初次评级");
        measure(festivals, "节前封存公车，开展警示教育", "钱亮", null, true);
        status(festivals, Status.CLOSED);
        festivals.closedReason = "节点已过，纳入常态化党风廉政教育管理";
        LOG.info("seeded the demo risks of the seed report");
    }

    private Instant at(int daysAgo) {
        return today.minusDays(daysAgo).atTime(10, 0).atZone(AppClock.ZONE).toInstant();
    }

    private RiskEntity risk(String name, Category category, String manifestation, UUID unit, String leader, String person,
                            int daysAgo) {
        RiskEntity r = new RiskEntity();
        r.id = UUID.randomUUID();
        r.code = codes.next("FX", today.getYear());
        r.name = name;
        r.category = category;
        r.manifestation = manifestation;
        r.unitId = unit;
        r.responsibleLeader = leader;
        r.responsiblePerson = person;
        r.status = Status.IDENTIFIED;
        r.createdBy = SYSTEM;
        r.createdByName = "李明";
        r.createdAt = at(daysAgo);
        r.updatedAt = now;
        risks.persist(r);
        journal.record("risk.created", RiskService.ENTITY, r.id, unit, Changes.of().set("code", r.code).set("name", name)
                .set("source", SYSTEM));
        return r;
    }

    private RiskGradingEntity grade(RiskEntity r, int l, int i, Integer rl, Integer ri, int daysAgo, String reason) {
        return grading(r, GradingSource.GRADING, l, i, rl, ri, at(daysAgo), reason, null);
    }

    private RiskGradingEntity grading(RiskEntity r, GradingSource source, int l, int i, Integer rl, Integer ri, Instant when,
                                      String reason, UUID reviewId) {
        RiskMatrixEntity m = risks.currentMatrix();
        RiskGradingEntity g = new RiskGradingEntity();
        g.id = UUID.randomUUID();
        g.riskId = r.id;
        g.source = source;
        g.likelihood = l;
        g.impact = i;
        g.score = RiskMatrix.score(l, i);
        g.level = m.level(g.score);
        if (rl != null) {
            g.residualLikelihood = rl;
            g.residualImpact = ri;
            g.residualScore = RiskMatrix.score(rl, ri);
            g.residualLevel = m.level(g.residualScore);
        }
        g.matrixVersion = m.version;
        g.previousLevel = r.level;
        g.previousScore = r.score;
        g.previousMatrixVersion = r.matrixVersion;
        g.reason = reason;
        g.reviewId = reviewId;
        g.gradedBy = SYSTEM;
        g.gradedByName = "李明";
        g.gradedAt = when;
        risks.persist(g);
        journal.record("risk.graded", RiskService.ENTITY, r.id, r.unitId, Changes.of().set("gradingId", g.id)
                .field("level", r.level, g.level).set("source", SYSTEM));
        r.likelihood = l;
        r.impact = i;
        r.score = g.score;
        r.level = g.level;
        r.residualLikelihood = g.residualLikelihood;
        r.residualImpact = g.residualImpact;
        r.residualScore = g.residualScore;
        r.residualLevel = g.residualLevel;
        r.matrixVersion = g.matrixVersion;
        r.gradedAt = when;
        return g;
    }

    private void measure(RiskEntity r, String content, String owner, LocalDate deadline, boolean done) {
        RiskMeasureEntity m = new RiskMeasureEntity();
        m.id = UUID.randomUUID();
        m.riskId = r.id;
        m.content = content;
        m.ownerName = owner;
        m.deadline = deadline;
        m.status = done ? MeasureStatus.DONE : MeasureStatus.OPEN;
        m.doneAt = done ? now : null;
        m.sortOrder = risks.measures(r.id).size();
        m.createdAt = now;
        m.updatedAt = now;
        risks.persist(m);
        risks.flush();
    }

    private void status(RiskEntity r, Status to) {
        journal.record("risk.status-set", RiskService.ENTITY, r.id, r.unitId, Changes.of().field("status", r.status, to)
                .set("source", SYSTEM));
        r.status = to;
    }

    /**
     * A review held {@code heldDaysAgo}, answering a review due {@code dueDaysAgo} and recorded
     * {@code recordedDaysAgo}; a new likelihood/impact raises or lowers the grade.
     */
    private RiskReviewEntity review(RiskEntity r, int heldDaysAgo, int dueDaysAgo, int recordedDaysAgo, String participants,
                                    String conclusion, Integer l, Integer i) {
        RiskObligationEntity o = obligation(r, ObligationKind.REVIEW, RiskObligations.endOf(today.minusDays(dueDaysAgo)));
        o.dueOn = today.minusDays(dueDaysAgo);
        RiskReviewEntity v = new RiskReviewEntity();
        v.id = UUID.randomUUID();
        v.riskId = r.id;
        v.reviewedOn = today.minusDays(heldDaysAgo);
        v.dueOn = o.dueOn;
        v.participants = participants;
        v.conclusion = conclusion;
        v.levelBefore = r.level;
        v.reviewedBy = SYSTEM;
        v.reviewedByName = "孙磊";
        v.createdAt = at(recordedDaysAgo);
        o.fulfilledAt = v.createdAt;
        o.fulfilledByName = v.reviewedByName;
        o.fulfilmentId = v.id;
        if (l != null) {
            grading(r, GradingSource.REVIEW, l, i, null, null, v.createdAt, "研判调整：" + conclusion, v.id);
        }
        v.levelAfter = r.level;
        risks.persist(v);
        risks.flush();
        attachments.storeAsSystem(RiskService.REVIEW_FILES, v.id, r.unitId, "研判会议纪要.pdf", FileType.PDF,
                ("%PDF-1.4\n% 清风演示材料：研判会议纪要 " + r.name + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8), "孙磊");
        journal.record("risk.reviewed", RiskService.ENTITY, r.id, r.unitId, Changes.of().set("reviewId", v.id)
                .set("reviewedOn", v.reviewedOn).field("level", v.levelBefore, v.levelAfter).set("source", SYSTEM));
        r.lastReviewedOn = v.reviewedOn;
        return v;
    }

    private RiskObligationEntity obligation(RiskEntity r, ObligationKind kind, Instant dueAt) {
        RiskObligationEntity o = new RiskObligationEntity();
        o.id = UUID.randomUUID();
        o.riskId = r.id;
        o.unitId = r.unitId;
        o.kind = kind;
        o.dueAt = dueAt;
        o.dueOn = dueAt.atZone(AppClock.ZONE).toLocalDate();
        o.createdAt = dueAt.minus(Duration.ofDays(1));
        risks.persist(o);
        return o;
    }

    private void report(RiskEntity r, RiskObligationEntity o, Instant when, String recipient, String documentNo, String content) {
        RiskReportEntity p = new RiskReportEntity();
        p.id = UUID.randomUUID();
        p.riskId = r.id;
        p.obligationId = o.id;
        p.recipient = recipient;
        p.documentNo = documentNo;
        p.content = content;
        p.reportedBy = SYSTEM;
        p.reportedByName = "孙磊";
        p.createdAt = when;
        risks.persist(p);
        o.fulfilledAt = when;
        o.fulfilledByName = "孙磊";
        o.fulfilmentId = p.id;
        risks.flush();
    }

    /** The open review obligation and the risk's next review date, set together. */
    private void schedule(RiskEntity r, LocalDate next) {
        RiskObligationEntity o = obligation(r, ObligationKind.REVIEW, RiskObligations.endOf(next));
        o.dueOn = next;
        r.nextReviewOn = next;
        risks.flush();
    }
}
