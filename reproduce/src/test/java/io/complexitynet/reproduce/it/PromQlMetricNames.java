package io.complexitynet.reproduce.it;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects: identifiers standing as a selector, alone or before {@code {} or
 * {@code [}, not functions or aggregations (followed by {@code (}), keywords, numbers and durations, label names in
 * matchers and grouping lists, or text in strings. A name given only as {@code __name__="..."} is not seen.
 */
final class PromQlMetricNames {

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    // Grafana's variables ($__rate_interval, ${datasource}) before the braces of ${...} could pass for a matcher.
    private static final Pattern VARIABLES = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LISTS = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    // Numbers first, so that 5m, 1e3 and 0x1f are read whole and never as a name.
    private static final Pattern TOKENS = Pattern.compile("[0-9.](?:[0-9a-zA-Z_.]|(?<=[0-9][eE])[+-])*|([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring",
            "group_left", "group_right", "atan2", "inf", "nan");

    private PromQlMetricNames() {
    }

    static Set<String> in(String expression) {
        String selectors = expression;
        for (Pattern dropped : new Pattern[] {STRINGS, VARIABLES, MATCHERS, RANGES, LABEL_LISTS}) {
            selectors = dropped.matcher(selectors).replaceAll(" ");
        }
        Set<String> names = new TreeSet<>();
        Matcher token = TOKENS.matcher(selectors);
        while (token.find()) {
            String name = token.group(1);
            if (name != null && token.group(2) == null && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }
}
