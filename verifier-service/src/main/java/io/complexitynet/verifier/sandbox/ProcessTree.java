package io.complexitynet.verifier.sandbox;

/** A sandboxed process and everything it started, killed together from outside. */
public final class ProcessTree {

    private ProcessTree() {
    }

    public static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
