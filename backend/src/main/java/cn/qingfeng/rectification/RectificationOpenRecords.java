package cn.qingfeng.rectification;

import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.rectification.RectificationEnums.Status;
import cn.qingfeng.unit.UnitOpenRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** A unit with rectification items not yet closed off cannot be deactivated. */
@ApplicationScoped
public class RectificationOpenRecords implements UnitOpenRecords {

    @Inject
    RectificationRepository items;

    @Override
    public String kind() {
        return "rectification";
    }

    @Override
    public long countOpen(UUID unitId) {
        return items.items(DataScope.everything()).where("e.unitId = :u", "u", unitId)
                .where("e.status <> :closed", "closed", Status.CLOSED).count();
    }

    @Override
    public String label() {
        return "整改事项";
    }

    @Override
    public Set<UUID> withOpen(Collection<UUID> unitIds) {
        return items.unitsWithOpen(unitIds);
    }
}
