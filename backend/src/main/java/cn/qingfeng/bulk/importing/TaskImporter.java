package cn.qingfeng.bulk.importing;

import static cn.qingfeng.bulk.importing.ImportContext.changed;

import cn.qingfeng.bulk.BulkLedger;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.task.AssignmentRepository;
import cn.qingfeng.task.TaskEntity;
import cn.qingfeng.task.TaskEnums.AssignmentRole;
import cn.qingfeng.task.TaskEnums.Category;
import cn.qingfeng.task.TaskEnums.Priority;
import cn.qingfeng.task.TaskEnums.Status;
import cn.qingfeng.task.TaskRepository;
import cn.qingfeng.task.TaskRequests;
import cn.qingfeng.task.TaskService;
import cn.qingfeng.task.TaskViews.TaskDetail;
import cn.qingfeng.unit.UnitEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Tasks with the units they go to: a row with units is created and issued, one without stays a draft. */
@ApplicationScoped
public class TaskImporter implements LedgerImporter {

    @Inject
    TaskService service;

    @Inject
    TaskRepository tasks;

    @Inject
    AssignmentRepository assignments;

    @Override
    public BulkLedger ledger() {
        return BulkLedger.TASKS;
    }

    @Override
    public Outcome apply(RecordGroup group, ImportContext ctx) {
        List<RowProblem> problems = new ArrayList<>();
        RowValues v = ctx.values(group.main(), group.main().row(), problems);
        String code = v.text("code");
        String ref = v.text("externalRef");
        String source = v.text("externalSource");
        String title = v.text("title");
        Category category = v.choice("category", Category.class);
        Priority priority = v.choice("priority", Priority.class);
        LocalDate deadline = v.date("deadline");
        UUID issuing = v.unitId("issuingUnitId");
        String basis = v.text("basis");
        String description = v.text("description");
        Map<UUID, AssignmentRole> plan = new LinkedHashMap<>();
        for (UnitEntity u : v.unitList("leadUnits")) {
            plan(plan, u, AssignmentRole.LEAD, v, "leadUnits");
        }
        for (UnitEntity u : v.unitList("cooperatingUnits")) {
            plan(plan, u, AssignmentRole.COOPERATING, v, "cooperatingUnits");
        }
        for (SheetRow child : group.children()) {
            RowValues c = ctx.values(child, group.main().row(), problems);
            UnitEntity u = c.unit("unitId");
            AssignmentRole role = c.choice("role", AssignmentRole.class);
            if (u != null && role != null) {
                plan(plan, u, role, c, "unitId");
            }
        }
        ImportContext.Key key = ctx.key(code, source, ref, () -> "tasks|" + title + "|" + issuing);
        TaskRequests.Create create = new TaskRequests.Create(title, category, description, basis, key.source(), key.ref(),
                priority, deadline, issuing, null, null, null, null);
        v.validate(ctx.validator(), create);
        ctx.check(problems);

        Optional<TaskEntity> existing = tasks.byCodeOrExternalRef(key.code(), key.source(), key.ref());
        try {
            if (existing.isEmpty()) {
                ctx.noSuchCode(v, problems, code, "任务");
                TaskEntity made = service.createRecord(create);
                if (!plan.isEmpty()) {
                    service.issue(made.id, made.version, issue(plan));
                }
                return new Outcome(Outcome.Kind.CREATED, made.id, made.code, made.title);
            }
            TaskEntity t = existing.get();
            return ctx.onExisting(v, problems, code, ref, "任务", new Outcome(Outcome.Kind.SKIPPED, t.id, t.code, t.title),
                    () -> update(t, v, title, category, priority, deadline, basis, description, plan, ctx, problems));
        } catch (ProblemException e) {
            throw ctx.refused(v, e);
        }
    }

    private Outcome update(TaskEntity t, RowValues v, String title, Category category, Priority priority, LocalDate deadline,
                           String basis, String description, Map<UUID, AssignmentRole> plan, ImportContext ctx, List<RowProblem> problems) {
        TaskDetail now = service.detail(t.id);
        boolean changedAny = false;
        TaskRequests.Update u = new TaskRequests.Update(changed(title, t.title), changed(description, t.description), changed(basis, t.basis),
                changed(priority, t.priority), changed(deadline, t.deadline), changed(category, t.category));
        if (u.title() != null || u.description() != null || u.basis() != null || u.priority() != null || u.deadline() != null || u.category() != null) {
            now = service.update(t.id, now.version(), u);
            changedAny = true;
        }
        if (!plan.isEmpty()) {
            Map<UUID, AssignmentRole> current = assignments.of(t.id).stream().collect(Collectors.toMap(a -> a.unitId, a -> a.role, (a, b) -> a));
            if (t.status == Status.DRAFT && current.isEmpty()) {
                now = service.issue(t.id, now.version(), issue(plan));
                changedAny = true;
            } else if (!current.equals(plan)) {
                v.problem("leadUnits", null, "import.units-fixed", "任务已下发，承办单位不能通过导入更改，请在任务详情中调整");
                ctx.check(problems);
            }
        }
        return new Outcome(changedAny ? Outcome.Kind.UPDATED : Outcome.Kind.UNCHANGED, t.id, now.task().code(), now.task().title());
    }

    private static void plan(Map<UUID, AssignmentRole> plan, UnitEntity u, AssignmentRole role, RowValues v, String key) {
        AssignmentRole before = plan.putIfAbsent(u.id, role);
        if (before != null && before != role) {
            v.problem(key, u.name, "import.unit-twice", "单位“" + u.name + "”同时列为牵头和配合单位");
        }
    }

    private static TaskRequests.Issue issue(Map<UUID, AssignmentRole> plan) {
        return new TaskRequests.Issue(plan.entrySet().stream().map(e -> new TaskRequests.UnitAssignment(e.getKey(), e.getValue())).toList());
    }
}
