package io.complexitynet.reproduce.it;

import io.complexitynet.reproduce.application.Progress;

/** A reproduction's progress in a test's output, a line per step and per finished stage, after the test's prefix. */
final class PrintedProgress implements Progress {

    private final String prefix;

    PrintedProgress(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void step(String message) {
        System.out.println(prefix + ": " + message);
    }

    @Override
    public void advance(String what, long done, long total) {
        if (done == total) {
            System.out.println(prefix + ":   " + what + ": " + done + "/" + total);
        }
    }
}
