package cn.qingfeng.bulk.export;

import cn.qingfeng.bulk.UnitDirectory;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The filters a request set on a list, read from its filter bean (the fields bound with
 * {@code @QueryParam}), so every export states its filters without a list of its own: raw for the
 * journal, in words for the workbook's 导出信息 sheet.
 */
record ExportFilters(List<Map.Entry<String, Object>> given) {

    static ExportFilters of(Object bean) {
        List<Map.Entry<String, Object>> out = new ArrayList<>();
        for (Field f : bean.getClass().getFields()) {
            QueryParam q = f.getAnnotation(QueryParam.class);
            if (q == null || Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            try {
                Object v = f.get(bean);
                if (v != null && !(v instanceof String s && s.isBlank())) {
                    out.add(Map.entry(q.value(), v));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return new ExportFilters(List.copyOf(out));
    }

    /** {name: value as sent}, for the journal. */
    Map<String, Object> raw() {
        Map<String, Object> m = new LinkedHashMap<>();
        given.forEach(e -> m.put(e.getKey(), e.getValue().toString()));
        return m;
    }

    /** "状态：已下发", "单位：体育场馆管理中心" …, for people. */
    List<String> readable(UnitDirectory units) {
        return given.stream().map(e -> ExportLabels.param(e.getKey()) + "：" + words(e.getKey(), e.getValue(), units)).toList();
    }

    private static String words(String name, Object v, UnitDirectory units) {
        if (v instanceof Enum<?> e) {
            return ExportLabels.of(e);
        }
        if (v instanceof Boolean b) {
            return ExportLabels.yesNo(b);
        }
        if (v instanceof UUID id && name.equals("unitId") && units.label(id) != null) {
            return units.label(id);
        }
        return v.toString();
    }
}
