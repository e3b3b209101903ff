package cn.qingfeng.bulk;

import java.util.List;

/**
 * One column of a sheet: the field it fills ({@code key}, the request's property name, so that a
 * violation of the API's rule lands on its column), the template's Chinese header and the other
 * names people give it.
 */
public record Column(String key, String header, ColumnType type, boolean required, int maxLength,
                     Class<? extends Enum<?>> enumType, List<String> synonyms, boolean readOnly, String example, String note) {

    public static Builder of(String key, String header, ColumnType type) {
        return new Builder(key, header, type);
    }

    /** Every name the column answers to, the header first. */
    public List<String> names() {
        List<String> all = new java.util.ArrayList<>();
        all.add(header);
        all.add(key);
        all.addAll(synonyms);
        return all;
    }

    public static final class Builder {
        private final String key;
        private final String header;
        private final ColumnType type;
        private boolean required;
        private int maxLength;
        private Class<? extends Enum<?>> enumType;
        private List<String> synonyms = List.of();
        private boolean readOnly;
        private String example;
        private String note;

        Builder(String key, String header, ColumnType type) {
            this.key = key;
            this.header = header;
            this.type = type;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder max(int length) {
            this.maxLength = length;
            return this;
        }

        public Builder values(Class<? extends Enum<?>> type) {
            this.enumType = type;
            return this;
        }

        public Builder aka(String... names) {
            this.synonyms = List.of(names);
            return this;
        }

        /** Written by export, ignored by import (a state, a warning colour). */
        public Builder readOnly() {
            this.readOnly = true;
            return this;
        }

        public Builder example(String value) {
            this.example = value;
            return this;
        }

        public Builder note(String text) {
            this.note = text;
            return this;
        }

        public Column build() {
            return new Column(key, header, type, required, maxLength, enumType, synonyms, readOnly, example, note);
        }
    }
}
