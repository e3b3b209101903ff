package cn.qingfeng.rectification;

import static cn.qingfeng.demo.DemoOrganisation.idOf;
import static cn.qingfeng.demo.DemoStory.CHEN_JING;
import static cn.qingfeng.demo.DemoStory.LI_MING;
import static cn.qingfeng.demo.DemoStory.SUN_LEI;
import static cn.qingfeng.demo.DemoStory.ZHAO_MIN;
import static cn.qingfeng.demo.DemoStory.ZHOU_LI;

import cn.qingfeng.attachment.AttachmentService;
import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.security.RunAs.Person;
import cn.qingfeng.demo.DemoStory;
import cn.qingfeng.measure.MeasureRequests;
import cn.qingfeng.measure.MeasureView;
import cn.qingfeng.rectification.RectificationEnums.Category;
import cn.qingfeng.rectification.RectificationEnums.Kind;
import cn.qingfeng.rectification.RectificationEnums.Severity;
import cn.qingfeng.rectification.RectificationEnums.Source;
import cn.qingfeng.rectification.RectificationViews.ItemDetail;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo rectification items from part 二 of the seed report (存在的问题), told through the services:
 * 李明 registers the problems, the units' officers plan measures, file evidence and apply for
 * close-off, 赵敏 verifies or rejects. One closed off, one rejected and back in work, one just
 * registered, one ongoing, one waiting for verification. Seeded once.
 */
@ApplicationScoped
public class RectificationDemoData {

    private static final Logger LOG = Logger.getLogger(RectificationDemoData.class);
    private static final String FROM_REPORT = "2023年上半年全面从严治党工作开展情况报告 · 二、存在的问题";

    @Inject
    QingfengConfig config;

    @Inject
    RectificationRepository items;

    @Inject
    RectificationService service;

    @Inject
    AttachmentService attachments;

    @Inject
    DemoStory story;

    void onStart(@Observes @jakarta.annotation.Priority(Interceptor.Priority.APPLICATION + 200) StartupEvent start) {
        if (config.demoData().enabled()) {
            story.tell(this::seed);
        }
    }

    void seed() {
        items.lockForSeeding();
        if (!items.isEmpty()) {
            return;
        }
        UUID branch = idOf("SJ-JG-DYZB");
        UUID venues = idOf("SJ-CGZX");
        UUID school = idOf("SJ-YDXX");
        UUID office = idOf("SJ-BGS");

        // 二(一) 理论学习不全面不扎实 — 一是: closed off, with the evidence frozen.
        ItemDetail study1 = register(120, "理论学习以“读读念念”为主，理解不深不透，缺乏深层次研讨交流",
                "始终坚持每周开展“第一议题”学习，但理论学习多以“读读念念”为主，融会贯通不足，个人自学有所放松，学习效果浮于表面。",
                Source.SELF_CHECK, Category.STUDY, Severity.MODERATE, branch, story.day(30),
                "严格落实“第一议题”制度，每周四依托“大讲堂”集体学习并开展研讨交流", "建立个人自学台账，每月交流学习心得");
        start(118, ZHOU_LI, study1);
        progress(60, ZHOU_LI, study1, "已开展集中研讨 6 次，建立个人自学台账。");
        complete(50, ZHOU_LI, study1, 0);
        complete(50, ZHOU_LI, study1, 1);
        upload(49, ZHOU_LI, "RECTIFICATION_MEASURE", measure(study1, 0), "第一议题学习记录（研讨纪要）.pdf");
        upload(49, ZHOU_LI, "RECTIFICATION", study1.item().id(), "整改情况报告.pdf");
        apply(48, ZHOU_LI, study1.item().id());
        verify(35, ZHAO_MIN, study1.item().id(), "理论学习制度已落实，研讨纪要齐全，同意销号。");

        // 二(一) — 二是: applied, rejected, back in work.
        ItemDetail study2 = register(120, "学习形式较为单一，“五种学习方式”运用不够充分",
                "多以集中学习、以会代训为主，理论学习贴近工作实际不够，调研还不深入。",
                Source.SELF_CHECK, Category.STUDY, Severity.MINOR, branch, story.day(-20),
                "运用好五种学习方式，强化线上线下学习相结合", "依托山东干部网络学院、学习强国等平台，提高使用活跃度");
        start(117, ZHOU_LI, study2);
        complete(40, ZHOU_LI, study2, 0);
        complete(30, ZHOU_LI, study2, 1);
        upload(30, ZHOU_LI, "RECTIFICATION", study2.item().id(), "学习平台积分统计.pdf");
        apply(29, ZHOU_LI, study2.item().id());
        story.on(25, 11, ZHAO_MIN, () -> service.reject(study2.item().id(), current(study2).version(),
                "线上学习平台活跃度数据仅有一个月，请补充连续三个月的统计。"));
        story.on(24, 9, ZHOU_LI, () -> service.reopenMeasure(study2.item().id(), measure(study2, 1),
                measureVersion(study2, 1)));

        // 二(二) 阵地建设存在短板弱项 — 一是: just registered.
        register(20, "志愿服务活动不够丰富，形式较为单一，部分同志参与积极性不高",
                "深入基层服务不够自觉主动，个别同志存在流于形式、虚于应付现象，志愿服务质量不高。",
                Source.SELF_CHECK, Category.POSITION_BUILDING, Severity.MINOR, venues, story.day(-60));

        // 二(二) — 二是: ongoing (长期坚持), in work.
        ItemDetail room = register(110, "党员活动室未真正实现从“建起来”到“用起来”再到“活起来”",
                "活动室缺乏功能性和实用性，难以聚集人气，发挥应有的阵地作用。",
                Source.SELF_CHECK, Category.POSITION_BUILDING, Severity.MODERATE, school, null,
                "完善党员活动图书室，购置《习近平著作选读》等书籍", "开展图书角学习、好书推荐、读书心得展示等读书主题活动",
                "依托模范机关创建，开展“五星支部”评选");
        start(108, CHEN_JING, room);
        complete(102, CHEN_JING, room, 0);
        progress(100, CHEN_JING, room, "图书室已完成书籍购置，读书主题活动筹备中。");

        // 二(三) 传输存在泄密隐患: serious, applied for close-off, waiting for a supervisor.
        ItemDetail secrecy = register(45, "违规使用图文小程序识别、传输、处理涉密文件，互联网邮箱存储传输涉密文件",
                "为便捷高效，违规使用小程序处理涉密文件资料，在互联网邮箱存储、传输涉密文件，存在失泄密风险。",
                Source.SUPERVISION, Category.SECRECY, Severity.SERIOUS, office, story.day(-5),
                "全面排查办公终端，清理小程序及互联网邮箱中的涉密文件", "开展保密教育培训，签订保密承诺书",
                "严格把关文稿、发文质量，规范涉密文件流转");
        start(44, SUN_LEI, secrecy);
        complete(20, SUN_LEI, secrecy, 0);
        complete(12, SUN_LEI, secrecy, 1);
        story.on(10, 10, SUN_LEI, () -> service.waiveMeasure(secrecy.item().id(), measure(secrecy, 2),
                measureVersion(secrecy, 2), "已并入机关公文管理制度修订，另行督办"));
        upload(10, SUN_LEI, "RECTIFICATION_MEASURE", measure(secrecy, 0), "保密自查清理记录.pdf");
        apply(9, SUN_LEI, secrecy.item().id());
        LOG.info("seeded the demo rectification items of the seed report");
    }

