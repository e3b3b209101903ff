package cn.qingfeng.access;

import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Permission;

/**
 * Grants {@code @PermissionsAllowed(operationId)} from {@link ApiAccess}: a caller holds the
 * permission of an operation when one of their roles is in its rule. Used by operations without
 * a record (a creation, the audit log), checked before the request body is read.
 */
@ApplicationScoped
public class AccessAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addPermissionChecker(p -> Uni.createFrom().item(granted(identity, p)))
                .build());
    }

    private static boolean granted(SecurityIdentity identity, Permission p) {
        return p instanceof StringPermission && ApiAccess.rule(p.getName())
                .map(r -> r.permits(identity.getRoles())).orElse(false);
    }
}
