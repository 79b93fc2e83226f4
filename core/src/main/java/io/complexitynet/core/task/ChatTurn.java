package io.complexitynet.core.task;

import java.util.Set;

/** One message of a conversation a caller sends as it is (OpenAI's chat messages): {@code system}, {@code user} or {@code assistant}. */
public record ChatTurn(String role, String content) {

    public static final Set<String> ROLES = Set.of("system", "user", "assistant");

    public ChatTurn {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("a message's role is one of " + ROLES + ", not '" + role + "'");
        }
        if (content == null) {
            throw new IllegalArgumentException("a message needs content");
        }
    }
}