    /** 李明 registers a problem found in the report, with its measures (none: a deadline-free ongoing item needs none yet). */
    private ItemDetail register(int daysAgo, String title, String description, Source source, Category category,
                                Severity severity, UUID unit, LocalDate deadline, String... measures) {
        return story.on(daysAgo, 9, LI_MING, () -> service.create(new RectificationRequests.Create(title, description, source,
                category, severity, story.day(daysAgo), unit, "王建国", "孙磊",
                deadline == null ? Kind.ONGOING : Kind.TIME_LIMITED, deadline, null, null, RectificationEnums.Origin.INSPECTION,
                null, FROM_REPORT, List.of(measures).stream()
                        .map(m -> new MeasureRequests.Add(m, "孙磊", deadline)).toList())));
    }

    private ItemDetail current(ItemDetail i) {
        return items.find(i.item().id(), cn.qingfeng.common.scope.DataScope.everything(), false)
                .map(service::detail).orElseThrow();
    }

    private UUID measure(ItemDetail i, int index) {
        return i.measures().get(index).id();
    }

    private long measureVersion(ItemDetail i, int index) {
        MeasureView m = current(i).measures().get(index);
        return m.version();
    }

    private void start(int daysAgo, Person officer, ItemDetail i) {
        story.on(daysAgo, 10, officer, () -> service.start(i.item().id(), current(i).version()));
    }

    private void progress(int daysAgo, Person officer, ItemDetail i, String content) {
        story.on(daysAgo, 15, officer, () -> service.addProgress(i.item().id(),
                new RectificationRequests.AddProgress(story.day(daysAgo), content)));
    }

    private void complete(int daysAgo, Person officer, ItemDetail i, int measure) {
        story.on(daysAgo, 14, officer, () -> service.completeMeasure(i.item().id(), measure(i, measure), measureVersion(i, measure)));
    }

    private void upload(int daysAgo, Person officer, String ownerType, UUID ownerId, String filename) {
        story.on(daysAgo, 16, officer, () -> attachments.upload(ownerType, ownerId, filename,
                DemoStory.file(DemoStory.pdf(filename.replace(".pdf", "")))));
    }

    private void apply(int daysAgo, Person officer, UUID id) {
        story.on(daysAgo, 17, officer, () -> service.apply(id, service.detail(id).version()));
    }

    private void verify(int daysAgo, Person supervisor, UUID id, String opinion) {
        story.on(daysAgo, 10, supervisor, () -> service.verify(id, service.detail(id).version(),
                new RectificationRequests.Verify(opinion, story.day(daysAgo))));
    }
}
