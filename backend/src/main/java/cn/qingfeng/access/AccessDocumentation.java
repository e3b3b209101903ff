package cn.qingfeng.access;

import cn.qingfeng.common.input.InputRules;
import cn.qingfeng.common.ledger.Action;
import cn.qingfeng.common.openapi.ApiErrors;
import cn.qingfeng.common.openapi.ProblemResponsesFilter;
import cn.qingfeng.common.security.Roles;
import cn.qingfeng.integration.idempotency.IdempotencyDocumentation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Writes each operation's access into the contract from {@link ApiAccess}: the "Roles:" text, the
 * security scopes, the states an action starts from, its refusal codes and the problem statuses
 * that follow (409, and 412/428 for If-Match), and the Idempotency-Key of every POST. Nothing of
 * this is written by hand; an operation whose description still states roles, or a rule naming an operation that does not exist, fails
 * the build. Then documents the problem responses ({@link ProblemResponsesFilter}).
 */
public class AccessDocumentation implements OASFilter {

    private static final String SCHEME = "keycloak";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Set<String> seen = new HashSet<>();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
                document(op);
                seen.add(op.getOperationId());
            }));
        }
        for (String op : ApiAccess.rules().keySet()) {
            if (!seen.contains(op)) {
                throw new IllegalStateException("ApiAccess names " + op + ", which no resource serves");
            }
        }
        documentInputRules(api);
        IdempotencyDocumentation.document(api);
        new ProblemResponsesFilter().filterOpenAPI(api);
    }

    /** The one date range of the API ({@link InputRules}), stated where every date field points. */
    private static void documentInputRules(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        var date = api.getComponents().getSchemas().get("LocalDate");
        if (date != null) {
            date.pattern(InputRules.DATE_PATTERN).description("A calendar date (Asia/Shanghai), yyyy-MM-dd, "
                    + InputRules.FIRST_DAY + " … " + InputRules.LAST_DAY + "; other years answer 400");
        }
        var instant = api.getComponents().getSchemas().get("OffsetDateTime");
        if (instant != null) {
            instant.description("ISO-8601 with an offset, years " + InputRules.FIRST_DAY.getYear() + "–" + InputRules.LAST_DAY.getYear());
        }
    }

    private static void document(Operation op) {
        String own = op.getDescription();
        if (own != null && own.startsWith("Roles:")) {
            throw new IllegalStateException(op.getOperationId() + " states its roles by hand: they come from ApiAccess");
        }
        OperationRule rule = ApiAccess.rule(op.getOperationId()).orElse(null);
        StringBuilder text = new StringBuilder("Roles: ").append(rolesText(rule)).append('.');
        Set<String> statuses = new LinkedHashSet<>();
        if (rule != null && rule.onRecord()) {
            text.append(statesText(rule));
            statuses.add("409");
        }
        if (rule != null && rule.versioned()) {
            text.append(" Requires If-Match.");
            statuses.add("412");
            statuses.add("428");
        }
        if (own != null && !own.isBlank()) {
            text.append(' ').append(own);
        }
        op.setDescription(text.toString());
        op.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME,
                rule == null ? List.of() : List.copyOf(rule.roles()))));
        if (!statuses.isEmpty()) {
            Object listed = op.getExtensions() == null ? null : op.getExtensions().get(ApiErrors.EXTENSION);
            if (listed != null) {
                statuses.addAll(List.of(listed.toString().split(",")));
            }
            op.addExtension(ApiErrors.EXTENSION, String.join(",", statuses));
        }
    }

    static String rolesText(OperationRule rule) {
        if (rule == null) {
            return "any, within scope";
        }
        Set<String> byKind = rule.actions().stream().map(a -> roles(a.roles())).collect(Collectors.toCollection(LinkedHashSet::new));
        if (byKind.size() <= 1) {
            return roles(rule.roles()) + (scoped(rule.roles()) && !rule.actions().isEmpty() ? " (within scope)" : "");
        }
        // One operation for several kinds of record (attachments): each kind's own roles.
        List<String> parts = new ArrayList<>();
        for (Action<?, ?> a : rule.actions()) {
            parts.add(a.lifecycle().name() + ": " + roles(a.roles()));
        }
        return "by the record (" + String.join("; ", parts) + "), within scope";
    }

    private static String statesText(OperationRule rule) {
        StringBuilder out = new StringBuilder();
        Set<String> codes = new LinkedHashSet<>();
        for (Action<?, ?> a : rule.actions()) {
            if (a.kind() != Action.Kind.RECORD) {
                continue;
            }
            codes.addAll(refusalCodes(a));
            if (rule.actions().size() == 1 && a.from().size() < a.lifecycle().states().getEnumConstants().length) {
                out.append(" From: ").append(a.from().stream().map(Enum::name).collect(Collectors.joining(", "))).append('.');
            }
        }
        if (!codes.isEmpty()) {
            out.append(" Refusals (409): ").append(String.join(", ", codes)).append('.');
        }
        return out.toString();
    }

    /** The codes an action answers with when it cannot be taken (state first, then its rules in order). */
    static List<String> refusalCodes(Action<?, ?> a) {
        List<String> codes = new ArrayList<>();
        if (a.from().size() < a.lifecycle().states().getEnumConstants().length) {
            codes.add(a.stateRefusalCode());
        }
        a.requires().forEach(p -> codes.add(p.code()));
        return codes.stream().distinct().toList();
    }

    private static String roles(Set<String> roles) {
        return String.join(", ", roles);
    }

    private static boolean scoped(Set<String> roles) {
        return roles.stream().anyMatch(Roles.SEE_SUBTREE::contains);
    }

    static Map<String, OperationRule> rules() {
        return ApiAccess.rules();
    }
}
