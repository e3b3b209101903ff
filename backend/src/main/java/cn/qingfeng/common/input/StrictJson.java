package cn.qingfeng.common.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;

/**
 * Request bodies are read as the contract writes them, not as leniently as Jackson could: a key
 * given twice, a number where a date or a string belongs, "5" for 5, 1.5 for an integer, an enum
 * with spaces around it, a NUL or a control character in a text, a date or time outside 1900–2999 — each is
 * a 400 naming the field ({@link InputRules}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** After Quarkus' own customizer (which registers the Java time module), so these rules win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // `{...} {...}` is not one body, and "" is no id, date or number: nothing is read as null.
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(false)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.EmptyString,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        SimpleModule module = new SimpleModule("qingfeng-strict-input");
        module.addDeserializer(String.class, new Text());
        module.addDeserializer(LocalDate.class, new Parsed<>(LocalDate.class, InputRules::date, InputRules.DATE_RANGE));
        module.addDeserializer(OffsetDateTime.class, new Parsed<>(OffsetDateTime.class, InputRules::dateTime,
                "时间须为带时区的 ISO-8601 格式（如 2026-01-01T00:00:00+08:00），年份在 1900 至 2999 之间"));
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                return new ExactEnum(type.getRawClass(), deserializer);
            }
        });
        mapper.registerModule(module);
    }

    /** Text as {@link InputRules#textProblem} allows it; only JSON strings are text. */
    static final class Text extends StdDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            var problem = InputRules.textProblem(text);
            if (problem.isPresent()) {
                throw ctxt.weirdStringException(text, String.class, problem.get());
            }
            return text;
        }
    }

    /**
     * A value only JSON text may hold, read by one of {@link InputRules}' parsers: a date
     * (yyyy-MM-dd, 1900-01-01 … 2999-12-31) or an instant (ISO-8601 with offset, same years).
     */
    static final class Parsed<T> extends StdDeserializer<T> {
        private final transient Function<String, Optional<T>> parser;
        private final String rule;

        Parsed(Class<T> type, Function<String, Optional<T>> parser, String rule) {
            super(type);
            this.parser = parser;
            this.rule = rule;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            return parser.apply(text).orElseThrow(() -> ctxt.weirdStringException(text, handledType(), rule));
        }
    }

    /** An enum code exactly as the contract spells it: no surrounding spaces, no other case. */
    static final class ExactEnum extends StdDeserializer<Object> {
        private final JsonDeserializer<?> delegate;

        ExactEnum(Class<?> type, JsonDeserializer<?> delegate) {
            super(type);
            this.delegate = delegate;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            for (Object constant : handledType().getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(text)) {
                    return delegate.deserialize(p, ctxt);
                }
            }
            throw ctxt.weirdStringException(text, handledType(), "不是可选值之一");
        }
    }
}
