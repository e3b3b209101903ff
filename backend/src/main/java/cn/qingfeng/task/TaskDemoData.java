package cn.qingfeng.task;

import static cn.qingfeng.demo.DemoOrganisation.idOf;
import static cn.qingfeng.demo.DemoStory.LI_MING;
import static cn.qingfeng.demo.DemoStory.LIU_YANG;
import static cn.qingfeng.demo.DemoStory.SUN_LEI;
import static cn.qingfeng.demo.DemoStory.ZHOU_LI;
import static cn.qingfeng.demo.DemoStory.CHEN_JING;

import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.security.RunAs.Person;
import cn.qingfeng.demo.DemoStory;
import cn.qingfeng.task.TaskEnums.AssignmentRole;
import cn.qingfeng.task.TaskEnums.Category;
import cn.qingfeng.task.TaskEnums.Priority;
import cn.qingfeng.task.TaskEnums.Recurrence;
import cn.qingfeng.task.TaskViews.AssignmentView;
import cn.qingfeng.task.TaskViews.TaskDetail;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo tasks from part 一 of the seed report, told through the services: 李明 issues the work, the
 * units' officers accept it, hold their sessions and report back, so the period's report counts
 * what the seed states — 学习 9 次, 部署 1 次, 专题培训 1 次, the responsibility letters, three
 * integrity talks, the 清明 and 五一 holiday checks — and one holiday check is overdue. Seeded once.
 */
@ApplicationScoped
public class TaskDemoData {

    private static final Logger LOG = Logger.getLogger(TaskDemoData.class);

    @Inject
    QingfengConfig config;

    @Inject
    TaskRepository tasks;

    @Inject
    TaskService taskService;

    @Inject
    AssignmentService assignments;

    @Inject
    DemoStory story;

    void onStart(@Observes @jakarta.annotation.Priority(Interceptor.Priority.APPLICATION + 100) StartupEvent start) {
        if (config.demoData().enabled()) {
            story.tell(this::seed);
        }
    }

