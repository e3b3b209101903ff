package cn.qingfeng.measure;

import cn.qingfeng.common.ledger.AllowedAction;
import cn.qingfeng.common.mapping.ViewMapping;
import cn.qingfeng.common.warning.Warning;
import java.util.List;
import java.util.UUID;
import org.mapstruct.Mapper;

/** Measures to views. */
@Mapper(config = ViewMapping.class)
public interface MeasureMapper {

    MeasureView view(MeasureEntity measure, UUID itemId, UUID riskId, Warning warning, List<AllowedAction> allowedActions);
}
