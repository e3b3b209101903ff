package cn.qingfeng.rectification;

import cn.qingfeng.attachment.AttachmentService;
import cn.qingfeng.attachment.FileType;
import cn.qingfeng.common.code.CodeGenerator;
import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.demo.DemoOrganisation;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.Journal;
import cn.qingfeng.rectification.RectificationEnums.Category;
import cn.qingfeng.rectification.RectificationEnums.Kind;
import cn.qingfeng.rectification.RectificationEnums.MeasureStatus;
import cn.qingfeng.rectification.RectificationEnums.Severity;
import cn.qingfeng.rectification.RectificationEnums.Source;
import cn.qingfeng.rectification.RectificationEnums.Status;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo items from part 二 of the seed report (its three problems and their 一是/二是), with measures
 * taken from part 三, in different states: one closed off with evidence, one rejected once and
 * back in work, one applied, one just registered, one ongoing. Seeded once when demo data is on.
 */
@ApplicationScoped
public class RectificationDemoData {

    private static final Logger LOG = Logger.getLogger(RectificationDemoData.class);

    @Inject
    QingfengConfig config;

    @Inject
    RectificationRepository items;

    @Inject
    Journal journal;

    @Inject
    CodeGenerator codes;

    @Inject
    Warnings warnings;

    @Inject
    AttachmentService attachments;

    @Inject
    RectificationService service;

    @Inject
    Clock clock;

    void onStart(@Observes @jakarta.annotation.Priority(Interceptor.Priority.APPLICATION + 200) StartupEvent start) {
        if (config.demoData().enabled()) {
            seed();
        }
    }

