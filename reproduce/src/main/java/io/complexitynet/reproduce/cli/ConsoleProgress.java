package io.complexitynet.reproduce.cli;

import io.complexitynet.reproduce.application.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on the console: on a terminal one line updated in place; otherwise (a log, a pipe) a line at
 * every tenth of a stage, so the output stays short.
 */
final class ConsoleProgress implements Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private String stage = "";
    private long lastTenth = -1;
    private boolean lineOpen;

    ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void step(String message) {
        closeLine();
        out.printf(Locale.ROOT, "[%5.1f s] %s%n", elapsed(), message);
        stage = "";
    }

    @Override
    public synchronized void advance(String what, long done, long total) {
        if (!what.equals(stage)) {
            stage = what;
            lastTenth = -1;
        }
        long tenth = total == 0 ? 10 : 10 * done / total;
        String line = String.format(Locale.ROOT, "[%5.1f s]   %s: %d/%d", elapsed(), what, done, total);
        if (terminal) {
            out.print("\r" + line + "\033[K");
            lineOpen = true;
        } else if (tenth != lastTenth) {
            out.println(line);
        }
        lastTenth = tenth;
    }

    private void closeLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    private double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }
}
