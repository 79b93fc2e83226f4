package io.complexitynet.verifier.domain;

/** The limit a candidate ran into. */
public enum ResourceKind {
    MEMORY, OUTPUT, PROCESSES, CPU, FILE_SIZE, OPEN_FILES
}
