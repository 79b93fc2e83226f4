package io.complexitynet.verifier.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts one sandboxed interpreter. Under bubblewrap: every namespace
 * unshared (no network), read-only system directories and root, a private size-capped tmpfs as
 * working directory and the only writable path, /proc and /dev of its own, a POSIX message-queue
 * file system (so the supervisor can see and remove what a candidate left), an empty environment,
 * a new session, death with its parent, and the interpreter as PID 1 of its namespace (so nothing
 * inside can signal it, and it can kill everything inside); as root it first drops to an
 * unprivileged user, because the kernel does not apply RLIMIT_NPROC to root and bubblewrap keeps
 * root's capabilities inside the sandbox. The read-only paths come from {@code root}, another root file system
 * (the sandbox image's), or from this machine's when it is empty.
 */
public record SandboxCommand(String bubblewrap, String root, List<String> readOnlyPaths, long tmpfsBytes,
                             String python, List<String> pythonArgs, int runAsUid, boolean dropPrivileges,
                             boolean isolated) {

    public List<String> argv(String script, String... scriptArgs) {
        List<String> argv = new ArrayList<>();
        if (isolated) {
            if (dropPrivileges) {
                argv.addAll(List.of("setpriv", "--reuid=" + runAsUid, "--regid=" + runAsUid, "--clear-groups"));
            }
            argv.add(bubblewrap);
            for (String path : readOnlyPaths) {
                argv.addAll(List.of("--ro-bind", root + path, path));
            }
            argv.addAll(List.of(
                    "--symlink", "usr/lib", "/lib",
                    "--symlink", "usr/lib64", "/lib64",
                    "--symlink", "usr/bin", "/bin",
                    "--size", Long.toString(tmpfsBytes), "--tmpfs", "/tmp",
                    "--proc", "/proc",
                    "--dev", "/dev",
                    "--mqueue", "/dev/mqueue",
                    "--remount-ro", "/dev",
                    "--unshare-all",
                    "--die-with-parent",
                    "--new-session",
                    "--clearenv",
                    "--hostname", "sandbox",
                    "--chdir", "/tmp",
                    "--as-pid-1",
                    "--remount-ro", "/",
                    "--"));
        }
        argv.add(python);
        argv.addAll(pythonArgs);
        argv.add("-c");
        argv.add(script);
        argv.addAll(List.of(scriptArgs));
        return argv;
    }
}
