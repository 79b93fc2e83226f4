package io.complexitynet.k8s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suffix kustomize appends to a generated ConfigMap's or Secret's name: the first ten hex digits of
 * the SHA-256 of a JSON encoding of its kind, type and data, with five digits swapped for letters so the
 * suffix never reads as a number. Kustomize (api/hasher) looks the name up under a path that never
 * matches, so the name it hashes is always empty; the value here follows that to give the same suffix.
 */
final class NameSuffix {

    private NameSuffix() {
    }

    @SuppressWarnings("unchecked")
    static String of(Map<String, Object> resource) {
        String kind = (String) resource.get("kind");
        Map<String, Object> hashed = new TreeMap<>();
        hashed.put("kind", kind);
        hashed.put("name", "");
        hashed.put("data", resource.getOrDefault("data", ""));
        if ("ConfigMap".equals(kind) && resource.get("binaryData") instanceof Map<?, ?> binary) {
            hashed.put("binaryData", binary);
        } else if ("Secret".equals(kind)) {
            hashed.put("type", resource.getOrDefault("type", ""));
            if (resource.get("stringData") instanceof Map<?, ?> stringData) {
                hashed.put("stringData", stringData);
            }
        } else if (!"ConfigMap".equals(kind)) {
            throw new IllegalArgumentException("only ConfigMaps and Secrets are generated here, not " + kind);
        }
        return letters(HexFormat.of().formatHex(sha256(goJson(hashed))).substring(0, 10));
    }

    private static String letters(String hex) {
        StringBuilder suffix = new StringBuilder(hex.length());
        for (char digit : hex.toCharArray()) {
            suffix.append(switch (digit) {
                case '0' -> 'g';
                case '1' -> 'h';
                case '3' -> 'k';
                case 'a' -> 'm';
                case 'e' -> 't';
                default -> digit;
            });
        }
        return suffix.toString();
    }

    /** JSON as Go's encoding/json writes it: sorted keys, no spaces, HTML characters escaped. */
    @SuppressWarnings("unchecked")
    private static String goJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder json = new StringBuilder("{");
            for (Map.Entry<String, Object> entry : new TreeMap<>((Map<String, Object>) map).entrySet()) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append(goString(entry.getKey())).append(':').append(goJson(entry.getValue()));
            }
            return json.append('}').toString();
        }
        if (value instanceof String text) {
            return goString(text);
        }
        throw new IllegalArgumentException("generated data holds strings only, not " + value);
    }

    private static String goString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
