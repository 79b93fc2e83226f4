package io.complexitynet.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The JSONL shapes a data set may arrive in, each line one task:
 * <ul>
 * <li>{@code mbpp}: {@code task_id} (integer), {@code text}, {@code test_list}, optional {@code code} and
 * {@code test_setup_code};</li>
 * <li>{@code humaneval}: {@code task_id} (string), {@code prompt}, {@code entry_point}, {@code test} (defines
 * {@code check(candidate)}), optional {@code canonical_solution}; as a task: setup = {@code test}, tests =
 * [{@code check(<entry_point>)}], reference = {@code prompt + canonical_solution};</li>
 * <li>{@code generic}: {@code id} (string), {@code prompt}, {@code tests} (test statements), optional
 * {@code setup_code} and {@code reference_solution}.</li>
 * </ul>
 */
public enum TaskFormat {
    MBPP("task_id", "text", "test_list"),
    HUMANEVAL("task_id", "entry_point", "test"),
    GENERIC("id", "prompt", "tests");

    private final String idField;
    private final String[] telltales;

    TaskFormat(String idField, String... telltales) {
        this.idField = idField;
        this.telltales = telltales;
    }

    /** The field that holds a line's id. */
    public String idField() {
        return idField;
    }

    /** Its name in requests and documentation: "mbpp", "humaneval", "generic". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the formats there are */
    public static TaskFormat named(String name) {
        return Arrays.stream(values()).filter(format -> format.label().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a data set format; use one of " + labels()));
    }

    /** The format whose fields a line has; empty when it has none's. */
    public static Optional<TaskFormat> recognise(JsonNode line) {
        return Arrays.stream(values()).filter(format -> Arrays.stream(format.telltales).allMatch(line::has)).findFirst();
    }

    public static String labels() {
        return Arrays.stream(values()).map(TaskFormat::label).collect(Collectors.joining(", "));
    }
}
