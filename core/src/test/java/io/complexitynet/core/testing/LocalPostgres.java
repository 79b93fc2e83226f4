package io.complexitynet.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The machine's own PostgreSQL cluster (Debian's {@code pg_ctlcluster}, port 5432), stopped and started again by a
 * chaos test as an operator's restart would: {@code stop -m fast} cuts every connection. Needs root, or sudo
 * without a password, as {@code .ci/run} does to start it.
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    /** Stops the cluster as a fast shutdown does: every connection is cut. */
    public static void stop() throws InterruptedException {
        control(version(), "stop", "-m", "fast");
    }

    /** Starts the cluster again; returns once it accepts connections. */
    public static void start() throws InterruptedException {
        control(version(), "start");
    }

    private static String version() {
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(path -> path.getFileName().toString()).sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL cluster under /etc/postgresql"));
        } catch (IOException e) {
            throw new UncheckedIOException("no Debian PostgreSQL cluster on this machine", e);
        }
    }

    private static void control(String version, String... action) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main"));
        command.addAll(List.of(action));
        RootCommand.run(command.toArray(String[]::new));
    }
}
