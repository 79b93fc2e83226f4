package io.complexitynet.core.task;

/** Which part of a data split a task belongs to. */
public enum Partition {
    /** Fits the classifier and the pass heads. */
    TRAIN,
    /** Calibrates the pass heads, selects the complexity source and the routing threshold. */
    VALIDATION,
    /** Reported, never trained or tuned on. */
    TEST,
    /** Used for nothing (MBPP's few-shot prompts, tasks outside an explicit split). */
    EXCLUDED
}
