package cn.qingfeng.task;

import cn.qingfeng.common.code.CodeGenerator;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.common.ledger.Ledger;
import java.util.Optional;
import cn.qingfeng.task.TaskEnums.AssignmentRole;
import cn.qingfeng.task.TaskEnums.AssignmentStatus;
import cn.qingfeng.task.TaskEnums.Recurrence;
import cn.qingfeng.task.TaskEnums.Status;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.cfg.AvailableSettings;
import org.jboss.logging.Logger;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.unit.UnitRepository;

/**
 * The ledger's scheduled work, safe with several backend instances: rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so two schedulers never handle the same row, and what they do
 * is recorded on the row (escalatedAt, nextPeriodStart) so it happens once.
 */
@ApplicationScoped
public class TaskScheduler {

    private static final Logger LOG = Logger.getLogger(TaskScheduler.class);
    private static final int BATCH = 200;

    @Inject
    TaskRepository tasks;

    @Inject
    TaskService taskService;

    @Inject
    AssignmentRepository assignments;

    @Inject
    Ledger ledger;

    @Inject
    Warnings warnings;

    @Inject
    CodeGenerator codes;

    @Inject
    Clock clock;

    @Inject
    UnitRepository units;

    @Scheduled(every = "${qingfeng.tasks.scheduler-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            while (escalateOverdue() == BATCH) {
                // more to do
            }
        } finally {
            generatePeriods();
        }
    }

    /** Open assignments past their deadline are escalated to their unit once. Answers how many. */
    @Transactional
    public int escalateOverdue() {
        LocalDate today = warnings.today();
        List<AssignmentEntity> overdue = assignments.claimOverdue(today, BATCH);
        Instant now = clock.instant();
        for (AssignmentEntity a : overdue) {
            a.escalatedAt = now;
            ledger.record(AssignmentLifecycle.ESCALATE, a, Changes.of()
                    .set("taskId", a.taskId).set("deadline", a.deadline).set("status", a.status));
        }
        if (!overdue.isEmpty()) {
            LOG.infof("escalated %d overdue assignments", overdue.size());
        }
        return overdue.size();
    }

    /**
     * Each recurring task whose next period has begun gets that period's instance, one template
     * per transaction so one bad template cannot hold the others back. Answers how many were made.
     */
    public int generatePeriods() {
        int made = 0;
        for (int i = 0; i < 1000; i++) {
            try {
                if (!generateNextPeriod()) {
                    break;
                }
                made++;
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not generate a recurring task's period; will retry on the next run");
                break;
            }
        }
        return made;
    }

    /** Claims one due template (SKIP LOCKED) and issues its next period. */
    @Transactional
    public boolean generateNextPeriod() {
        LocalDate today = warnings.today();
        Optional<TaskEntity> due = tasks.claimDueTemplate(today);
        if (due.isEmpty()) {
            return false;
        }
        TaskEntity template = due.get();
        Instant now = clock.instant();
        LocalDate start = template.nextPeriodStart;
        LocalDate end = Periods.end(template.recurrence, start);
        String suffix = "（" + start + " 至 " + end + "）";
        TaskEntity t = new TaskEntity();
        t.id = UUID.randomUUID();
        t.code = codes.next("RW", start.getYear());
        t.title = (template.title.length() + suffix.length() > 200
                ? template.title.substring(0, 200 - suffix.length() - 1) + "…" : template.title) + suffix;
        t.category = template.category;
        t.description = template.description;
        t.basis = template.basis;
        t.priority = template.priority;
        t.deadline = end;
        t.issuingUnitId = template.issuingUnitId;
        t.status = Status.ISSUED;
        t.templateId = template.id;
        t.periodStart = start;
        t.periodEnd = end;
        t.createdBy = template.createdBy;
        t.createdByName = template.createdByName;
        t.issuedAt = now;
        t.createdAt = now;
        t.updatedAt = now;
        tasks.persist(t);
        ledger.record(TaskLifecycle.GENERATE_PERIOD, "task.period-generated", t, Changes.of()
                .set("templateId", template.id).set("code", t.code).set("periodStart", start).set("periodEnd", end));
        for (Map<String, String> entry : template.unitPlan) {
            UUID unitId = UUID.fromString(entry.get("unitId"));
            if (!units.find(unitId, DataScope.everything()).map(u -> u.active).orElse(false)) {
                // A unit deactivated since the template was issued gets no new work.
                ledger.record(TaskLifecycle.GENERATE_PERIOD, "task.period-unit-skipped", t, Changes.of().set("unitId", unitId).set("reason", "unit inactive"));
                continue;
            }
            taskService.assign(t, unitId, AssignmentRole.valueOf(entry.get("role")), end, now);
        }
        template.nextPeriodStart = Periods.next(template.recurrence, start);
        template.updatedAt = now;
        return true;
    }
}