    @Transactional
    void seed() {
        items.em().createNativeQuery("select pg_advisory_xact_lock(7105005)").getSingleResult();
        if (items.em().createQuery("select count(i) from RectificationItemEntity i", Long.class).getSingleResult() > 0) {
            return;
        }
        LocalDate today = warnings.today();
        UUID branch = DemoOrganisation.idOf("SJ-JG-DYZB");
        UUID venues = DemoOrganisation.idOf("SJ-CGZX");
        UUID school = DemoOrganisation.idOf("SJ-YDXX");
        UUID office = DemoOrganisation.idOf("SJ-BGS");

        // 二(一) 理论学习不全面不扎实 — 一是: closed off, with evidence frozen.
        RectificationItemEntity study1 = item("理论学习以“读读念念”为主，理解不深不透，缺乏深层次研讨交流",
                "始终坚持每周开展“第一议题”学习，但理论学习多以“读读念念”为主，融会贯通不足，个人自学有所放松，学习效果浮于表面。",
                Source.SELF_CHECK, Category.STUDY, Severity.MODERATE, branch, today.minusDays(120), today.minusDays(30));
        RectificationMeasureEntity m1 = measure(study1, "严格落实“第一议题”制度，每周四依托“大讲堂”集体学习并开展研讨交流", MeasureStatus.DONE, null);
        measure(study1, "建立个人自学台账，每月交流学习心得", MeasureStatus.DONE, null);
        start(study1);
        progress(study1, today.minusDays(60), "已开展集中研讨 6 次，建立个人自学台账。");
        attachments.storeAsSystem(RectificationService.EVIDENCE_MEASURE, m1.id, branch, "第一议题学习记录（研讨纪要）.pdf",
                FileType.PDF, pdf("第一议题学习记录"), "孙磊");
        attachments.storeAsSystem(RectificationService.EVIDENCE_ITEM, study1.id, branch, "整改情况报告.pdf",
                FileType.PDF, pdf("整改情况报告"), "孙磊");
        apply(study1, "孙磊");
        close(study1, "理论学习制度已落实，研讨纪要齐全，同意销号。", today.minusDays(35));

        // 二(一) — 二是: rejected once, back in work.
        RectificationItemEntity study2 = item("学习形式较为单一，“五种学习方式”运用不够充分",
                "多以集中学习、以会代训为主，理论学习贴近工作实际不够，调研还不深入。",
                Source.SELF_CHECK, Category.STUDY, Severity.MINOR, branch, today.minusDays(120), today.plusDays(20));
        measure(study2, "运用好五种学习方式，强化线上线下学习相结合", MeasureStatus.DONE, null);
        measure(study2, "依托山东干部网络学院、学习强国等平台，提高使用活跃度", MeasureStatus.OPEN, null);
        start(study2);
        attachments.storeAsSystem(RectificationService.EVIDENCE_ITEM, study2.id, branch, "学习平台积分统计.pdf",
                FileType.PDF, pdf("学习平台积分统计"), "孙磊");
        items.measures(study2.id).get(1).status = MeasureStatus.DONE;
        apply(study2, "孙磊");
        reject(study2, "线上学习平台活跃度数据仅有一个月，请补充连续三个月的统计。");
        items.measures(study2.id).get(1).status = MeasureStatus.OPEN;

        // 二(二) 阵地建设存在短板弱项 — 一是: just registered.
        item("志愿服务活动不够丰富，形式较为单一，部分同志参与积极性不高",
                "深入基层服务不够自觉主动，个别同志存在流于形式、虚于应付现象，志愿服务质量不高。",
                Source.SELF_CHECK, Category.POSITION_BUILDING, Severity.MINOR, venues, today.minusDays(20), today.plusDays(60));

        // 二(二) — 二是: ongoing, in work.
        RectificationItemEntity room = item("党员活动室未真正实现从“建起来”到“用起来”再到“活起来”",
                "活动室缺乏功能性和实用性，难以聚集人气，发挥应有的阵地作用。",
                Source.SELF_CHECK, Category.POSITION_BUILDING, Severity.MODERATE, school, today.minusDays(90), null);
        room.kind = Kind.ONGOING;
        measure(room, "完善党员活动图书室，购置《习近平著作选读》等书籍", MeasureStatus.DONE, null);
        measure(room, "开展图书角学习、好书推荐、读书心得展示等读书主题活动", MeasureStatus.OPEN, null);
        measure(room, "依托模范机关创建，开展“五星支部”评选", MeasureStatus.OPEN, null);
        start(room);
        progress(room, today.minusDays(100), "图书室已完成书籍购置，读书主题活动筹备中。");

        // 二(三) 传输存在泄密隐患: serious, applied for close-off, waiting for a supervisor.
        RectificationItemEntity secrecy = item("违规使用图文小程序识别、传输、处理涉密文件，互联网邮箱存储传输涉密文件",
                "为便捷高效，违规使用小程序处理涉密文件资料，在互联网邮箱存储、传输涉密文件，存在失泄密风险。",
                Source.SUPERVISION, Category.SECRECY, Severity.SERIOUS, office, today.minusDays(45), today.plusDays(5));
        RectificationMeasureEntity s1 = measure(secrecy, "全面排查办公终端，清理小程序及互联网邮箱中的涉密文件", MeasureStatus.DONE, null);
        measure(secrecy, "开展保密教育培训，签订保密承诺书", MeasureStatus.DONE, null);
        measure(secrecy, "严格把关文稿、发文质量，规范涉密文件流转", MeasureStatus.WAIVED, "已并入机关公文管理制度修订，另行督办");
        start(secrecy);
        attachments.storeAsSystem(RectificationService.EVIDENCE_MEASURE, s1.id, office, "保密自查清理记录.pdf",
                FileType.PDF, pdf("保密自查清理记录"), "孙磊");
        apply(secrecy, "孙磊");
        LOG.info("seeded the demo rectification items of the seed report");
    }

