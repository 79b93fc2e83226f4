package io.complexitynet.reproduce.application;

/** Where a reproduction reports what it is doing while it runs. */
public interface Progress {

    /** A new stage has begun, or something worth a line happened. */
    void step(String message);

    /** Progress within the current stage: {@code done} of {@code total} units of {@code what}. */
    void advance(String what, long done, long total);
}
