package cn.qingfeng.integration.oa;

import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.security.Roles;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a person is on the other side: OA login ↔ Qingfeng username, from the admins' mapping. The
 * outbound adapters name receivers by {@link #oaLoginOf}; inbound, an OA request may say for whom
 * it acts ({@code X-OA-User}), which {@link #onBehalfOf} turns into the person recorded.
 */
@ApplicationScoped
public class OaUserDirectory implements cn.qingfeng.webhook.OaLogins {

    /** The OA login of the person an OA request acts for. */
    public static final String ON_BEHALF_HEADER = "X-OA-User";

    @Inject
    OaUserService mappings;

    @Inject
    CurrentUser caller;

    @Inject
    CurrentVertxRequest request;

    /** The OA login of a Qingfeng user, if mapped. */
    @Transactional
    @Override
    public Optional<String> oaLoginOf(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return mappings.byUsername(username.trim().toLowerCase(Locale.ROOT)).map(e -> e.oaLogin);
    }

    /** The Qingfeng username of an OA login, if mapped. */
    @Transactional
    public Optional<String> usernameOf(String oaLogin) {
        if (oaLogin == null || OaUserService.loginProblem(oaLogin) != null) {
            return Optional.empty();
        }
        return mappings.find(oaLogin).map(e -> e.username);
    }

    /**
     * For whom the current request acts, when the OA's service account says so in {@code X-OA-User}:
     * the mapped username, else the OA login itself. Empty for anyone else's requests (a person
     * acts for themselves) and outside HTTP requests.
     */
    public Optional<String> onBehalfOf() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        RoutingContext rc = request.getCurrent();
        if (rc == null || !caller.authenticated() || !caller.hasRole(Roles.INTEGRATION)) {
            return Optional.empty();
        }
        String login = rc.request().getHeader(ON_BEHALF_HEADER);
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        String trimmed = login.strip();
        if (OaUserService.loginProblem(trimmed) != null) {
            return Optional.empty();
        }
        return Optional.of(usernameOf(trimmed).orElse(trimmed));
    }
}
