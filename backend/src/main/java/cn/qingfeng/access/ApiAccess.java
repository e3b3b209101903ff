package cn.qingfeng.access;

import cn.qingfeng.common.ledger.Action;
import cn.qingfeng.common.ledger.Lifecycle;
import cn.qingfeng.common.security.Roles;
import cn.qingfeng.rectification.RectificationLifecycle;
import cn.qingfeng.risk.RiskLifecycle;
import cn.qingfeng.task.AssignmentLifecycle;
import cn.qingfeng.task.TaskLifecycle;
import cn.qingfeng.unit.UnitLifecycle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of who may call what. Ledger operations take their roles from the lifecycle
 * actions they serve; the few others are listed here. Everything that states roles reads it:
 * the permission check of operations without a record ({@code @PermissionsAllowed(operationId)}),
 * the {@link cn.qingfeng.common.ledger.Ledger} guard for actions on a record (through the same
 * actions), and the contract's "Roles:" texts and security scopes.
 */
public final class ApiAccess {

    /** Every lifecycle whose actions the API serves. */
    public static final List<Lifecycle<?, ?>> LIFECYCLES = List.of(
            TaskLifecycle.TASK, AssignmentLifecycle.ASSIGNMENT, RectificationLifecycle.ITEM,
            RectificationLifecycle.MEASURES.lifecycle(), RiskLifecycle.RISK, RiskLifecycle.MEASURES.lifecycle(),
            UnitLifecycle.UNIT);

    /** Operations outside the ledgers that not every caller may use. */
    static final List<OperationRule> OPERATIONS = List.of(
            OperationRule.of("listEvents", Roles.AUDITOR, Roles.ADMIN),
            OperationRule.of("exportEvents", Roles.AUDITOR, Roles.ADMIN),
            OperationRule.of("verifyJournal", Roles.AUDITOR, Roles.ADMIN),
            OperationRule.of("createRiskMatrix", Roles.ADMIN),
            OperationRule.of("getTestClock", Roles.ADMIN),
            OperationRule.of("setTestClock", Roles.ADMIN),
            // Importing is creating: the upload also checks the ledger's own creation rule, each row the ledger's rules.
            OperationRule.of("createImport", Roles.SUPERVISOR, Roles.UNIT_OFFICER, Roles.IMPORTER),
            OperationRule.of("revalidateImport", Roles.SUPERVISOR, Roles.UNIT_OFFICER, Roles.IMPORTER),
            OperationRule.of("commitImport", Roles.SUPERVISOR, Roles.UNIT_OFFICER, Roles.IMPORTER),
            OperationRule.of("cancelImport", Roles.SUPERVISOR, Roles.UNIT_OFFICER, Roles.IMPORTER),
            // Outbound events carry every ledger's changes: their receivers are the admins' business.
            OperationRule.of("listWebhookSubscriptions", Roles.ADMIN),
            OperationRule.of("createWebhookSubscription", Roles.ADMIN),
            OperationRule.of("getWebhookSubscription", Roles.ADMIN),
            OperationRule.of("updateWebhookSubscription", Roles.ADMIN),
            OperationRule.of("rotateWebhookSecret", Roles.ADMIN),
            OperationRule.of("sendWebhookTest", Roles.ADMIN),
            OperationRule.of("listWebhookDeliveries", Roles.ADMIN),
            OperationRule.of("getWebhookDelivery", Roles.ADMIN),
            OperationRule.of("replayWebhookDelivery", Roles.ADMIN),
            OperationRule.of("replayWebhookDeliveries", Roles.ADMIN),
            OperationRule.of("listWebhookAllowedHosts", Roles.ADMIN),
            OperationRule.of("allowWebhookHost", Roles.ADMIN),
            OperationRule.of("disallowWebhookHost", Roles.ADMIN),
            OperationRule.of("listWebhookEventTypes", Roles.ADMIN),
            // Who a person is in the OA: kept by admins.
            OperationRule.of("listOaUsers", Roles.ADMIN),
            OperationRule.of("getOaUser", Roles.ADMIN),
            OperationRule.of("putOaUser", Roles.ADMIN),
            OperationRule.of("deleteOaUser", Roles.ADMIN),
            OperationRule.of("importOaUsers", Roles.ADMIN),
            // Reports are written by the office, its leaders and, for their own units, the units' officers.
            OperationRule.of("createReport", Roles.SUPERVISOR, Roles.LEADER, Roles.UNIT_OFFICER, Roles.ADMIN),
            OperationRule.of("updateReport", Roles.SUPERVISOR, Roles.LEADER, Roles.UNIT_OFFICER, Roles.ADMIN),
            OperationRule.of("refreshReport", Roles.SUPERVISOR, Roles.LEADER, Roles.UNIT_OFFICER, Roles.ADMIN),
            OperationRule.of("replaceReportTemplate", Roles.ADMIN),
            OperationRule.of("resetReportTemplate", Roles.ADMIN));

    private static final Map<String, OperationRule> RULES = build();

    private ApiAccess() {
    }

    /** The rule of an operation; empty: any authenticated caller, within scope. */
    public static Optional<OperationRule> rule(String operationId) {
        return Optional.ofNullable(RULES.get(operationId));
    }

    public static Map<String, OperationRule> rules() {
        return Collections.unmodifiableMap(RULES);
    }

    /** The restricted operations (those with a rule) a caller with these roles may call, in the table's order. */
    public static List<String> permitted(Set<String> roles) {
        return RULES.values().stream().filter(r -> r.permits(roles)).map(OperationRule::operationId).toList();
    }

    /** Whether a caller with these roles passes the operation's role check. */
    public static boolean permits(String operationId, Set<String> roles) {
        OperationRule r = RULES.get(operationId);
        return r == null || r.permits(roles);
    }

    /**
     * The role check of an operation on a record, made once the record has been found in the
     * caller's scope (so a record outside it is 404 before any 403).
     */
    public static void require(String operationId, Set<String> roles) {
        if (!permits(operationId, roles)) {
            throw new cn.qingfeng.common.problem.ProblemException(403, "forbidden", "Forbidden", "你的角色无权执行该操作");
        }
    }

    private static Map<String, OperationRule> build() {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        Map<String, List<Action<?, ?>>> actions = new LinkedHashMap<>();
        for (Lifecycle<?, ?> l : LIFECYCLES) {
            for (Action<?, ?> a : l.actions()) {
                for (String op : a.operations()) {
                    roles.computeIfAbsent(op, k -> new LinkedHashSet<>()).addAll(a.roles());
                    actions.computeIfAbsent(op, k -> new ArrayList<>()).add(a);
                }
            }
        }
        Map<String, OperationRule> out = new LinkedHashMap<>();
        roles.forEach((op, r) -> out.put(op, new OperationRule(op, r, List.copyOf(actions.get(op)))));
        for (OperationRule r : OPERATIONS) {
            if (out.putIfAbsent(r.operationId(), r) != null) {
                throw new IllegalStateException(r.operationId() + " has two rules");
            }
        }
        return out;
    }
}
