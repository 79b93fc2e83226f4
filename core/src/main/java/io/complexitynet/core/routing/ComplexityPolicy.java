package io.complexitynet.core.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The paper's allocation: a fixed map from the predicted complexity class to a ladder index. Written in
 * configuration as {@code "1-2:0,3-4:1,5:2"} (complexity or inclusive range, colon, model index).
 */
public record ComplexityPolicy(Map<Integer, Integer> complexityToModel) implements RoutingPolicy {

    private static final Pattern ENTRY = Pattern.compile("(\\d+)\\s*(?:-\\s*(\\d+))?\\s*:\\s*(\\d+)");

    public ComplexityPolicy {
        if (complexityToModel == null || complexityToModel.isEmpty()) {
            throw new IllegalArgumentException("the complexity mapping needs at least one entry");
        }
        complexityToModel.forEach((complexity, model) -> {
            if (complexity == null || model == null || complexity < 0 || model < 0) {
                throw new IllegalArgumentException("complexities and model indices are never negative or missing: "
                        + complexity + " -> " + model);
            }
        });
        complexityToModel = Collections.unmodifiableSortedMap(new TreeMap<>(complexityToModel));
    }

    /** The paper's mapping: complexity 1-2 to Code Llama, 3-4 to GPT-3.5, 5 to GPT-4. */
    public static ComplexityPolicy paper() {
        return parse("1-2:0,3-4:1,5:2");
    }

    /** Reads a mapping such as {@code "1-2:0,3-4:1,5:2"}; every complexity may appear once. */
    public static ComplexityPolicy parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("the complexity mapping is empty; expected e.g. \"1-2:0,3-4:1,5:2\"");
        }
        Map<Integer, Integer> mapping = new TreeMap<>();
        for (String part : spec.split(",", -1)) {
            Matcher entry = ENTRY.matcher(part.strip());
            if (!entry.matches()) {
                throw new IllegalArgumentException("bad entry '" + part.strip() + "' in complexity mapping '" + spec
                        + "': expected <complexity>[-<complexity>]:<model index>, e.g. 1-2:0");
            }
            int from = parseNumber(entry.group(1), spec);
            int to = entry.group(2) == null ? from : parseNumber(entry.group(2), spec);
            int model = parseNumber(entry.group(3), spec);
            if (to < from) {
                throw new IllegalArgumentException("range " + from + "-" + to + " in complexity mapping '" + spec
                        + "' runs backwards");
            }
            for (int complexity = from; complexity <= to; complexity++) {
                if (mapping.put(complexity, model) != null) {
                    throw new IllegalArgumentException("complexity " + complexity + " appears twice in complexity mapping '"
                            + spec + "'");
                }
            }
        }
        return new ComplexityPolicy(mapping);
    }

    private static int parseNumber(String digits, String spec) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("number " + digits + " in complexity mapping '" + spec + "' is too large", e);
        }
    }

    /** The mapping in the form {@link #parse} reads, consecutive complexities with the same model as a range. */
    public String spec() {
        List<int[]> ranges = new ArrayList<>();
        complexityToModel.forEach((complexity, model) -> {
            int[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && last[1] + 1 == complexity && last[2] == model) {
                last[1] = complexity;
            } else {
                ranges.add(new int[] {complexity, complexity, model});
            }
        });
        return ranges.stream()
                .map(range -> (range[0] == range[1] ? String.valueOf(range[0]) : range[0] + "-" + range[1]) + ":" + range[2])
                .collect(Collectors.joining(","));
    }

    @Override
    public int choose(Prediction prediction) {
        if (prediction.complexity().isEmpty()) {
            throw new IllegalArgumentException("the complexity policy needs a predicted complexity, the prediction has none");
        }
        int complexity = prediction.complexity().getAsInt();
        Integer model = complexityToModel.get(complexity);
        if (model == null) {
            throw new IllegalArgumentException("complexity " + complexity + " is not in the mapping " + spec());
        }
        return model;
    }

    @Override
    public String describe() {
        return "complexity mapping " + spec();
    }

    @Override
    public String explain(Prediction prediction) {
        int model = choose(prediction);
        return "complexity " + prediction.complexity().getAsInt() + " maps to model " + model + " (" + spec() + ")";
    }
}