    void seed() {
        tasks.lockForSeeding();
        if (!tasks.isEmpty()) {
            return;
        }
        UUID venues = idOf("SJ-CGZX");
        UUID school = idOf("SJ-YDXX");
        UUID training = idOf("SJ-XLZX");
        UUID office = idOf("SJ-BGS");
        UUID branch1 = idOf("SJ-JG-DYZB");

        // 党风廉政主题学习: the bureau's first branch has held 9 sessions; the venues centre is still at it.
        TaskDetail study = issue(90, "党风廉政主题学习（学懂弄通做实二十届中央纪委二次全会公报）", Category.STUDY, Priority.HIGH,
                story.day(-20), "局党组〔" + story.day(90).getYear() + "〕3号", Map.of(branch1, AssignmentRole.LEAD, venues, AssignmentRole.COOPERATING));
        AssignmentView studyBranch = accept(89, ZHOU_LI, of(study, branch1));
        String[] topics = {"学习二十届中央纪委二次全会公报", "学习关于全面从严治党的重要论述", "学习二十大会议精神（一）",
            "学习二十大会议精神（二）", "“两个确立”“两个维护”专题研讨", "学习《中国共产党纪律处分条例》",
            "警示教育：典型案例通报学习", "学习中央八项规定精神", "“三个务必”专题学习"};
        for (int i = 0; i < topics.length; i++) {
            record(80 - i * 8, ZHOU_LI, studyBranch, topics[i], 20 + i % 4, "机关三楼会议室");
        }
        // The venues centre has accepted but not yet held a session: the bureau's count stays the report's 9.
        accept(88, LIU_YANG, of(study, venues));

        // 工作部署: the work meeting, held and closed.
        TaskDetail meeting = issue(60, "筹备召开市直系统全面从严治党暨党风廉政建设工作会议", Category.DEPLOYMENT, Priority.URGENT,
                story.day(40), "局党组会议纪要", Map.of(office, AssignmentRole.LEAD));
        AssignmentView meetingOffice = accept(59, SUN_LEI, of(meeting, office));
        record(45, SUN_LEI, meetingOffice, "全面从严治党暨党风廉政建设工作会议", 86, "局机关大会议室");
        done(44, SUN_LEI, meetingOffice.id());

        // 专题培训: in progress, the trainees' self-examination still to come.
        TaskDetail course = issue(20, "纪检干部专题培训并撰写个人对照检查材料", Category.TRAINING, Priority.NORMAL,
                story.day(-2), null, Map.of(branch1, AssignmentRole.LEAD));
        record(16, ZHOU_LI, accept(19, ZHOU_LI, of(course, branch1)), "纪检干部党纪学习教育专题培训", 8, "市委党校");

        // 责任书: each unit signs its letter; two have, one has not yet accepted.
        TaskDetail letters = issue(14, "签订" + story.day(0).getYear() + "年度党风廉政建设责任书", Category.RESPONSIBILITY_LETTER,
                Priority.HIGH, story.day(-7), null,
                Map.of(venues, AssignmentRole.LEAD, school, AssignmentRole.COOPERATING, training, AssignmentRole.COOPERATING));
        AssignmentView venuesLetter = accept(13, LIU_YANG, of(letters, venues));
        record(4, LIU_YANG, venuesLetter, "场馆中心签订党风廉政建设责任书", 12, "场馆中心会议室");
        done(3, LIU_YANG, venuesLetter.id());
        AssignmentView schoolLetter = accept(12, CHEN_JING, of(letters, school));
        record(3, CHEN_JING, schoolLetter, "运动学校签订党风廉政建设责任书", 9, "运动学校会议室");
        done(2, CHEN_JING, schoolLetter.id());

        // 廉政谈话: the leaders' integrity talks, under way.
        TaskDetail talks = issue(10, "领导班子成员廉政谈话", Category.INTEGRITY_TALK, Priority.NORMAL, story.day(-15), null,
                Map.of(office, AssignmentRole.LEAD));
        AssignmentView talksOffice = accept(9, SUN_LEI, of(talks, office));
        record(8, SUN_LEI, talksOffice, "局主要负责同志与班子成员廉政谈话", 6, "局长办公室");
        record(5, SUN_LEI, talksOffice, "分管领导与分管科室负责人廉政谈话", 8, "局机关小会议室");
        record(2, SUN_LEI, talksOffice, "新任职干部任前廉政谈话", 3, "局机关小会议室");

        // 节点纪律: 清明 checked and closed; 五一 overdue at the venues centre.
        TaskDetail qingming = issue(36, "清明节期间“四风”问题节点纪律检查（封车、学案例、强纪律）", Category.HOLIDAY_DISCIPLINE,
                Priority.HIGH, story.day(30), null, Map.of(venues, AssignmentRole.LEAD));
        AssignmentView qm = accept(35, LIU_YANG, of(qingming, venues));
        record(33, LIU_YANG, qm, "公车封存检查", 5, "场馆中心车库");
        done(31, LIU_YANG, qm.id());
        TaskDetail mayDay = issue(12, "五一劳动节期间节点纪律检查", Category.HOLIDAY_DISCIPLINE, Priority.HIGH, story.day(4), null,
                Map.of(venues, AssignmentRole.LEAD, school, AssignmentRole.COOPERATING));
        accept(11, LIU_YANG, of(mayDay, venues));
        record(7, CHEN_JING, accept(11, CHEN_JING, of(mayDay, school)), "五一节前廉政提醒与公车封存", 4, "运动学校车库");

        // 第一议题: weekly study on Thursdays, a recurring duty; the scheduler issues each week.
        story.on(0, 8, LI_MING, () -> {
            TaskDetail weekly = taskService.create(new TaskRequests.Create("每周四“第一议题”集中学习", Category.STUDY, null, null,
                    null, null, Priority.NORMAL, null, idOf("SJ-JGDW"), Recurrence.WEEKLY, null, null, null));
            return taskService.issue(weekly.task().id(), weekly.version(),
                    new TaskRequests.Issue(List.of(new TaskRequests.UnitAssignment(branch1, AssignmentRole.LEAD))));
        });
        LOG.info("seeded the demo tasks of the seed report");
    }

    /** 李明 drafts and issues a task to the units. */
    private TaskDetail issue(int daysAgo, String title, Category category, Priority priority, LocalDate deadline, String basis,
                             Map<UUID, AssignmentRole> units) {
        return story.on(daysAgo, 9, LI_MING, () -> {
            TaskDetail draft = taskService.create(new TaskRequests.Create(title, category, null, basis, null, null, priority,
                    deadline, idOf("SJ-JGDW"), null, null, null, null));
            List<TaskRequests.UnitAssignment> plan = units.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue()).map(e -> new TaskRequests.UnitAssignment(e.getKey(), e.getValue())).toList();
            return taskService.issue(draft.task().id(), draft.version(), new TaskRequests.Issue(plan));
        });
    }

    private static AssignmentView of(TaskDetail task, UUID unit) {
        return task.assignments().stream().filter(a -> a.unit().id().equals(unit)).findFirst().orElseThrow();
    }

    private AssignmentView accept(int daysAgo, Person officer, AssignmentView a) {
        return story.on(daysAgo, 10, officer, () -> assignments.accept(a.id(), a.version()));
    }

    private void record(int daysAgo, Person officer, AssignmentView a, String topic, int participants, String place) {
        story.on(daysAgo, 15, officer, () -> assignments.addRecord(a.id(),
                new TaskRequests.AddRecord(story.day(daysAgo), topic, participants, null, place, null)));
    }

    /** The unit submits in the morning, 李明 approves in the afternoon (the task closes with its last part). */
    private void done(int daysAgo, Person officer, UUID assignment) {
        AssignmentView submitted = story.on(daysAgo, 10, officer,
                () -> assignments.submit(assignment, assignments.get(assignment).version(), "已按要求完成"));
        story.on(daysAgo, 16, LI_MING, () -> assignments.approve(assignment, submitted.version(), "同意办结"));
    }
}