    private RectificationItemEntity item(String title, String description, Source source, Category category,
                                         Severity severity, UUID unit, LocalDate foundOn, LocalDate deadline) {
        Instant now = clock.instant();
        RectificationItemEntity i = new RectificationItemEntity();
        i.id = UUID.randomUUID();
        i.code = codes.next("ZG", warnings.today().getYear());
        i.title = title;
        i.description = description;
        i.source = source;
        i.category = category;
        i.severity = severity;
        i.foundOn = foundOn;
        i.unitId = unit;
        i.responsibleLeader = "王建国";
        i.responsiblePerson = "孙磊";
        i.kind = deadline == null ? Kind.ONGOING : Kind.TIME_LIMITED;
        i.deadline = deadline;
        i.originType = RectificationEnums.Origin.INSPECTION;
        i.originNote = "2023年上半年全面从严治党工作开展情况报告 · 二、存在的问题";
        i.status = Status.PENDING;
        i.createdBy = "demo-data";
        i.createdByName = "李明";
        i.createdAt = now;
        i.updatedAt = now;
        items.persist(i);
        journal.record("rectification.created", RectificationService.ENTITY, i.id, unit, Changes.of()
                .set("code", i.code).set("title", title).set("source", "demo-data"));
        return i;
    }

    private RectificationMeasureEntity measure(RectificationItemEntity i, String content, MeasureStatus status, String waive) {
        Instant now = clock.instant();
        RectificationMeasureEntity m = new RectificationMeasureEntity();
        m.id = UUID.randomUUID();
        m.itemId = i.id;
        m.content = content;
        m.ownerName = "孙磊";
        m.deadline = i.deadline;
        m.status = status;
        m.doneAt = status == MeasureStatus.OPEN ? null : now;
        m.waiveReason = waive;
        m.sortOrder = items.measures(i.id).size();
        m.createdAt = now;
        m.updatedAt = now;
        items.persist(m);
        items.flush();
        journal.record("rectification.measure-added", RectificationService.ENTITY, i.id, i.unitId,
                Changes.of().set("measureId", m.id).set("content", content).set("status", status));
        return m;
    }

    private void start(RectificationItemEntity i) {
        moved(i, Status.IN_PROGRESS, "rectification.started", Changes.of());
    }

    private void progress(RectificationItemEntity i, LocalDate on, String content) {
        RectificationProgressEntity p = new RectificationProgressEntity();
        p.id = UUID.randomUUID();
        p.itemId = i.id;
        p.cycle = i.cycle;
        p.reportedOn = on;
        p.content = content;
        p.reportedBy = "demo-data";
        p.reportedByName = "孙磊";
        p.createdAt = clock.instant();
        items.persist(p);
        i.lastProgressOn = on;
        journal.record("rectification.progress-reported", RectificationService.ENTITY, i.id, i.unitId,
                Changes.of().set("progressId", p.id).set("content", content));
    }

    private void apply(RectificationItemEntity i, String by) {
        i.appliedBy = "demo-data-officer";
        i.appliedByName = by;
        i.appliedAt = clock.instant();
        moved(i, Status.APPLIED, "rectification.applied", Changes.of());
    }

    private void reject(RectificationItemEntity i, String reason) {
        i.rejectionReason = reason;
        moved(i, Status.IN_PROGRESS, "rectification.rejected", Changes.of().set("reason", reason));
    }

    private void close(RectificationItemEntity i, String opinion, LocalDate on) {
        items.flush();
        List<Map<String, Object>> evidence = service.evidenceSnapshot(i, items.measures(i.id));
        RectificationClosureEntity c = new RectificationClosureEntity();
        c.id = UUID.randomUUID();
        c.itemId = i.id;
        c.cycle = i.cycle;
        c.appliedBy = i.appliedBy;
        c.appliedByName = i.appliedByName;
        c.verifiedBy = "demo-data-supervisor";
        c.verifiedByName = "赵敏";
        c.opinion = opinion;
        c.verifiedOn = on;
        c.evidence = evidence;
        c.createdAt = clock.instant();
        items.persist(c);
        i.closedAt = on.atTime(16, 0).atZone(cn.qingfeng.common.time.AppClock.ZONE).toInstant();
        moved(i, Status.CLOSED, "rectification.closed", Changes.of().set("closureId", c.id).set("opinion", opinion)
                .set("evidence", evidence));
    }

    private void moved(RectificationItemEntity i, Status to, String action, Changes changes) {
        journal.record(action, RectificationService.ENTITY, i.id, i.unitId, changes.field("status", i.status, to));
        i.status = to;
    }

    private static byte[] pdf(String title) {
        return ("%PDF-1.4\n% 清风演示材料：" + title + "\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }
}
