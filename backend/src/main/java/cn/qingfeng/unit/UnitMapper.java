package cn.qingfeng.unit;

import cn.qingfeng.common.ledger.AllowedAction;
import cn.qingfeng.common.mapping.ViewMapping;
import java.util.List;
import org.mapstruct.Mapper;

/** Units to views. */
@Mapper(config = ViewMapping.class)
public interface UnitMapper {

    UnitView unit(UnitEntity unit, List<AllowedAction> allowedActions);
}
