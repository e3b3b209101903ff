package cn.qingfeng.task;

import cn.qingfeng.common.code.CodeGenerator;
import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.demo.DemoOrganisation;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.Journal;
import cn.qingfeng.task.TaskEnums.AssignmentRole;
import cn.qingfeng.task.TaskEnums.AssignmentStatus;
import cn.qingfeng.task.TaskEnums.Category;
import cn.qingfeng.task.TaskEnums.Priority;
import cn.qingfeng.task.TaskEnums.Recurrence;
import cn.qingfeng.task.TaskEnums.Status;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo tasks taken from part 一 of the seed report (2023H1-report.txt): the study sessions
 * ("学习共计9次", as execution records), the work deployment meeting, the training, the
 * responsibility letters, integrity talks, the 清明 and 五一 holiday discipline checks and the
 * weekly 第一议题 study — some done, some in progress, one overdue. Dates are relative to today so
 * the traffic lights show. Seeded once, into a database without tasks, when demo data is on.
 */
@ApplicationScoped
public class TaskDemoData {

    private static final Logger LOG = Logger.getLogger(TaskDemoData.class);
    private static final String BY = "demo-data";
    private static final String BY_NAME = "李明";

    @Inject
    QingfengConfig config;

    @Inject
    TaskRepository tasks;

    @Inject
    TaskService taskService;

    @Inject
    Journal journal;

    @Inject
    CodeGenerator codes;

    @Inject
    Warnings warnings;

    @Inject
    Clock clock;

    void onStart(@Observes @jakarta.annotation.Priority(Interceptor.Priority.APPLICATION + 100) StartupEvent start) {
        if (config.demoData().enabled()) {
            seed();
        }
    }

    @Transactional
    void seed() {
        tasks.em().createNativeQuery("select pg_advisory_xact_lock(7105004)").getSingleResult();
        if (tasks.em().createQuery("select count(t) from TaskEntity t", Long.class).getSingleResult() > 0) {
            return;
        }
        LocalDate today = warnings.today();
        UUID venues = DemoOrganisation.idOf("SJ-CGZX");
        UUID school = DemoOrganisation.idOf("SJ-YDXX");
        UUID training = DemoOrganisation.idOf("SJ-XLZX");
        UUID office = DemoOrganisation.idOf("SJ-BGS");
        UUID branch1 = DemoOrganisation.idOf("SJ-JG-DYZB");

        // 党风廉政主题学习: the bureau's branch has held 9 sessions; the venues centre is still at it.
        TaskEntity study = task("党风廉政主题学习（学懂弄通做实二十届中央纪委二次全会公报）", Category.STUDY, Priority.HIGH,
                today.plusDays(20), "局党组〔" + today.getYear() + "〕3号");
        AssignmentEntity studyBranch = assign(study, branch1, AssignmentRole.LEAD);
        accept(studyBranch);
        String[] topics = {"学习二十届中央纪委二次全会公报", "学习关于全面从严治党的重要论述", "学习二十大会议精神（一）",
            "学习二十大会议精神（二）", "“两个确立”“两个维护”专题研讨", "学习《中国共产党纪律处分条例》",
            "警示教育：典型案例通报学习", "学习中央八项规定精神", "“三个务必”专题学习"};
        for (int i = 0; i < topics.length; i++) {
            record(studyBranch, today.minusDays(80 - i * 8L), topics[i], 20 + i % 4, "机关三楼会议室");
        }
        AssignmentEntity studyVenues = assign(study, venues, AssignmentRole.COOPERATING);
        accept(studyVenues);
        record(studyVenues, today.minusDays(12), "学习二十届中央纪委二次全会公报", 16, "场馆中心会议室");

        // 工作部署: the work meeting, held and closed.
        TaskEntity meeting = task("筹备召开市直系统全面从严治党暨党风廉政建设工作会议", Category.DEPLOYMENT, Priority.URGENT,
                today.minusDays(40), "局党组会议纪要");
        AssignmentEntity meetingOffice = assign(meeting, office, AssignmentRole.LEAD);
        accept(meetingOffice);
        record(meetingOffice, today.minusDays(45), "全面从严治党暨党风廉政建设工作会议", 86, "局机关大会议室");
        done(meetingOffice, meeting, today.minusDays(44));

        // 专题培训: in progress, the report of the trainees' self-examination still to come.
        TaskEntity course = task("纪检干部专题培训并撰写个人对照检查材料", Category.TRAINING, Priority.NORMAL,
                today.plusDays(2), null);
        accept(assign(course, branch1, AssignmentRole.LEAD));

        // 责任书: each unit signs its letter; two have, one has not yet accepted.
        TaskEntity letters = task("签订" + today.getYear() + "年度党风廉政建设责任书", Category.RESPONSIBILITY_LETTER,
                Priority.HIGH, today.plusDays(7), null);
        done(accept(assign(letters, venues, AssignmentRole.LEAD)), letters, today.minusDays(3));
        done(accept(assign(letters, school, AssignmentRole.COOPERATING)), letters, today.minusDays(2));
        assign(letters, training, AssignmentRole.COOPERATING);

        // 廉政谈话: the leaders' integrity talks, under way.
        TaskEntity talks = task("领导班子成员廉政谈话", Category.INTEGRITY_TALK, Priority.NORMAL, today.plusDays(15), null);
        AssignmentEntity talksOffice = accept(assign(talks, office, AssignmentRole.LEAD));
        record(talksOffice, today.minusDays(6), "局主要负责同志与班子成员廉政谈话", 6, "局长办公室");

        // 节点纪律: 清明 checked and closed; 五一 overdue at the venues centre.
        TaskEntity qingming = task("清明节期间“四风”问题节点纪律检查（封车、学案例、强纪律）", Category.HOLIDAY_DISCIPLINE,
                Priority.HIGH, today.minusDays(30), null);
        AssignmentEntity qm = accept(assign(qingming, venues, AssignmentRole.LEAD));
        record(qm, today.minusDays(33), "公车封存检查", 5, "场馆中心车库");
        done(qm, qingming, today.minusDays(31));
        TaskEntity mayDay = task("五一劳动节期间节点纪律检查", Category.HOLIDAY_DISCIPLINE, Priority.HIGH,
                today.minusDays(4), null);
        accept(assign(mayDay, venues, AssignmentRole.LEAD));
        accept(assign(mayDay, school, AssignmentRole.COOPERATING));

        // 第一议题: weekly study on Thursdays, a recurring duty; the scheduler issues each week.
        TaskEntity weekly = task("每周四“第一议题”集中学习", Category.STUDY, Priority.NORMAL, null, null);
        weekly.recurrence = Recurrence.WEEKLY;
        weekly.nextPeriodStart = Periods.startContaining(Recurrence.WEEKLY, today);
        Map<String, String> plan = new LinkedHashMap<>();
        plan.put("unitId", branch1.toString());
        plan.put("role", AssignmentRole.LEAD.name());
        weekly.unitPlan = List.of(plan);
        LOG.info("seeded the demo tasks of the seed report");
    }

