package io.complexitynet.verifier.domain;

import java.util.List;

/**
 * Runs candidates in isolation. Every run gets a fresh interpreter process with its limits; a
 * run's outcome never depends on another run of the same batch.
 */
public interface Sandbox {

    /** Runs every candidate of a batch; one outcome per run, in order. Never throws for a candidate's behaviour. */
    List<RunOutcome> run(List<SandboxRun> runs);

    /** A short name for logs and metrics, e.g. "bubblewrap". */
    String name();
}
