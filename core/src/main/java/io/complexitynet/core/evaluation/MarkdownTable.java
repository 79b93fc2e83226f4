package io.complexitynet.core.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** A GitHub-flavoured Markdown table built row by row; doubles are written with three decimals, other cells as they are. */
public final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(String... header) {
        this(List.of(header));
    }

    public MarkdownTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    public MarkdownTable row(Object... cells) {
        return row(List.of(cells));
    }

    public MarkdownTable row(List<?> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of " + header.size());
        }
        rows.add(cells.stream().map(MarkdownTable::cell).toList());
        return this;
    }

    public static String decimal(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String cell(Object value) {
        return value instanceof Double number ? decimal(number) : String.valueOf(value);
    }

    @Override
    public String toString() {
        StringBuilder table = new StringBuilder();
        line(table, header);
        line(table, Collections.nCopies(header.size(), "---"));
        rows.forEach(row -> line(table, row));
        return table.toString();
    }

    private static void line(StringBuilder table, List<String> cells) {
        table.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
