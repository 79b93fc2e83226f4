package io.complexitynet.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The images the image build made, as it lists them in {@code images/target/images.tsv}: per line an image's
 * name, a tab and its full reference by digest. The registry prefix is whatever the build was given, so it is
 * read from here, never assumed.
 */
record BuiltImages(Map<String, String> references) {

    static final Path LIST = ManifestTree.root().resolveSibling("images").resolve("target/images.tsv");

    private static final Pattern BY_DIGEST = Pattern.compile("[^@\\s]+@sha256:[0-9a-f]{64}");
    /** How the base names our images before the component gives them a registry and a digest. */
    private static final String UNBUILT_PREFIX = "complexitynet/";

    static BuiltImages read() {
        return read(LIST);
    }

    /** The list at {@code file}; fails, saying what to do, when no build wrote it. */
    static BuiltImages read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " is missing: build the images first (see images/README.md); the overlays must run"
                    + " exactly the images it lists");
        }
        Map<String, String> references = new LinkedHashMap<>();
        for (String line : ManifestYaml.read(file).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 2 || !BY_DIGEST.matcher(fields[1]).matches()
                    || !ImageReference.parse(fields[1]).name().endsWith("/" + fields[0])) {
                throw new AssertionError(file + ": \"" + line + "\" is not <name>\\t<registry>/<name>@sha256:<64 hex digits>");
            }
            references.put(fields[0], fields[1]);
        }
        return new BuiltImages(references);
    }

    /** The reference the build made for the image {@code name}. */
    String reference(String name) {
        String reference = references.get(name);
        if (reference == null) {
            throw new AssertionError(LIST + " lists no image " + name + ", only " + references.keySet());
        }
        return reference;
    }

    boolean made(String reference) {
        return references.containsValue(reference);
    }

    /**
     * Whether {@code image} is one of ours, however it is spelt: named as the base names them, under a registry
     * the build pushed to, or bearing the name of an image it built.
     */
    boolean isOurs(String image) {
        String name = ImageReference.parse(image).name();
        if (name.startsWith(UNBUILT_PREFIX)) {
            return true;
        }
        return references.entrySet().stream().anyMatch(built -> {
            String builtName = ImageReference.parse(built.getValue()).name();
            String registry = builtName.substring(0, builtName.length() - built.getKey().length());
            return name.startsWith(registry) || name.endsWith("/" + built.getKey());
        });
    }
}
