package io.complexitynet.router.domain;

import io.complexitynet.core.task.ChatTurn;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a model is asked for one request: the prompt (what replayed models look their recording up by), the setup and
 * tests our own prompt shows, the caller's chat messages when it sent some (they go to chat models as they are), and
 * the caller's sampling settings where it gave them (temperature for the first answer; a cap below each model's own
 * max-tokens).
 */
public record Question(String prompt, String setupCode, List<String> tests, List<ChatTurn> conversation, OptionalDouble temperature,
                       OptionalInt maxTokens) {

    public Question {
        tests = List.copyOf(tests);
        conversation = List.copyOf(conversation);
    }
}
