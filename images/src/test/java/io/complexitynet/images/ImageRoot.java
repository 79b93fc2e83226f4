package io.complexitynet.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.testing.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A built image unpacked as a container runtime would (umoci: its layers applied, its configuration turned into
 * an OCI runtime spec), and started the way the verifier sandboxes code when no runtime works here: under
 * bubblewrap with the image's root as a read-only root, the image's user, entrypoint, working directory and
 * environment, nothing of this machine's but /etc/hosts, and the network shared with it.
 */
final class ImageRoot implements ServiceProcess.Launch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path rootfs;
    private final JsonNode process;
    private final Map<Path, String> readOnlyMounts = new LinkedHashMap<>();

    private ImageRoot(Path rootfs, JsonNode process) {
        this.rootfs = rootfs;
        this.process = process;
    }

    /** The image in {@code archive} (an oci-archive), unpacked under {@code directory}. */
    static ImageRoot unpack(Path archive, Path directory) throws IOException, InterruptedException {
        Path layout = directory.resolve("layout");
        Path bundle = directory.resolve("bundle");
        run(List.of("rm", "-rf", directory.toString()));
        Files.createDirectories(layout);
        run(List.of("tar", "-xf", archive.toString(), "-C", layout.toString()));
        String tag = JSON.readTree(layout.resolve("index.json").toFile()).at("/manifests/0/annotations")
                .path("org.opencontainers.image.ref.name").asText();
        run(List.of("umoci", "unpack", "--image", layout + ":" + tag, bundle.toString()));
        // umoci keeps the bundle to its owner; the image's user must reach the root file system inside it.
        run(List.of("chmod", "0755", bundle.toString()));
        JsonNode spec = JSON.readTree(bundle.resolve("config.json").toFile());
        return new ImageRoot(bundle.resolve("rootfs"), spec.path("process"));
    }

    Path rootfs() {
        return rootfs;
    }

    long uid() {
        return process.at("/user/uid").asLong();
    }

    List<String> args() {
        List<String> args = new ArrayList<>();
        process.path("args").forEach(arg -> args.add(arg.asText()));
        return args;
    }

    /** Mounts a directory of this machine read-only at {@code target}, which must exist in the image. */
    ImageRoot withReadOnly(Path source, String target) {
        readOnlyMounts.put(source, target);
        return this;
    }

    @Override
    public ProcessBuilder process(Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        if (ProcessHandle.current().info().user().map("root"::equals).orElse(false)) {
            long gid = process.at("/user/gid").asLong();
            command.addAll(List.of("/usr/bin/setpriv", "--reuid=" + uid(), "--regid=" + gid, "--clear-groups"));
        }
        command.addAll(List.of("/usr/bin/bwrap", "--ro-bind", rootfs.toString(), "/", "--ro-bind", "/etc/hosts", "/etc/hosts",
                "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
                "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--die-with-parent", "--clearenv",
                "--chdir", process.path("cwd").asText("/")));
        readOnlyMounts.forEach((source, target) -> command.addAll(List.of("--ro-bind", source.toString(), target)));
        Map<String, String> variables = new LinkedHashMap<>();
        process.path("env").forEach(entry -> {
            String[] pair = entry.asText().split("=", 2);
            variables.put(pair[0], pair[1]);
        });
        variables.putAll(environment);
        variables.forEach((name, value) -> command.addAll(List.of("--setenv", name, value)));
        command.add("--");
        command.addAll(args());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        return builder;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
