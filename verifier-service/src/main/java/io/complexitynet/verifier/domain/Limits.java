package io.complexitynet.verifier.domain;

import java.time.Duration;

/**
 * What one candidate's sandboxed run may use. CPU time is one second above the wall time so
 * that a busy loop is reported as a timeout, the limit the caller chose.
 */
public record Limits(Duration wallTime, long memoryBytes, long fileSizeBytes, int processes,
                     int openFiles, int outputBytes) {

    public long cpuSeconds() {
        return Math.max(1, (wallTime.toMillis() + 999) / 1000) + 1;
    }

    public Limits withRequest(Duration requestedWallTime, long requestedMemoryBytes) {
        return new Limits(requestedWallTime.isZero() ? wallTime : requestedWallTime,
                requestedMemoryBytes == 0 ? memoryBytes : requestedMemoryBytes,
                fileSizeBytes, processes, openFiles, outputBytes);
    }
}
