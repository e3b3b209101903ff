package cn.qingfeng.risk;

import static cn.qingfeng.demo.DemoOrganisation.idOf;
import static cn.qingfeng.demo.DemoStory.CHEN_JING;
import static cn.qingfeng.demo.DemoStory.LI_MING;
import static cn.qingfeng.demo.DemoStory.LIU_YANG;
import static cn.qingfeng.demo.DemoStory.QIAN_LIANG;
import static cn.qingfeng.demo.DemoStory.SUN_LEI;

import cn.qingfeng.attachment.AttachmentService;
import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.RunAs.Person;
import cn.qingfeng.demo.DemoStory;
import cn.qingfeng.measure.MeasureRequests;
import cn.qingfeng.risk.RiskEnums.Category;
import cn.qingfeng.risk.RiskViews.RiskDetail;
import cn.qingfeng.risk.RiskViews.RiskReviewView;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo risks from part 三(三) and 二(三) of the seed report, told through the services by the
 * units' officers and 李明: ideology work, secrecy (sensitive files in mini-programs, secret files
 * in internet mailboxes), public opinion around events, integrity in procurement. Review cycles
 * and obligations follow from the grades as they would for a user: one review missed, one done
 * late, one report on time and one late, reviews coming due; one risk still waiting to be graded.
 * Seeded once.
 */
@ApplicationScoped
public class RiskDemoData {

    private static final Logger LOG = Logger.getLogger(RiskDemoData.class);

    @Inject
    QingfengConfig config;

    @Inject
    RiskRepository risks;

    @Inject
    RiskService service;

    @Inject
    AttachmentService attachments;

    @Inject
    DemoStory story;

    void onStart(@Observes @jakarta.annotation.Priority(Interceptor.Priority.APPLICATION + 300) StartupEvent start) {
        if (config.demoData().enabled()) {
            story.tell(this::seed);
        }
    }

    void seed() {
        risks.advisoryLock(7106005);
        if (!risks.isEmpty()) {
            return;
        }
        UUID office = idOf("SJ-BGS");
        UUID party = idOf("SJ-JGDW");
        UUID venues = idOf("SJ-CGZX");
        UUID school = idOf("SJ-YDXX");
        UUID training = idOf("SJ-XLZX");

        // 三(三) 一是: ideology risks reviewed at regular 研判 meetings — the next one due in a few days.
        UUID ideology = register(200, LI_MING, "意识形态领域风险研判不及时，风险未能管控在萌芽状态", Category.IDEOLOGY,
                "意识形态研判专题会议召开不定期，情报信息会商不充分，安全风险工作台账更新滞后。", party, "王建国", "孙磊",
                measure("定期召开意识形态研判专题会议，把国家安全工作纳入重要议事日程", null),
                measure("建立并及时更新安全风险工作台账", story.day(-30)));
        grade(195, ideology, 3, 3, null, null);
        complete(190, LI_MING, ideology, 0);
        startControl(190, LI_MING, ideology);
        review(180, LI_MING, ideology, "机关党委委员、各支部书记", "风险总体可控，台账已建立，继续定期研判。", null, null);

        // 三(三) 三是: wording of documents and publications.
        UUID wording = register(190, SUN_LEI, "文稿、发文政治术语表述不规范，官网及公众号发布内容把关不严", Category.IDEOLOGY,
                "个别文稿政治术语表述不规范；官网、公众号信息发布存在“三审三校”执行不到位的情况。", office, "张华", "赵敏",
                measure("严格把关文稿、发文质量，规范政治术语表述", null), measure("落实信息发布“三审三校”制度", story.day(-2)));
        grade(188, wording, 2, 4, null, null);
        complete(185, SUN_LEI, wording, 0);
        startControl(185, SUN_LEI, wording);
        review(10, SUN_LEI, wording, "办公室主任、信息员", "发布流程已规范，本期未发现问题。", null, null);

        // 二(三): sensitive files handled in mini-programs — raised to 重大 by a review, reported on time,
        // and the monthly review after that missed.
        UUID miniProgram = register(120, SUN_LEI, "违规使用图文小程序识别、传输、处理涉密文件", Category.SECRECY,
                "为便捷高效，使用图文识别小程序处理敏感文件，经小程序传输、处理涉密文件资料，存在失泄密风险。", office, "张华", "孙磊",
                measure("全面排查办公终端，卸载违规小程序", null), measure("开展保密教育培训，签订保密承诺书", story.day(5)));
        grade(118, miniProgram, 3, 4, null, null);
        complete(110, SUN_LEI, miniProgram, 0);
        startControl(110, SUN_LEI, miniProgram);
        review(40, SUN_LEI, miniProgram, "分管局领导、办公室、保密干部",
                "排查发现两台终端仍装有图文识别小程序，风险上升，提级为重大并立即报告。", 4, 5);
        report(40, 15, SUN_LEI, miniProgram, "局机关党委、派驻纪检监察组", "体办字〔2023〕17号",
                "关于违规使用小程序处理涉密文件风险的报告");

        // 二(三): secret files in internet mailboxes — 重大 from its first grade, reported late, reviewed late.
        UUID mailbox = register(57, SUN_LEI, "在互联网邮箱存储、传输涉密文件", Category.SECRECY,
                "个别同志使用互联网邮箱存储、传输涉密文件资料，存在失泄密隐患。", office, "张华", "孙磊",
                measure("清理互联网邮箱中的涉密文件，建立涉密文件台账", null), measure("配备专用涉密计算机，严禁涉密文件上网", story.day(-15)));
        grade(56, mailbox, 3, 5, null, null);
        report(55, 16, SUN_LEI, mailbox, "局机关党委", "体办字〔2023〕12号", "关于互联网邮箱存储涉密文件风险的报告（逾期报送）");
        complete(50, SUN_LEI, mailbox, 0);
        startControl(50, SUN_LEI, mailbox);
        review(20, SUN_LEI, mailbox, "办公室、保密干部", "邮箱清理完成，专用计算机采购中（本次研判逾期）。", null, null);

        // 三(三) 三是: public opinion around events — controlled, residual grade low.
        UUID opinion = register(160, LIU_YANG, "赛事举办期间网络舆情处置不及时", Category.PUBLIC_OPINION,
                "大型赛事期间涉场馆安全、票务等舆情易发，回应不及时可能引发负面炒作。", venues, "刘强", "周涛",
                measure("建立赛事舆情监测与快速回应机制，明确新闻发言人", null));
        grade(158, opinion, 3, 3, 2, 2);
        complete(150, LIU_YANG, opinion, 0);
        startControl(150, LIU_YANG, opinion);
        review(30, LIU_YANG, opinion, "场馆中心班子成员、宣传干事", "舆情监测机制运行正常，剩余风险低。", null, null);
        story.on(29, 10, LI_MING, () -> service.markControlled(opinion, version(opinion)));

        // 一(三): procurement of materials and equipment — integrity, the next review coming due.
        UUID procurement = register(150, LIU_YANG, "物资器材采购廉政风险", Category.INTEGRITY,
                "物资器材采购中存在化整为零、指定品牌、验收不严等廉政风险。", venues, "刘强", "周涛",
                measure("严格执行政府采购程序，大额采购集体决策", null), measure("建立验收双人签字制度", story.day(-20)));
        grade(148, procurement, 3, 4, null, null);
        complete(140, LIU_YANG, procurement, 0);
        startControl(140, LIU_YANG, procurement);
        review(88, LIU_YANG, procurement, "场馆中心班子成员", "采购程序执行到位，继续按季度研判。", null, null);

        // 一(三) 体教融合 — 作风: registered by the school, waiting for a supervisor's grade.
        register(3, CHEN_JING, "体教融合招生、选材环节作风风险", Category.WORK_STYLE,
                "招生选材环节标准执行不一、程序公开不充分，易引发“四风”问题和信访。", school, "陈静", "吴磊");

        // 一(四): festivals and the 四风 — controlled over the holiday season, then closed.
        UUID festivals = register(240, QIAN_LIANG, "节假日“四风”问题反弹风险", Category.WORK_STYLE,
                "清明、五一等节点公车私用、违规吃喝等“四风”问题易发多发。", training, "郑凯", "钱亮",
                measure("节前封存公车，开展警示教育", null));
        grade(238, festivals, 2, 3, 1, 2);
        complete(235, QIAN_LIANG, festivals, 0);
        startControl(235, QIAN_LIANG, festivals);
        story.on(230, 10, LI_MING, () -> service.markControlled(festivals, version(festivals)));
        story.on(60, 10, LI_MING, () -> service.close(festivals, version(festivals), "节点已过，纳入常态化党风廉政教育管理"));
        LOG.info("seeded the demo risks of the seed report");
    }