    private TaskEntity task(String title, Category category, Priority priority, LocalDate deadline, String basis) {
        Instant now = clock.instant();
        TaskEntity t = new TaskEntity();
        t.id = UUID.randomUUID();
        t.code = codes.next("RW", warnings.today().getYear());
        t.title = title;
        t.category = category;
        t.priority = priority;
        t.deadline = deadline;
        t.basis = basis;
        t.issuingUnitId = DemoOrganisation.idOf("SJ-JGDW");
        t.status = Status.ISSUED;
        t.createdBy = BY;
        t.createdByName = BY_NAME;
        t.issuedAt = now;
        t.createdAt = now;
        t.updatedAt = now;
        tasks.persist(t);
        journal.record("task.created", TaskService.TASK, t.id, t.issuingUnitId, Changes.of()
                .set("code", t.code).set("title", title).set("source", "demo-data"));
        journal.record("task.issued", TaskService.TASK, t.id, t.issuingUnitId, Changes.of().field("status", Status.DRAFT, Status.ISSUED));
        return t;
    }

    private AssignmentEntity assign(TaskEntity t, UUID unit, AssignmentRole role) {
        return taskService.assign(t, unit, role, t.deadline, clock.instant());
    }

    private AssignmentEntity accept(AssignmentEntity a) {
        a.status = AssignmentStatus.IN_PROGRESS;
        a.acceptedAt = clock.instant();
        a.acceptedBy = BY;
        journal.record("assignment.accepted", TaskService.ASSIGNMENT, a.id, a.unitId,
                Changes.of().field("status", AssignmentStatus.PENDING, AssignmentStatus.IN_PROGRESS));
        return a;
    }

    private void record(AssignmentEntity a, LocalDate heldOn, String topic, int participants, String place) {
        RecordEntity r = new RecordEntity();
        r.id = UUID.randomUUID();
        r.assignmentId = a.id;
        r.unitId = a.unitId;
        r.category = tasks.em().find(TaskEntity.class, a.taskId).category;
        r.heldOn = heldOn;
        r.topic = topic;
        r.participantCount = participants;
        r.place = place;
        r.recordedBy = BY;
        r.recordedByName = "刘洋";
        r.createdAt = clock.instant();
        tasks.persist(r);
        journal.record("assignment.record-added", TaskService.ASSIGNMENT, a.id, a.unitId, Changes.of()
                .set("recordId", r.id).set("heldOn", heldOn).set("topic", topic).set("participantCount", participants));
    }

    /** Closes the assignment as approved on {@code day}; the task too when it was its last open one. */
    private void done(AssignmentEntity a, TaskEntity t, LocalDate day) {
        Instant at = day.atTime(17, 0).atZone(cn.qingfeng.common.time.AppClock.ZONE).toInstant();
        a.status = AssignmentStatus.DONE;
        a.submittedAt = at;
        a.completedAt = at;
        a.completedOnTime = a.deadline == null || !day.isAfter(a.deadline);
        journal.record("assignment.approved", TaskService.ASSIGNMENT, a.id, a.unitId,
                Changes.of().field("status", AssignmentStatus.SUBMITTED, AssignmentStatus.DONE).set("onTime", a.completedOnTime));
        tasks.flush();
        boolean allDone = tasks.assignmentsOf(t.id).stream().allMatch(x -> x.status == AssignmentStatus.DONE);
        if (allDone) {
            t.status = Status.COMPLETED;
            t.completedAt = at;
            journal.record("task.completed", TaskService.TASK, t.id, t.issuingUnitId, Changes.of().field("status", Status.ISSUED, Status.COMPLETED));
        }
    }
}
