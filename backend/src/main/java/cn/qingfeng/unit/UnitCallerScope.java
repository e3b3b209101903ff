package cn.qingfeng.unit;

import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * DESIGN.md's data scope: admin, supervisor, leader and auditor see every unit; unit officers and
 * viewers see their unit (claim {@code unit}) and the units below it; the OA and import service
 * accounts (integration / importer without a unit) act for the whole bureau. A person holding
 * importer or integration gets no wider scope from it. Anyone else sees nothing. A deactivated
 * unit still scopes its people: their old records stay readable.
 */
@RequestScoped
public class UnitCallerScope implements CallerScope {

    @Inject
    CurrentUser user;

    @Inject
    UnitRepository units;

    private DataScope cached;

    @Override
    public DataScope current() {
        if (cached == null) {
            cached = compute();
        }
        return cached;
    }

    /** The caller's own unit, if the token names one that exists. */
    public Optional<UnitEntity> ownUnit() {
        return user.unitCode().flatMap(units::byCode);
    }

    private DataScope compute() {
        if (!user.authenticated()) {
            return DataScope.nothing();
        }
        if (Roles.SEE_ALL.stream().anyMatch(user::hasRole)
                || (user.unitCode().isEmpty() && Roles.SERVICE.stream().anyMatch(user::hasRole))) {
            return DataScope.everything();
        }
        if (Roles.SEE_SUBTREE.stream().anyMatch(user::hasRole)) {
            return ownUnit().map(u -> DataScope.units(units.subtreeIds(u))).orElse(DataScope.nothing());
        }
        return DataScope.nothing();
    }
}
