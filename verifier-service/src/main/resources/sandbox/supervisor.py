# ComplexityNet sandbox supervisor: the trusted process at the root of a sandbox. It runs
# candidates one after another, each in a fresh process forked from this clean interpreter
# before any candidate code exists, with the runner (`runner.py`) as its only code. It enforces
# the wall-clock limit and the caps on the report and the candidate's output from outside the
# candidate, sweeps every process the candidate left, empties the working directory, and writes
# one length-framed record per candidate on its stdout:
#   CN-RESULT <index> <termination> <exit code> <wall millis> <report bytes> <detail bytes>\n
#   <report><detail>\n
# Candidates never write to that stream (the runner's pipes are its own), and length framing means
# no report text can forge a record. If the supervisor itself fails it writes `CN-FAILED <reason>`.
#
# Two ways to feed it, same supervision:
#   batch (a Kubernetes sandbox pod): `python -I -S supervisor.py` with the batch files beside it.
#   serve (the local bubblewrap sandbox): `python -I -S -c <this> serve`, frames on stdin:
#     CN-SERVE <report cap> <output cap> <runner bytes> <preload bytes>\n<runner source><preload>
#     then per candidate: <wall millis> <input bytes>\n<runner input>
#   where <preload> names standard-library modules to import once, before any fork (comma-separated):
#   a candidate's `import re` then costs nothing, and each fork still gets its own copy.
# Either way it should be PID 1 of its own PID namespace: then candidates cannot signal it, and
# kill(-1) reaches everything they started. It makes itself non-dumpable, so a candidate running
# as the same user cannot ptrace it or read its memory.
import os, sys, stat, time, signal, selectors, builtins, resource, gc

WORK = os.getcwd()
WORK_MODE = stat.S_IMODE(os.stat(WORK).st_mode)
# Same head of the candidate's output the verifier keeps as an exit's detail.
DETAIL_BYTES = 512
CHUNK = 65536
PR_SET_DUMPABLE = 4
# Exit code of a forked child whose runner never started: the supervisor's fault, not the candidate's.
RUNNER_DID_NOT_START = 70


def make_undumpable():
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE, 0) failed")


def write_all(data):
    view = memoryview(data)
    while view:
        view = view[os.write(1, view):]


def text(data):
    # Valid UTF-8 survives the pod log API's text round trip byte for byte; a cut character would not.
    return bytes(data).decode("utf-8", "replace").encode("utf-8")


def emit(index, termination, exit_code, wall, report, detail):
    report, detail = text(report), text(detail)
    header = "CN-RESULT %d %s %d %d %d %d\n" % (index, termination, exit_code, int(wall * 1000),
                                               len(report), len(detail))
    write_all(header.encode() + report + detail + b"\n")


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def sweep():
    """Kills whatever a candidate left behind, even outside its session; only possible as PID 1."""
    if os.getpid() != 1:
        return
    for _ in range(2):
        try:
            # From PID 1, kill(-1) reaches every other process of the PID namespace.
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            pass
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def remove(path):
    # A candidate may leave directories it made unreadable; as their owner the supervisor can reopen them.
    if stat.S_ISDIR(os.lstat(path).st_mode):
        os.chmod(path, 0o700)
        for name in os.listdir(path):
            remove(os.path.join(path, name))
        os.rmdir(path)
    else:
        os.unlink(path)


def clean_work():
    # The candidate owned the directory too, and may have taken its permissions away.
    os.chmod(WORK, WORK_MODE)
    for name in os.listdir(WORK):
        remove(os.path.join(WORK, name))


