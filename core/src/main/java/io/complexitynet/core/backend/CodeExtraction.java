package io.complexitynet.core.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the Python out of a model's reply. Models asked for code only still wrap it in markdown
 * fences, add prose around it, or put an example run in a second block; the verifier wants just
 * the module.
 */
public final class CodeExtraction {

    private static final Pattern OPENING_FENCE = Pattern.compile("\\s*```+\\s*([^\\s`]*).*");
    private static final Pattern CLOSING_FENCE = Pattern.compile("\\s*```+\\s*");
    // An unlabelled block is code more often than not; "python3" is what some models write.
    private static final Set<String> PYTHON = Set.of("", "python", "py", "python3");
    private static final Pattern LEADING_BLANK_LINES = Pattern.compile("\\A(?:[ \\t]*\\n)+");

    private CodeExtraction() {
    }

    /**
     * The code in a reply: the contents of its Python and unlabelled fenced blocks, in order,
     * joined by a blank line; a final fence the model never closed runs to the end of the reply.
     * A reply with no such block (no fences, or only other languages' blocks) is returned
     * stripped but otherwise whole, so the verifier judges what the model wrote instead of
     * receiving nothing.
     */
    public static String fromReply(String reply) {
        List<String> blocks = new ArrayList<>();
        List<String> open = null;
        boolean keep = false;
        for (String line : reply.split("\\R", -1)) {
            if (open == null) {
                Matcher opening = OPENING_FENCE.matcher(line);
                if (opening.matches()) {
                    open = new ArrayList<>();
                    keep = PYTHON.contains(opening.group(1).toLowerCase(Locale.ROOT));
                }
            } else if (CLOSING_FENCE.matcher(line).matches()) {
                addIfCode(blocks, open, keep);
                open = null;
            } else {
                open.add(line);
            }
        }
        if (open != null) {
            addIfCode(blocks, open, keep);
        }
        return blocks.isEmpty() ? reply.strip() : String.join("\n\n", blocks);
    }

    private static void addIfCode(List<String> blocks, List<String> lines, boolean keep) {
        // stripIndent: a fence inside a markdown list item is indented, and so is all its code.
        String code = LEADING_BLANK_LINES.matcher(String.join("\n", lines)).replaceFirst("").stripTrailing().stripIndent();
        if (keep && !code.isEmpty()) {
            blocks.add(code);
        }
    }
}
