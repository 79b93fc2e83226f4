package io.complexitynet.model.domain;

import io.complexitynet.core.probe.ProbeOutcome;

/**
 * One labelled answer whose test-free run was recorded: which task and ladder model it answered, how long it is,
 * whether its tests passed and what running it without tests showed. The no-tests cascade's scorer learns from these.
 *
 * @param taskId      the task's id as its {@link LabelledTask#sourceId()} names it
 * @param modelIndex  the answering model's place in the ladder, 0 = cheapest
 * @param sampleIndex which of the model's k answers to the task (0 = the first, the one a router replays first)
 */
public record RecordedAnswer(String taskId, int modelIndex, int sampleIndex, int answerChars, boolean passed, ProbeOutcome probe) {

    public RecordedAnswer {
        if (taskId == null || taskId.isBlank() || probe == null) {
            throw new IllegalArgumentException("a recorded answer needs its task and its test-free run's outcome");
        }
        if (modelIndex < 0 || sampleIndex < 0 || answerChars < 0) {
            throw new IllegalArgumentException("answer of task " + taskId + ": model " + modelIndex + ", sample " + sampleIndex
                    + ", " + answerChars + " characters");
        }
    }
}