def start_runner(runner, data, report_w, output_w):
    """In the forked child: becomes a fresh candidate process with only the runner's pipes. Never returns."""
    try:
        os.setsid()
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(report_w, 1)
        os.dup2(output_w, 2)
        os.closerange(3, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
        os.chdir(WORK)
        # As a fresh interpreter would have it (the supervisor, as PID 1, leaves SIGINT to the kernel).
        signal.signal(signal.SIGINT, signal.default_int_handler)
        exec(runner, {"__name__": "__cn_runner__", "__builtins__": builtins, "_CN_INPUT": data})
    finally:
        os._exit(RUNNER_DID_NOT_START)


def run_one(runner, data, wall, report_cap, output_cap):
    """Returns (termination, exit code, wall seconds, report, detail) for one candidate."""
    started = time.monotonic()
    deadline = started + wall
    report_r, report_w = os.pipe()
    output_r, output_w = os.pipe()
    try:
        pid = os.fork()
    except OSError as error:
        for fd in (report_r, report_w, output_r, output_w):
            os.close(fd)
        return "SANDBOX_FAILURE", -1, time.monotonic() - started, b"", \
            ("could not start the runner: %s" % error).encode()
    if pid == 0:
        start_runner(runner, data, report_w, output_w)
    os.close(report_w)
    os.close(output_w)
    exited = os.pidfd_open(pid)
    report, output = bytearray(), bytearray()
    streams = {report_r: (report, report_cap), output_r: (output, output_cap)}
    selector = selectors.DefaultSelector()
    for fd in (report_r, output_r, exited):
        selector.register(fd, selectors.EVENT_READ)
    status = None
    timed_out = exceeded = False
    while selector.get_map() and not exceeded:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = status is None
            break
        for key, _ in selector.select(remaining):
            fd = key.fd
            if fd == exited:
                selector.unregister(fd)
                status = os.waitpid(pid, 0)[1]
                # The candidate's run is over; whatever it left holding the pipes goes too.
                sweep()
                continue
            chunk = os.read(fd, CHUNK)
            if not chunk:
                selector.unregister(fd)
                continue
            kept, cap = streams[fd]
            kept += chunk
            if len(kept) > cap:
                del kept[cap:]
                exceeded = True
    selector.close()
    if status is None:
        kill_group(pid)
        status = os.waitpid(pid, 0)[1]
    elapsed = time.monotonic() - started
    sweep()
    for fd in (report_r, output_r, exited):
        os.close(fd)
    if timed_out:
        return "TIMED_OUT", -1, elapsed, report, b""
    code = os.waitstatus_to_exitcode(status)
    code = code if code >= 0 else 128 - code
    if exceeded:
        return "OUTPUT_EXCEEDED", code, elapsed, report, b""
    return "EXITED", code, elapsed, report, output[:DETAIL_BYTES]


def read_line(stream):
    line = stream.readline()
    if line and not line.endswith(b"\n"):
        raise EOFError("input ended inside a frame header")
    return line.decode()


def read_exact(stream, length):
    data = bytearray()
    while len(data) < length:
        chunk = stream.read(length - len(data))
        if not chunk:
            raise EOFError("input ended inside a frame")
        data += chunk
    return bytes(data)


def serve():
    # Unbuffered: nothing read ahead lingers in memory a forked candidate inherits.
    stream = open(0, "rb", buffering=0, closefd=False)
    tag, report_cap, output_cap, runner_length, preload_length = read_line(stream).split()
    if tag != "CN-SERVE":
        raise ValueError("unknown supervisor protocol %r" % tag)
    runner = compile(read_exact(stream, int(runner_length)), "<runner>", "exec")
    for module in filter(None, read_exact(stream, int(preload_length)).decode().split(",")):
        __import__(module)
    # Everything alive now is shared with every fork; frozen, a child's collections never walk it,
    # so its pages stay shared instead of being copied on the first full collection.
    gc.freeze()
    index = 0
    while True:
        header = read_line(stream)
        if not header:
            return
        wall_millis, length = (int(v) for v in header.split())
        data = read_exact(stream, length)
        emit(index, *run_one(runner, data, wall_millis / 1000, int(report_cap), int(output_cap)))
        clean_work()
        index += 1


def run_batch():
    batch = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(batch, "batch"), "rb") as f:
        fields = f.read().decode().split()
    report_cap, output_cap, count = int(fields[0]), int(fields[1]), int(fields[2])
    walls = [int(v) / 1000 for v in fields[3:3 + count]]
    if len(walls) != count:
        raise ValueError("the batch file lists %d wall times for %d candidates" % (len(walls), count))
    with open(os.path.join(batch, "runner.py"), "rb") as f:
        runner = compile(f.read(), "<runner>", "exec")
    for index, wall in enumerate(walls):
        with open(os.path.join(batch, "input-%d" % index), "rb") as f:
            data = f.read()
        emit(index, *run_one(runner, data, wall, report_cap, output_cap))
        # A later candidate must not see what an earlier one left behind.
        clean_work()


try:
    make_undumpable()
    # PID 1 gets only the signals it handles; with no handler a candidate cannot interrupt it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    serve() if sys.argv[1:] == ["serve"] else run_batch()
except BaseException as error:
    reason = " ".join(("%s: %s" % (type(error).__name__, error)).split())
    write_all(("\nCN-FAILED %s\n" % reason).encode("utf-8", "replace"))
    sys.exit(1)
