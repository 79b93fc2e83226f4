# ComplexityNet sandbox supervisor: the trusted process at the root of a sandbox. For each candidate it
# forks two fresh processes from this clean interpreter: the candidate's (runner.py, which loads the
# candidate's code and answers calls) and the judge's (judge.py, which runs the setup and the tests and
# never loads candidate code). They talk over two pipes of their own; the judge's report comes here on a
# third. The supervisor enforces the wall-clock limit and the caps on the report and the candidate's
# output from outside both, sweeps every process left, empties the working directory and removes IPC
# objects, and writes one length-framed record per candidate on its stdout:
#   CN-RESULT <index> <termination> <exit code> <wall millis> <report bytes> <detail bytes>\n
#   <report><detail>\n
# where the report is the judge's, the exit code the candidate's own (-1: still running when judging
# ended) and the detail the head of the candidate's output. Neither child writes to that stream, and
# length framing means no report text can forge a record. If the supervisor fails it writes
# `CN-FAILED <reason>`.
#
# Three ways to run it:
#   serve (the local bubblewrap sandbox): `python -I -S -c <this> serve`, frames on stdin:
#     CN-SERVE <report cap> <output cap> <runner bytes> <judge bytes> <preload bytes>\n
#       <runner source><judge source><preload>
#     then per candidate: <wall millis> <candidate bytes> <judge bytes>\n<candidate input><judge input>
#     where <preload> names standard-library modules to import once, before any fork (comma-separated).
#     The judge's input (the tests) is read only after the candidate's process was forked, and every
#     input is zeroed here once handed on, so no candidate process ever holds another's tests, or its own.
#   candidates <channel> / judges <channel> (a Kubernetes sandbox pod): the same two processes in two
#     containers of one pod, which share only the directory <channel>: the candidate container never
#     mounts the tests. See run_candidates and run_judges below.
# The supervisor should be PID 1 of its own PID namespace: then its children cannot signal it, and
# kill(-1) reaches everything they started. It makes itself non-dumpable (its children inherit that),
# so nothing running as the same user can ptrace it or the judge, or read their memory.
import os, sys, stat, time, signal, selectors, builtins, resource, gc, fcntl, errno
# What the judge and the codec import, once here rather than in every forked process.
import ast, json, importlib

WORK = os.getcwd()
WORK_MODE = stat.S_IMODE(os.stat(WORK).st_mode)
# Same head of the candidate's output the verifier keeps as an exit's detail.
DETAIL_BYTES = 512
CHUNK = 65536
PR_SET_DUMPABLE = 4
IPC_RMID = 0
# Exit code of a forked child whose program never started: the supervisor's fault, not the candidate's.
CHILD_DID_NOT_START = 70
# How long a judge that saw the candidate's process end waits for its exit status to be known.
EXIT_STATUS_GRACE = 0.2


def make_undumpable():
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE, 0) failed")
    return libc


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


def exit_code(status):
    """The exit code, or 128 + n for a process that signal n ended."""
    code = os.waitstatus_to_exitcode(status)
    return code if code >= 0 else 128 - code


def wipe(buffer):
    buffer[:] = bytes(len(buffer))


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def sweep():
    """Kills whatever the children left behind, even outside their sessions; only possible as PID 1."""
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


def clean_ipc(libc):
    """Removes the System V IPC objects and POSIX message queues a candidate left: they outlive its
    processes, and the next candidate, maybe another caller's, shares this IPC namespace. Only as PID 1:
    without a namespace of its own (unsafe mode) these would be the host's."""
    if os.getpid() != 1:
        return
    for kind in ("shm", "sem", "msg"):
        try:
            with open("/proc/sysvipc/" + kind) as table:
                ids = [int(line.split()[1]) for line in table.read().splitlines()[1:] if line.strip()]
        except OSError:
            continue
        for ident in ids:
            if kind == "shm":
                libc.shmctl(ident, IPC_RMID, None)
            elif kind == "sem":
                libc.semctl(ident, 0, IPC_RMID)
            else:
                libc.msgctl(ident, IPC_RMID, None)
    if os.path.isdir("/dev/mqueue"):
        for name in os.listdir("/dev/mqueue"):
            try:
                os.unlink(os.path.join("/dev/mqueue", name))
            except OSError:
                pass


