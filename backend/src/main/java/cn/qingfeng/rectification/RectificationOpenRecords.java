package cn.qingfeng.rectification;

import cn.qingfeng.rectification.RectificationEnums.Status;
import cn.qingfeng.unit.UnitOpenRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
        return items.em().createQuery("select count(i) from RectificationItemEntity i where i.unitId = :u and i.status <> :closed", Long.class)
                .setParameter("u", unitId).setParameter("closed", Status.CLOSED).getSingleResult();
    }
}
