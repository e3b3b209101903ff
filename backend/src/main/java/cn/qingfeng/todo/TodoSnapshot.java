package cn.qingfeng.todo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A unified to-do (统一待办) as it stands after a change: the {@code changes} of every {@code todo.*}
 * journal event, and so what the OA adapters map. One record per receiver and matter ("flow").
 *
 * @param todoId           the to-do's stable id (one per receiver and flow)
 * @param flowType         the matter's record type: {@code task_assignment}, {@code rectification}, {@code risk}
 * @param flowId           the matter's id (Weaver {@code flowid}, Seeyon {@code taskId} per receiver)
 * @param state            OPEN 待办, DONE 已办, FINISHED 办结, WITHDRAWN 撤回
 * @param kinds            what the receiver is asked to do, e.g. {@code assignment.accept}; empty once not OPEN
 * @param title            for people, e.g. "RW-2026-0003 清明节节点纪律检查"
 * @param stepName         the current step in words (Weaver {@code nodename}), e.g. "签收"
 * @param flowName         the kind of matter in words (Weaver {@code workflowname}), e.g. "督办任务"
 * @param link             the SPA path of the record, e.g. {@code /tasks/…?assignment=…}
 * @param unitId           the unit the matter belongs to
 * @param due              its deadline (Asia/Shanghai date), may be null
 * @param receiverSubject  the receiver's Keycloak subject
 * @param receiverUsername the receiver's username (mapped to an OA login by the adapter)
 * @param senderUsername   who caused the change (null: the system)
 * @param createdAt        when this to-do first opened
 * @param changedAt        when it took this state
 * @param version          increases with every change of this to-do (Weaver {@code receivets}: a late push never wins)
 */
public record TodoSnapshot(UUID todoId, String flowType, UUID flowId, String state, List<String> kinds, String title,
                           String stepName, String flowName, String link, UUID unitId, LocalDate due,
                           String receiverSubject, String receiverUsername, String senderUsername,
                           Instant createdAt, Instant changedAt, long version) {

    public Map<String, Object> toMap() {
        Map<String, Object> m = new HashMap<>();
        m.put("todoId", todoId.toString());
        m.put("flowType", flowType);
        m.put("flowId", flowId.toString());
        m.put("state", state);
        m.put("kinds", kinds);
        m.put("title", title);
        m.put("stepName", stepName);
        m.put("flowName", flowName);
        m.put("link", link);
        m.put("unitId", unitId == null ? null : unitId.toString());
        m.put("due", due == null ? null : due.toString());
        m.put("receiverSubject", receiverSubject);
        m.put("receiverUsername", receiverUsername);
        m.put("senderUsername", senderUsername);
        m.put("createdAt", createdAt.toString());
        m.put("changedAt", changedAt.toString());
        m.put("version", version);
        return m;
    }

    @SuppressWarnings("unchecked")
    public static TodoSnapshot fromMap(Map<String, Object> m) {
        return new TodoSnapshot(UUID.fromString((String) m.get("todoId")), (String) m.get("flowType"),
                UUID.fromString((String) m.get("flowId")), (String) m.get("state"),
                m.get("kinds") == null ? List.of() : List.copyOf((List<String>) m.get("kinds")), (String) m.get("title"),
                (String) m.get("stepName"), (String) m.get("flowName"), (String) m.get("link"),
                m.get("unitId") == null ? null : UUID.fromString((String) m.get("unitId")),
                m.get("due") == null ? null : LocalDate.parse((String) m.get("due")),
                (String) m.get("receiverSubject"), (String) m.get("receiverUsername"), (String) m.get("senderUsername"),
                Instant.parse((String) m.get("createdAt")), Instant.parse((String) m.get("changedAt")),
                ((Number) m.get("version")).longValue());
    }
}