    private static MeasureRequests.Add measure(String content, LocalDate deadline) {
        return new MeasureRequests.Add(content, null, deadline);
    }

    private UUID register(int daysAgo, Person who, String name, Category category, String manifestation, UUID unit,
                          String leader, String person, MeasureRequests.Add... measures) {
        List<MeasureRequests.Add> withOwner = Arrays.stream(measures)
                .map(m -> new MeasureRequests.Add(m.content(), person, m.deadline())).toList();
        return story.on(daysAgo, 9, who, () -> service.create(new RiskRequests.Create(name, category, manifestation, unit,
                leader, person, null, null, null, withOwner))).risk().id();
    }

    private RiskDetail detail(UUID id) {
        return service.detail(risks.find(id, DataScope.everything(), false).orElseThrow());
    }

    private long version(UUID id) {
        return detail(id).version();
    }

    /** 李明 grades on the current matrix. */
    private void grade(int daysAgo, UUID id, int likelihood, int impact, Integer residualLikelihood, Integer residualImpact) {
        story.on(daysAgo, 10, LI_MING, () -> service.grade(id, version(id),
                new RiskRequests.Grade(likelihood, impact, residualLikelihood, residualImpact, "初次评级")));
    }

    private void complete(int daysAgo, Person who, UUID id, int measure) {
        story.on(daysAgo, 11, who, () -> {
            var m = detail(id).measures().get(measure);
            return service.completeMeasure(id, m.id(), m.version(), null);
        });
    }

    private void startControl(int daysAgo, Person who, UUID id) {
        story.on(daysAgo, 14, who, () -> service.startControl(id, version(id)));
    }

    /** A review (研判) held that day; a new likelihood/impact changes the grade; its minutes are filed. */
    private void review(int daysAgo, Person who, UUID id, String participants, String conclusion, Integer likelihood,
                        Integer impact) {
        RiskReviewView v = story.on(daysAgo, 10, who, () -> service.review(id, version(id), new RiskRequests.Review(
                story.day(daysAgo), participants, conclusion, likelihood, impact, null, null, null, null)));
        story.on(daysAgo, 11, who, () -> attachments.upload(RiskService.REVIEW_FILES, v.id(), "研判会议纪要.pdf",
                DemoStory.file(DemoStory.pdf("研判会议纪要 " + detail(id).risk().name()))));
    }

    private void report(int daysAgo, int hour, Person who, UUID id, String recipient, String documentNo, String content) {
        story.on(daysAgo, hour, who, () -> service.report(id, new RiskRequests.Report(recipient, documentNo, content)));
    }
}
