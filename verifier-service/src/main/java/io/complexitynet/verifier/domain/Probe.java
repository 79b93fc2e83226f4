package io.complexitynet.verifier.domain;

/**
 * The part of a test that calls candidate code, run inside the sandbox. Its value, never the
 * expected one, comes back out. Kinds: an expression, a generator expression (collected into a
 * list), or a plain statement.
 */
public record Probe(Kind kind, String source) {

    public enum Kind {
        EXPRESSION("e"), GENERATOR("g"), STATEMENT("s");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Kind ofCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown probe kind " + code);
        }
    }
}
