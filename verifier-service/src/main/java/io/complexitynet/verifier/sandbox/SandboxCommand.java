package io.complexitynet.verifier.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts one sandboxed interpreter. Under bubblewrap: every namespace
 * unshared (no network), read-only system directories, a private size-capped tmpfs as working
 * directory, /proc and /dev of its own, an empty environment, a new session, death with its
 * parent; as root it first drops to an unprivileged user, because the kernel does not apply
 * RLIMIT_NPROC to root and bubblewrap keeps root's capabilities inside the sandbox.
 */
public record SandboxCommand(String bubblewrap, List<String> readOnlyPaths, long tmpfsBytes,
                             String python, List<String> pythonArgs, int runAsUid, boolean dropPrivileges,
                             boolean isolated) {

    public List<String> argv(String script) {
        List<String> argv = new ArrayList<>();
        if (isolated) {
            if (dropPrivileges) {
                argv.addAll(List.of("setpriv", "--reuid=" + runAsUid, "--regid=" + runAsUid, "--clear-groups"));
            }
            argv.add(bubblewrap);
            for (String path : readOnlyPaths) {
                argv.addAll(List.of("--ro-bind", path, path));
            }
            argv.addAll(List.of(
                    "--symlink", "usr/lib", "/lib",
                    "--symlink", "usr/lib64", "/lib64",
                    "--symlink", "usr/bin", "/bin",
                    "--size", Long.toString(tmpfsBytes), "--tmpfs", "/tmp",
                    "--proc", "/proc",
                    "--dev", "/dev",
                    "--unshare-all",
                    "--die-with-parent",
                    "--new-session",
                    "--clearenv",
                    "--hostname", "sandbox",
                    "--chdir", "/tmp",
                    "--"));
        }
        argv.add(python);
        argv.addAll(pythonArgs);
        argv.add("-c");
        argv.add(script);
        return argv;
    }
}
