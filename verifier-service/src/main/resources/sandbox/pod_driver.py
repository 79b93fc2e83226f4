# ComplexityNet pod driver: runs one batch's candidates, one after another, inside a sandbox pod.
# Each candidate gets a fresh runner (`python -I -S -c runner.py`) in its own session. Like the
# local sandbox, this driver enforces the wall-clock limit and the caps on the report and on the
# candidate's output from outside, then writes one length-framed record per candidate on its
# stdout, which is the pod's log:
#   CN-RESULT <index> <termination> <exit code> <wall millis> <report bytes> <detail bytes>\n
#   <report><detail>\n
# Candidates never write to that stream (the runner's pipes are its own), and length framing means
# no report text can forge a record. If the driver itself fails it writes `CN-FAILED <reason>`.
# Runs as `python -I -S pod_driver.py` with the batch files beside it and the working directory
# as the only writable place.
import os, sys, stat, time, signal, selectors, subprocess

BATCH = os.path.dirname(os.path.abspath(__file__))
WORK = os.getcwd()
# Same head of the candidate's output the local sandbox keeps as an exit's detail.
DETAIL_BYTES = 512
CHUNK = 65536


def read_batch():
    with open(os.path.join(BATCH, "batch"), "rb") as f:
        fields = f.read().decode().split()
    report_cap, output_cap, count = int(fields[0]), int(fields[1]), int(fields[2])
    walls = [int(v) / 1000 for v in fields[3:3 + count]]
    if len(walls) != count:
        raise ValueError("the batch file lists %d wall times for %d candidates" % (len(walls), count))
    return report_cap, output_cap, walls


def write_all(data):
    view = memoryview(data)
    while view:
        view = view[os.write(1, view):]


def text(data):
    # Valid UTF-8 survives the log API's text round trip byte for byte; a cut character would not.
    return bytes(data).decode("utf-8", "replace").encode("utf-8")


def emit(index, termination, exit_code, wall, report, detail):
    report, detail = text(report), text(detail)
    header = "CN-RESULT %d %s %d %d %d %d\n" % (index, termination, exit_code, int(wall * 1000),
                                               len(report), len(detail))
    write_all(header.encode() + report + detail + b"\n")


def kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def sweep():
    """Kills whatever a candidate left behind, even outside its session; only possible as PID 1."""
    if os.getpid() != 1:
        return
    for _ in range(2):
        try:
            # From PID 1, kill(-1) reaches every other process of the pod's PID namespace.
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            pass
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def remove(path):
    # A candidate may leave directories it made unreadable; as their owner the driver can reopen them.
    if stat.S_ISDIR(os.lstat(path).st_mode):
        os.chmod(path, 0o700)
        for name in os.listdir(path):
            remove(os.path.join(path, name))
        os.rmdir(path)
    else:
        os.unlink(path)


def clean_work():
    for name in os.listdir(WORK):
        remove(os.path.join(WORK, name))


def run_one(runner, data, wall, report_cap, output_cap):
    """Returns (termination, exit code, wall seconds, report, detail) for one candidate."""
    started = time.monotonic()
    deadline = started + wall
    try:
        proc = subprocess.Popen([sys.executable, "-I", "-S", "-c", runner], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=WORK, env={},
                                start_new_session=True)
    except OSError as error:
        return "SANDBOX_FAILURE", -1, time.monotonic() - started, b"", \
            ("could not start the runner: %s" % error).encode()
    report, output = bytearray(), bytearray()
    streams = {proc.stdout.fileno(): (report, report_cap), proc.stderr.fileno(): (output, output_cap)}
    pending = memoryview(data)
    selector = selectors.DefaultSelector()
    stdin = proc.stdin.fileno()
    os.set_blocking(stdin, False)
    selector.register(stdin, selectors.EVENT_WRITE)
    for fd in streams:
        selector.register(fd, selectors.EVENT_READ)
    timed_out = exceeded = False
    while selector.get_map() and not exceeded:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            break
        for key, _ in selector.select(remaining):
            fd = key.fd
            if fd == stdin:
                try:
                    pending = pending[os.write(fd, pending[:CHUNK]):]
                except BlockingIOError:
                    continue
                except BrokenPipeError:
                    pending = pending[:0]
                if not pending:
                    selector.unregister(fd)
                    proc.stdin.close()
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
    if not timed_out and not exceeded:
        try:
            proc.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            timed_out = True
    kill_group(proc)
    proc.wait()
    elapsed = time.monotonic() - started
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if not stream.closed:
            stream.close()
    sweep()
    if timed_out:
        return "TIMED_OUT", -1, elapsed, report, b""
    code = proc.returncode if proc.returncode >= 0 else 128 - proc.returncode
    if exceeded:
        return "OUTPUT_EXCEEDED", code, elapsed, report, b""
    return "EXITED", code, elapsed, report, output[:DETAIL_BYTES]


def main():
    report_cap, output_cap, walls = read_batch()
    with open(os.path.join(BATCH, "runner.py"), "rb") as f:
        runner = f.read().decode()
    for index, wall in enumerate(walls):
        with open(os.path.join(BATCH, "input-%d" % index), "rb") as f:
            data = f.read()
        emit(index, *run_one(runner, data, wall, report_cap, output_cap))
        # A later candidate must not see what an earlier one left behind.
        clean_work()


try:
    main()
except BaseException as error:
    reason = " ".join(("%s: %s" % (type(error).__name__, error)).split())
    write_all(("\nCN-FAILED %s\n" % reason).encode("utf-8", "replace"))
    sys.exit(1)
