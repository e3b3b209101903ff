package cn.qingfeng.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, as its bearer token describes it. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    public boolean authenticated() {
        return !identity.isAnonymous();
    }

    private Optional<JsonWebToken> token() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? Optional.of(jwt) : Optional.empty();
    }

    /** Stable subject id (Keycloak user id). */
    public String subject() {
        return token().map(JsonWebToken::getSubject).orElse(attribute(RunAs.SUBJECT).orElse(identity.getPrincipal().getName()));
    }

    public String username() {
        return identity.getPrincipal().getName();
    }

    /** The person's display name (claim {@code name}), falling back to the username. */
    public String displayName() {
        return token().map(t -> t.<String>getClaim("name")).or(() -> attribute(RunAs.NAME)).filter(n -> !n.isBlank())
                .orElse(username());
    }

    /** Code of the user's own unit (claim {@code unit}); service accounts have none. */
    public Optional<String> unitCode() {
        return token().map(t -> t.<String>getClaim("unit")).or(() -> attribute(RunAs.UNIT)).filter(u -> !u.isBlank());
    }

    /** The OIDC client the token was issued to ({@code azp}). */
    public Optional<String> clientId() {
        return token().map(t -> t.<String>getClaim("azp")).or(() -> attribute(RunAs.CLIENT_ID));
    }

    /** The id of the server work done on someone's behalf (a bulk import), if this is such work. */
    public Optional<String> correlationId() {
        return attribute(RunAs.CORRELATION);
    }

    public ClientKind clientKind() {
        if (token().isEmpty() && identity.getAttribute(RunAs.SUBJECT) != null) {
            return attribute(RunAs.CLIENT).map(ClientKind::valueOf).orElse(ClientKind.SYSTEM);
        }
        return switch (clientId().orElse("")) {
            case "qingfeng-spa" -> ClientKind.UI;
            case "oa-system" -> ClientKind.OA;
            case "import-script" -> ClientKind.IMPORT;
            default -> ClientKind.API;
        };
    }

    private Optional<String> attribute(String name) {
        return Optional.ofNullable(identity.getAttribute(name));
    }

    public Set<String> roles() {
        Set<String> known = new TreeSet<>(identity.getRoles());
        known.retainAll(Roles.ALL);
        return known;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** 403 unless the caller has one of the roles (a check on top of the resource's {@code @RolesAllowed}). */
    public void requireAnyRole(String... roles) {
        if (!hasAnyRole(roles)) {
            throw new cn.qingfeng.common.problem.ProblemException(403, "forbidden", "Forbidden", "你的角色无权执行该操作");
        }
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }
}
