package cn.qingfeng.statistics;

import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Binds a drill-down query (list query parameters as text) to the list's filter bean, as the REST
 * layer would: a figure is counted from exactly the filter its drill-down link produces.
 */
final class DrillBinder {

    private DrillBinder() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <F> F bind(Class<F> type, Map<String, String> query) {
        try {
            F filter = type.getDeclaredConstructor().newInstance();
            int bound = 0;
            for (Field field : type.getFields()) {
                QueryParam name = field.getAnnotation(QueryParam.class);
                if (name == null || !query.containsKey(name.value())) {
                    continue;
                }
                String text = query.get(name.value());
                Class<?> t = field.getType();
                Object value;
                if (t == String.class) {
                    value = text;
                } else if (t == UUID.class) {
                    value = UUID.fromString(text);
                } else if (t == LocalDate.class) {
                    value = LocalDate.parse(text);
                } else if (t == Boolean.class) {
                    value = Boolean.valueOf(text);
                } else if (t == Integer.class) {
                    value = Integer.valueOf(text);
                } else if (t.isEnum()) {
                    value = Enum.valueOf((Class<Enum>) t, text);
                } else {
                    throw new IllegalArgumentException("no binding for " + t);
                }
                field.set(filter, value);
                bound++;
            }
            if (bound != query.size()) {
                throw new IllegalArgumentException("unknown parameter in " + query + " for " + type.getSimpleName());
            }
            return filter;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
