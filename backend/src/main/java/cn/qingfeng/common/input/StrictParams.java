package cn.qingfeng.common.input;

import cn.qingfeng.common.problem.ProblemException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;

/**
 * Query, path and header parameters are read as strictly as bodies ({@link StrictJson}): dates
 * within 1900–2999, {@code true} or {@code false} for a flag (not "maybe"), enum codes exactly,
 * whole numbers without signs or spaces that do not fit. A refusal is a 400 naming the parameter.
 */
@Provider
public class StrictParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, s -> InputRules.date(s).orElse(null), InputRules.DATE_RANGE);
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) converter(name, s -> InputRules.dateTime(s).orElse(null),
                    "须为带时区的时间（ISO-8601，如 2026-03-01T08:00:00+08:00），年份 1900–2999");
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(name, s -> s.equals("true") ? Boolean.TRUE : s.equals("false") ? Boolean.FALSE : null,
                    "须为 true 或 false");
        }
        if (rawType == UUID.class && isPath(annotations)) {
            // An id in the path that cannot exist names no record: the same 404 as an unknown id.
            return (ParamConverter<T>) new ParamConverter<UUID>() {
                @Override
                public UUID fromString(String value) {
                    UUID id = value == null ? null : uuid(value);
                    if (id == null) {
                        throw ProblemException.notFound(name);
                    }
                    return id;
                }

                @Override
                public String toString(UUID value) {
                    return String.valueOf(value);
                }
            };
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, StrictParams::uuid, "不是有效的编号（UUID）");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) converter(name, s -> {
                for (Enum<?> c : type.getEnumConstants()) {
                    if (c.name().equals(s)) {
                        return c;
                    }
                }
                return null;
            }, "不是可选值之一");
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, Function<String, T> parse, String message) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                T parsed = parse.apply(value);
                if (parsed == null) {
                    throw ProblemException.invalidField(name, message);
                }
                return parsed;
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }

    private static UUID uuid(String s) {
        if (!s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return null;
        }
        return UUID.fromString(s);
    }

    private static boolean isPath(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof PathParam) {
                return true;
            }
        }
        return false;
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
        }
        return "parameter";
    }
}
