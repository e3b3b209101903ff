package cn.qingfeng.access;

import cn.qingfeng.common.ledger.Action;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may call one API operation, as the table says: the roles, and the ledger actions it takes
 * (if any). An operation without a rule is open to any authenticated caller, within their scope.
 *
 * @param roles   the roles that may call it
 * @param actions the lifecycle actions behind it (empty for operations outside the ledgers)
 */
public record OperationRule(String operationId, Set<String> roles, List<Action<?, ?>> actions) {

    /** An operation outside the ledgers, open to these roles only. */
    public static OperationRule of(String operationId, String... roles) {
        return new OperationRule(operationId, new LinkedHashSet<>(List.of(roles)), List.of());
    }

    /** Whether the check happens on the record (scope first, then role), not before the request is read. */
    public boolean onRecord() {
        return actions.stream().anyMatch(a -> a.kind() == Action.Kind.RECORD);
    }

    public boolean versioned() {
        return actions.stream().anyMatch(Action::versioned);
    }

    public boolean permits(Set<String> callerRoles) {
        return roles.stream().anyMatch(callerRoles::contains);
    }
}
