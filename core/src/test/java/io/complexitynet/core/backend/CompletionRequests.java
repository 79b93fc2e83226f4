package io.complexitynet.core.backend;

import io.complexitynet.core.task.CodeTask;
import java.util.List;

/** Builds the tasks and requests the backend tests send. */
final class CompletionRequests {

    static final CodeTask ADDITION = new CodeTask("7", "Write a function to add two numbers.", "",
            List.of("assert add(1, 2) == 3", "assert add(-1, 1) == 0"));

    private CompletionRequests() {
    }

    /** A request for {@link #ADDITION} at temperature 0.2 and 512 tokens. */
    static CompletionRequest addition(String model) {
        return new CompletionRequest(model, ADDITION, 0, 0.2, 512);
    }

    /** A request for a sample of a task that only its id matters for. */
    static CompletionRequest sample(String model, String taskId, int sample) {
        return new CompletionRequest(model, new CodeTask(taskId, "Any instruction.", "", List.of("assert True")), sample, 1.0, 512);
    }
}
