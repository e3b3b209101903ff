package cn.qingfeng.rectification;

import cn.qingfeng.common.ledger.AllowedAction;
import cn.qingfeng.common.mapping.ViewMapping;
import cn.qingfeng.common.origin.OriginRef;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.rectification.RectificationViews.ClosureView;
import cn.qingfeng.rectification.RectificationViews.ItemView;
import cn.qingfeng.rectification.RectificationViews.RectificationProgressView;
import cn.qingfeng.unit.UnitRef;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** The rectification ledger's entities to views; what an entity does not hold comes as a parameter. */
@Mapper(config = ViewMapping.class)
public interface RectificationMapper {

    @Mapping(target = "id", source = "item.id")
    @Mapping(target = "code", source = "item.code")
    ItemView item(RectificationItemEntity item, UnitRef unit, OriginRef origin, Warning warning, boolean progressDue,
                  List<AllowedAction> allowedActions);

    ClosureView closure(RectificationClosureEntity closure);

    RectificationProgressView progress(RectificationProgressEntity progress);
}
