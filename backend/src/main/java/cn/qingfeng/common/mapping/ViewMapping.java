package cn.qingfeng.common.mapping;

import org.mapstruct.MapperConfig;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/**
 * How every ledger's mapper maps entities to views: by name, as CDI beans, and a view field
 * nobody maps is a compile error (no positional constructor to fill in the wrong order).
 */
@MapperConfig(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI, unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface ViewMapping {
}