def program(source, name):
    """runner.py's or judge.py's main, its definitions run once, here, so that each fork only runs
    main(data): what the forks share they need not build again (on a machine where each first write
    to a shared page costs a copy, that is most of a fork's start)."""
    namespace = {"__name__": "__cn_sandbox__", "__builtins__": builtins}
    exec(compile(bytes(source), name, "exec"), namespace)
    return namespace["main"]


def fork_child(main, data, fds, opens=()):
    """Forks a fresh process that runs main(data) with exactly the descriptors fds
    ({target: source}, a source of None meaning /dev/null), then the paths of opens ((target, path,
    flags), opened in that order). Returns its pid."""
    pid = os.fork()
    if pid:
        return pid
    try:
        os.setsid()
        null = os.open(os.devnull, os.O_RDWR)
        # Above every target first, so that placing one never overwrites the source of another.
        high = {t: fcntl.fcntl(null if s is None else s, fcntl.F_DUPFD, 16) for t, s in fds.items()}
        for target, source in high.items():
            os.dup2(source, target)
        keep = set(fds)
        for fd in range(3, max(keep) + 1):
            if fd not in keep:
                try:
                    os.close(fd)
                except OSError:
                    pass
        os.closerange(max(keep) + 1, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
        # A FIFO's open waits for the other side's: both sides open "calls" first, so they meet.
        for target, path, flags in opens:
            fd = os.open(path, flags)
            if fd != target:
                os.dup2(fd, target)
                os.close(fd)
        os.chdir(WORK)
        # As a fresh interpreter would have it (the supervisor, as PID 1, leaves SIGINT to the kernel).
        signal.signal(signal.SIGINT, signal.default_int_handler)
        main(data)
    finally:
        os._exit(CHILD_DID_NOT_START)


class Round:
    """One candidate's run: its process and the judge's, watched until the judge is done or time is up."""

    def __init__(self, wall, report_cap, output_cap):
        self.started = time.monotonic()
        self.deadline = self.started + wall
        self.report_cap, self.output_cap = report_cap, output_cap
        self.report, self.output = bytearray(), bytearray()
        self.candidate = self.judge = None
        self.candidate_status = self.judge_status = None

    def watch(self, report_r, output_r):
        """Reads the judge's report and the candidate's output (either may be None: a pod's container
        has one of them) until the judge exits (else the candidate), a cap is passed or time is up;
        returns (termination, candidate exit code, wall seconds, report, detail)."""
        selector = selectors.DefaultSelector()
        streams = {}
        if report_r is not None:
            streams[report_r] = (self.report, self.report_cap)
        if output_r is not None:
            streams[output_r] = (self.output, self.output_cap)
        primary = self.judge if self.judge is not None else self.candidate
        pidfds = {}
        for pid in (self.candidate, self.judge):
            if pid is not None:
                pidfds[os.pidfd_open(pid)] = pid
        for fd in list(streams) + list(pidfds):
            selector.register(fd, selectors.EVENT_READ)
        timed_out = exceeded = False
        while not exceeded and (not self.ended(primary) or report_r in streams):
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                timed_out = True
                break
            for key, _ in selector.select(remaining):
                fd = key.fd
                if fd in pidfds:
                    selector.unregister(fd)
                    self.reaped(pidfds[fd], os.waitpid(pidfds[fd], 0)[1])
                    continue
                chunk = os.read(fd, CHUNK)
                if not chunk:
                    selector.unregister(fd)
                    del streams[fd]
                    continue
                kept, cap = streams[fd]
                kept += chunk
                if len(kept) > cap:
                    del kept[cap:]
                    exceeded = True
        if not timed_out and not exceeded and self.candidate_status is None and self.candidate is not None \
                and (self.report.startswith(b"G ") or b"\nG " in self.report):
            # The judge saw the candidate's process end: its own exit status says why (CPU limit, ...).
            for key, _ in selector.select(EXIT_STATUS_GRACE):
                if key.fd in pidfds and pidfds[key.fd] == self.candidate:
                    self.reaped(self.candidate, os.waitpid(self.candidate, 0)[1])
        selector.close()
        for fd in pidfds:
            os.close(fd)
        # Statuses known before the end are the processes' own; the rest are this supervisor's kills.
        candidate_status, judge_status = self.candidate_status, self.judge_status
        self.end()
        elapsed = time.monotonic() - self.started
        if judge_status not in (None, 0):
            self.report += b"J %d\n" % exit_code(judge_status)
        code = -1 if candidate_status is None else exit_code(candidate_status)
        if timed_out:
            return "TIMED_OUT", code, elapsed, self.report, b""
        if exceeded:
            return "OUTPUT_EXCEEDED", code, elapsed, self.report, b""
        return "EXITED", code, elapsed, self.report, self.output[:DETAIL_BYTES]

    def ended(self, pid):
        return (self.judge_status if pid == self.judge else self.candidate_status) is not None

    def reaped(self, pid, status):
        if pid == self.candidate:
            self.candidate_status = status
        elif pid == self.judge:
            self.judge_status = status

    def end(self):
        for pid in (self.candidate, self.judge):
            if pid is not None:
                kill_group(pid)
        for pid, status in ((self.candidate, self.candidate_status), (self.judge, self.judge_status)):
            if pid is not None and status is None:
                self.reaped(pid, os.waitpid(pid, 0)[1])
        sweep()


def failed_round(started, error):
    return "SANDBOX_FAILURE", -1, time.monotonic() - started, b"", ("could not start the run: %s" % error).encode()


def run_local(runner, judge, candidate_input, read_judge_input, wall, report_cap, output_cap):
    """One candidate: its process is forked before the judge's input is read, so it never holds the
    tests; both inputs are zeroed once handed on."""
    run = Round(wall, report_cap, output_cap)
    calls_r, calls_w = os.pipe()
    replies_r, replies_w = os.pipe()
    output_r, output_w = os.pipe()
    report_r, report_w = os.pipe()
    ends = [calls_r, calls_w, replies_r, replies_w, output_w, report_w]
    judge_input = None
    try:
        try:
            run.candidate = fork_child(runner, candidate_input,
                                       {0: None, 1: output_w, 2: output_w, 3: calls_r, 4: replies_w})
        finally:
            wipe(candidate_input)
            # Read whatever happened above, so that the next request's frame is where it should be.
            judge_input = read_judge_input()
        run.judge = fork_child(judge, judge_input, {0: None, 1: None, 2: None, 3: replies_r, 4: calls_w, 5: report_w})
    except OSError as error:
        for fd in ends + [output_r, report_r]:
            os.close(fd)
        run.end()
        return failed_round(run.started, error)
    finally:
        if judge_input is not None:
            wipe(judge_input)
    for fd in ends:
        os.close(fd)
    try:
        return run.watch(report_r, output_r)
    finally:
        os.close(report_r)
        os.close(output_r)


def read_line(stream):
    line = stream.readline()
    if line and not line.endswith(b"\n"):
        raise EOFError("input ended inside a frame header")
    return line.decode()


def read_exact(stream, length):
    """Reads straight into a buffer of its own, so the only copy is the one wipe() clears."""
    data = bytearray(length)
    view, got = memoryview(data), 0
    while got < length:
        n = stream.readinto(view[got:])
        if not n:
            raise EOFError("input ended inside a frame")
        got += n
    view.release()
    return data


def serve(libc):
    # Unbuffered: nothing read ahead lingers in memory a forked process inherits.
    stream = open(0, "rb", buffering=0, closefd=False)
    fields = read_line(stream).split()
    if len(fields) != 6 or fields[0] != "CN-SERVE":
        raise ValueError("unknown supervisor protocol %r" % fields[:1])
    report_cap, output_cap, runner_length, judge_length, preload_length = (int(v) for v in fields[1:])
    runner = program(read_exact(stream, runner_length), "<runner>")
    judge = program(read_exact(stream, judge_length), "<judge>")
    for module in filter(None, bytes(read_exact(stream, preload_length)).decode().split(",")):
        __import__(module)
    # Everything alive now is shared with every fork; frozen, a child's collections never walk it,
    # so its pages stay shared instead of being copied on the first full collection.
    gc.freeze()
    index = 0
    while True:
        header = read_line(stream)
        if not header:
            return
        wall_millis, candidate_length, judge_input_length = (int(v) for v in header.split())
        candidate_input = read_exact(stream, candidate_length)
        emit(index, *run_local(runner, judge, candidate_input, lambda: read_exact(stream, judge_input_length),
                               wall_millis / 1000, report_cap, output_cap))
        clean_work()
        clean_ipc(libc)
        index += 1


# ---- a Kubernetes sandbox pod -------------------------------------------------------------------------
# Two containers share the channel directory and nothing else: no PID namespace, no other volume. The
# candidate container mounts the runner and the plan; the judge container the judge, the plan, the tests
# and the candidates' code. For candidate k the judge side makes three FIFOs: <k>.calls and <k>.replies,
# which each side's process opens (calls first, so the two opens meet) as its descriptors 3 and 4, and
# <k>.code, through which it hands the candidate side candidate k's code when its turn comes (so no
# candidate can read a sibling's). When the candidate side has swept up after k it makes <k>.done, and
# only then does the judge side begin k+1, so neither side's clock counts the other's lag. Both write
# records: the judge side's carries the report (whether tests held), the candidate side's how the
# candidate's process ended.

CHANNEL = None
# How long one side waits for the other to begin a candidate (a container starting) or finish one.
RENDEZVOUS_WAIT = 120.0
RENDEZVOUS_GRACE = 10.0


def plan(batch):
    with open(os.path.join(batch, "batch"), "rb") as f:
        fields = f.read().decode().split()
    report_cap, output_cap, count = int(fields[0]), int(fields[1]), int(fields[2])
    walls = [int(v) / 1000 for v in fields[3:3 + count]]
    if len(walls) != count:
        raise ValueError("the batch file lists %d wall times for %d candidates" % (len(walls), count))
    return report_cap, output_cap, walls


def await_path(path, deadline):
    while not os.path.exists(path):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


def read_file(batch, name):
    with open(os.path.join(batch, name), "rb") as f:
        return bytearray(f.read())


def clear_channel():
    for name in os.listdir(CHANNEL):
        remove(os.path.join(CHANNEL, name))


def run_candidates(libc, batch):
    """The candidate container: one candidate process at a time, its code handed over by the judge side
    through the channel when its turn comes (this container's files hold no candidate's code, so no
    candidate can read another's), speaking over the FIFOs the judge side made for it; a record per
    candidate says how its process ended."""
    report_cap, output_cap, walls = plan(batch)
    runner = program(read_file(batch, "runner.py"), "<runner>")
    open(os.path.join(CHANNEL, "ready"), "wb").close()
    for index, wall in enumerate(walls):
        calls, replies, code = ("%s/%d.%s" % (CHANNEL, index, end) for end in ("calls", "replies", "code"))
        if not all(await_path(path, time.monotonic() + RENDEZVOUS_WAIT) for path in (calls, replies, code)):
            raise TimeoutError("the judge container did not begin candidate %d" % index)
        with open(code, "rb", buffering=0) as stream:
            data = read_exact(stream, int(read_line(stream)))
        output_r, output_w = os.pipe()
        run_pod_side(index, Round(wall, report_cap, output_cap), "candidate", runner, data,
                     {0: None, 1: output_w, 2: output_w}, [(3, calls, os.O_RDONLY), (4, replies, os.O_WRONLY)],
                     (output_r, output_w))
        clean_work()
        clean_ipc(libc)
        # Nothing of this candidate's is left running, so nothing it planted in the channel survives.
        clear_channel()
        open("%s/%d.done" % (CHANNEL, index), "wb").close()


def run_pod_side(index, run, role, main, data, fds, opens, pipe):
    """One container's half of candidate index: forks its process (the "candidate" or the "judge") on
    data, zeroed once forked, and emits its record from what comes back on pipe (read end, write end):
    the candidate's output or the judge's report."""
    read_end, write_end = pipe
    try:
        setattr(run, role, fork_child(main, data, fds, opens))
    finally:
        wipe(data)
        os.close(write_end)
    try:
        emit(index, *(run.watch(None, read_end) if role == "candidate" else run.watch(read_end, None)))
    finally:
        os.close(read_end)


def hand_over(fifo, data, deadline):
    """Writes a candidate's code, framed, into the FIFO the candidate side reads it from, and zeroes it."""
    try:
        while True:
            try:
                # Non-blocking until the reader is there (ENXIO before), so a dead candidate side times out.
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                break
            except OSError as error:
                if error.errno != errno.ENXIO or time.monotonic() > deadline:
                    raise TimeoutError("the candidate container did not take its code: %s" % error)
                time.sleep(0.005)
        os.set_blocking(fd, True)
        try:
            write_to(fd, b"%d\n" % len(data))
            write_to(fd, data)
        finally:
            os.close(fd)
    finally:
        wipe(data)


def write_to(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    view.release()


def run_judges(batch):
    """The judge container: for each candidate, once the candidate side is free, its FIFOs and its judge."""
    report_cap, output_cap, walls = plan(batch)
    judge = program(read_file(batch, "judge.py"), "<judge>")
    ready = CHANNEL + "/ready"
    for index, wall in enumerate(walls):
        if not await_path(ready if index == 0 else "%s/%d.done" % (CHANNEL, index - 1),
                          time.monotonic() + (RENDEZVOUS_WAIT if index == 0 else walls[index - 1] + RENDEZVOUS_GRACE)):
            raise TimeoutError("the candidate container did not finish candidate %d" % (index - 1))
        calls, replies, code = ("%s/%d.%s" % (CHANNEL, index, end) for end in ("calls", "replies", "code"))
        for fifo in (calls, replies, code):
            os.mkfifo(fifo, 0o600)
        hand_over(code, read_file(batch, "code-%d" % index), time.monotonic() + RENDEZVOUS_WAIT)
        report_r, report_w = os.pipe()
        run_pod_side(index, Round(wall, report_cap, output_cap), "judge", judge, read_file(batch, "input-%d" % index),
                     {0: None, 1: None, 2: None, 5: report_w}, [(4, calls, os.O_WRONLY), (3, replies, os.O_RDONLY)],
                     (report_r, report_w))


try:
    libc = make_undumpable()
    # Interpreter state the forks inherit: plain data may hold integers of any size.
    sys.set_int_max_str_digits(0)
    # PID 1 gets only the signals it handles; with no handler a child cannot interrupt it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    mode = sys.argv[1:]
    if mode == ["serve"]:
        serve(libc)
    elif len(mode) == 2 and mode[0] in ("candidates", "judges"):
        CHANNEL = mode[1]
        batch = os.path.dirname(os.path.abspath(__file__))
        run_candidates(libc, batch) if mode[0] == "candidates" else run_judges(batch)
    else:
        raise ValueError("unknown mode %r" % mode)
except BaseException as error:
    reason = " ".join(("%s: %s" % (type(error).__name__, error)).split())
    write_all(("\nCN-FAILED %s\n" % reason).encode("utf-8", "replace"))
    sys.exit(1)
