package io.complexitynet.database;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Values kept as JSON text in a column (a task's tests, a label's pass counts, a model's metrics); unreadable text is a corrupt row. */
public final class JsonColumn {

    private JsonColumn() {
    }

    public static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T read(ObjectMapper json, String text, Class<T> type, String what) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " is not readable JSON", e);
        }
    }

    public static <T> T read(ObjectMapper json, String text, TypeReference<T> type, String what) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " is not readable JSON", e);
        }
    }
}
