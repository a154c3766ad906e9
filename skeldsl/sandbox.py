"""Run untrusted Python programs (candidate solutions, profiled code) in a contained child process.

Why this exists: evaluation runs model-written code, and the mining strategies profile arbitrary corpus
solutions line by line.  Such code loops forever, eats memory, prints gigabytes, forks, writes files
anywhere and reads secrets from the environment.  ``run_python`` bounds all of that and always returns a
``RunResult`` with a ``status`` instead of raising.

What the child gets
-------------------
* The same interpreter (``sys.executable``) with ``-s`` (no user site-packages) but *with* the ``site``
  module, so the interpreter's own / the virtualenv's site-packages stay importable (the dynamic mining
  strategy needs ``line_profiler`` inside).  We do not pass ``-I``/``-E``: the environment is already
  scrubbed and ``-E`` would also drop the ``PYTHONHASHSEED``/``PYTHONIOENCODING`` we set on purpose.
* A fresh scratch directory as cwd, ``HOME`` and ``TMPDIR``, holding ``main.py`` and the ``files`` given;
  removed afterwards.
* A minimal environment: ``PATH``, ``LANG``/``LC_ALL``, ``HOME``, ``TMPDIR``, ``PYTHONHASHSEED=0``,
  ``PYTHONIOENCODING=utf-8``, ``PYTHONDONTWRITEBYTECODE=1`` and one-thread settings for BLAS/OpenMP.
  Nothing is inherited, so tokens in the parent's environment are invisible.
* Its own session / process group (killed whole on timeout or output overflow) and rlimits:
  ``RLIMIT_AS`` (memory), ``RLIMIT_CPU`` (a backstop; the wall-clock deadline is enforced by the parent),
  ``RLIMIT_FSIZE`` (file size), ``RLIMIT_CORE`` = 0 and ``RLIMIT_NPROC``.
* stdout/stderr read incrementally, capped at ``output_bytes`` in total (the child is killed when it goes
  over), decoded as UTF-8 with ``errors="replace"``; stdin comes from a temporary file (no pipe deadlock).

Isolation levels (``isolation()`` says which one this process uses)
-------------------------------------------------------------------
``RLIMIT_NPROC`` does not bind root, and as root the child could write anywhere.  So when the parent is
root the child is switched to a *fresh unprivileged uid/gid per run* (a random number in a high range,
not ``nobody``: ``RLIMIT_NPROC`` counts processes per uid, so a shared uid would let concurrent runs
starve or kill each other).  With its own uid, ``RLIMIT_NPROC = 1 + processes`` really stops fork bombs
(threads count too, hence the one-thread BLAS settings), the child cannot signal the parent or other runs
(``os.kill(os.getppid(), 9)`` fails with EPERM), cannot write the repository, ``$HOME`` or any file it
does not own, and ``PR_SET_NO_NEW_PRIVS`` stops set-uid helpers.

* ``"namespace"`` (root with CAP_SYS_ADMIN, e.g. this dev container): additionally a private mount
  namespace.  Fresh small tmpfs mounts hide the world-writable ``/tmp``, ``/var/tmp``, ``/dev/shm`` and
  ``/run/lock`` (so "write /tmp/x" lands in a throw-away tmpfs), the scratch directory is moved back into
  place with ``open_tree``/``move_mount``, and an interpreter installed under a directory the fresh uid may
  not traverse (pyenv under ``/root``, mode 0700) is made reachable by mounting a tmpfs over that
  directory and moving only the interpreter prefix into it — which also hides the rest of ``/root``.
* ``"uid"`` (root without mount namespaces): the uid drop only; needs an interpreter every user can run
  (if it is not, e.g. pyenv under a 0700 ``/root``, the level falls back to ``"rlimits"`` and the child
  runs as root: check ``isolation()`` before running hostile code in such a setup).
* ``"rlimits"`` (not root, e.g. CI runners): rlimits and the scrubbed environment only.  The child runs
  as the calling user: it can write where that user can and signal the parent.  ``RLIMIT_NPROC`` is set
  only for ``processes == 0`` (it counts all the user's processes, so it then blocks every fork).

Timing: ``wall_s`` is the parent's wall clock (includes interpreter start-up, ~20-40 ms); ``cpu_s`` is the
child's user+system CPU from ``wait4``.  Evaluation measures inside the child to exclude start-up.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import math
import os
import random
import resource
import selectors
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Limits", "RunResult", "isolation", "run_python"]

STATUSES = ("ok", "timeout", "memory", "output_limit", "crashed", "error")


@dataclass(frozen=True)
class Limits:
    """Resource bounds of one run. ``processes`` = extra processes/threads the child may create."""

    time_s: float = 4.0
    memory_mb: int = 1024
    output_bytes: int = 1_000_000
    file_bytes: int = 10_000_000
    processes: int = 0

    def __post_init__(self) -> None:
        if not (self.time_s > 0 and math.isfinite(self.time_s)):
            raise ValueError(f"time_s must be a positive number, got {self.time_s!r}")
        for name in ("memory_mb", "output_bytes", "file_bytes"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive, got {getattr(self, name)!r}")
        if self.processes < 0:
            raise ValueError(f"processes must be >= 0, got {self.processes!r}")


@dataclass(frozen=True)
class RunResult:
    """Outcome of one run. ``status`` is one of ``STATUSES``; ``message`` explains non-``ok`` ones."""

    status: str
    returncode: int | None
    stdout: str
    stderr: str
    wall_s: float
    cpu_s: float
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"


# --------------------------------------------------------------------------------------------------
# Linux constants (uapi; the new mount syscalls have the same numbers on every architecture).
_CLONE_NEWNS = 0x00020000
_MS_RDONLY, _MS_NOSUID, _MS_NODEV, _MS_BIND, _MS_REC, _MS_PRIVATE = 1, 2, 4, 4096, 16384, 1 << 18
_SYS_OPEN_TREE, _SYS_MOVE_MOUNT = 428, 429
_OPEN_TREE_CLONE, _AT_RECURSIVE, _AT_FDCWD = 1, 0x8000, -100
_MOVE_MOUNT_F_EMPTY_PATH = 0x00000004
_PR_SET_NO_NEW_PRIVS = 38
_UID_BASE, _UID_SPAN = 1_600_000_000, 400_000_000  # far above any real account
_WORLD_WRITABLE = ("/tmp", "/var/tmp", "/dev/shm", "/run/lock")
_MEMORY_MARKERS = ("MemoryError", "Cannot allocate memory", "std::bad_alloc", "out of memory")

_libc = None
_isolation: str | None = None
_isolation_lock = threading.Lock()
_random = random.SystemRandom()


def _get_libc():
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    return _libc


def _blocked_ancestor(path: str) -> str | None:
    """The highest ancestor of ``path`` that a stranger cannot traverse (no o+x), or None."""
    parts = Path(path).parts
    for i in range(2, len(parts) + 1):
        prefix = os.path.join(*parts[:i])
        try:
            if not os.stat(prefix).st_mode & stat.S_IXOTH:
                return prefix
        except OSError:
            return None
    return None


def _hidden_prefixes() -> list[tuple[str, str]]:
    """(interpreter directory, blocking ancestor) pairs the child needs exposed."""
    needed = {
        os.path.realpath(p)
        for p in (sys.base_prefix, sys.prefix, os.path.dirname(os.path.realpath(sys.executable)))
    }
    out = []
    for path in sorted(needed):
        top = _blocked_ancestor(path)
        if top is not None and not any(path.startswith(p + os.sep) for p, _ in out):
            out.append((path, top))
    return out


def _paths_under_masks() -> list[str]:
    """Interpreter, virtualenv and skeldsl directories that lie inside a world-writable directory the
    namespace masks (a checkout or venv under ``/tmp``, as in CI): they are carried over the mask."""
    import skeldsl

    candidates = {
        os.path.realpath(p)
        for p in (sys.base_prefix, sys.prefix, os.path.dirname(os.path.realpath(sys.executable)),
                  os.path.dirname(os.path.dirname(os.path.realpath(skeldsl.__file__))))
    }
    inside = sorted(p for p in candidates if any(p.startswith(m + os.sep) for m in _WORLD_WRITABLE))
    out: list[str] = []
    for path in inside:  # parents first, so nested paths are covered by their parent's mount
        if not any(path.startswith(kept + os.sep) for kept in out):
            out.append(path)
    return out


def _probe_namespace() -> bool:
    """Can a child create a private mount namespace and use open_tree? Tried in a throw-away process."""
    try:
        result = subprocess.run(
            [sys.executable, "-S", "-c", _PROBE],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=20,
            env={"PATH": "/usr/bin:/bin"},
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0


_PROBE = f"""
import ctypes, ctypes.util, sys
libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
if libc.unshare({_CLONE_NEWNS}) != 0: sys.exit(1)
if libc.mount(b"none", b"/", None, {_MS_REC | _MS_PRIVATE}, None) != 0: sys.exit(2)
fd = libc.syscall({_SYS_OPEN_TREE}, {_AT_FDCWD}, b"/", {_OPEN_TREE_CLONE})
sys.exit(0 if fd >= 0 else 3)
"""


def isolation() -> str:
    """The isolation level runs get in this process: ``namespace``, ``uid`` or ``rlimits`` (see module doc)."""
    global _isolation
    with _isolation_lock:
        if _isolation is None:
            if os.geteuid() != 0:
                _isolation = "rlimits"
            elif sys.platform.startswith("linux") and _probe_namespace():
                _isolation = "namespace"
            elif not _hidden_prefixes():
                _isolation = "uid"
            else:  # a stranger could not even start the interpreter: no uid drop possible
                _isolation = "rlimits"
        return _isolation


def _minimal_env(scratch: str) -> dict[str, str]:
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "HOME": scratch,
        "TMPDIR": scratch,
        "PYTHONHASHSEED": "0",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }


def _make_preexec(limits: Limits, level: str, scratch: str, uid: int | None):
    """Build the function run in the forked child before exec: namespace, rlimits, uid drop.

    Everything it needs (byte paths, libc handles) is prepared here, in the parent, so the child does as
    little as possible between fork and exec: only syscalls through ctypes and ``os``, no imports and no
    locks, which is what keeps ``preexec_fn`` safe when the parent runs candidates from several threads.
    """
    libc = _get_libc() if level == "namespace" or uid is not None else None
    memory = limits.memory_mb * 1024 * 1024
    cpu = math.ceil(limits.time_s) + 1
    nproc: int | None
    if uid is not None:
        nproc = 1 + limits.processes
    elif limits.processes == 0:
        nproc = 0
    else:
        nproc = None
    scratch_b = scratch.encode()
    hidden = [(p.encode(), t.encode()) for p, t in _hidden_prefixes()] if level == "namespace" else []
    masks = [p.encode() for p in _WORLD_WRITABLE if os.path.isdir(p) and not scratch.startswith(p + "/")]
    tmp_b = next((p.encode() for p in _WORLD_WRITABLE if scratch.startswith(p + "/")), None)
    carried = [p.encode() for p in _paths_under_masks()] if level == "namespace" else []

    def check(value: int, what: str) -> int:
        if value < 0:
            err = ctypes.get_errno()
            raise OSError(err, f"sandbox setup: {what}: {os.strerror(err)}")
        return value

    def setup_namespace() -> None:
        check(libc.unshare(_CLONE_NEWNS), "unshare")
        check(libc.mount(b"none", b"/", None, _MS_REC | _MS_PRIVATE, None), "make mounts private")
        scratch_fd = check(libc.syscall(_SYS_OPEN_TREE, _AT_FDCWD, scratch_b, _OPEN_TREE_CLONE), "open_tree")
        hidden_fds = [
            (
                check(
                    libc.syscall(_SYS_OPEN_TREE, _AT_FDCWD, p, _OPEN_TREE_CLONE | _AT_RECURSIVE), "open_tree"
                ),
                p,
            )
            for p, _ in hidden
        ]
        carried_fds = [
            (check(libc.syscall(_SYS_OPEN_TREE, _AT_FDCWD, p, _OPEN_TREE_CLONE | _AT_RECURSIVE), "open_tree"), p)
            for p in carried
        ]
        flags = _MS_NOSUID | _MS_NODEV
        for target in masks + ([tmp_b] if tmp_b else []):
            check(libc.mount(b"tmpfs", target, b"tmpfs", flags, b"size=64m,mode=1777"), "mask tmp")
        for top in sorted({t for _, t in hidden}):
            check(libc.mount(b"tmpfs", top, b"tmpfs", flags, b"size=1m,mode=755"), "mask prefix")
        for fd, path in hidden_fds:
            os.makedirs(path, exist_ok=True)
            check(
                libc.syscall(_SYS_MOVE_MOUNT, fd, b"", _AT_FDCWD, path, _MOVE_MOUNT_F_EMPTY_PATH),
                "move_mount",
            )
        for fd, path in carried_fds:
            os.makedirs(path, exist_ok=True)
            check(
                libc.syscall(_SYS_MOVE_MOUNT, fd, b"", _AT_FDCWD, path, _MOVE_MOUNT_F_EMPTY_PATH),
                "move_mount interpreter",
            )
        os.makedirs(scratch_b, exist_ok=True)
        check(
            libc.syscall(_SYS_MOVE_MOUNT, scratch_fd, b"", _AT_FDCWD, scratch_b, _MOVE_MOUNT_F_EMPTY_PATH),
            "move_mount scratch",
        )
        os.chdir(scratch_b)

    def preexec() -> None:
        if level == "namespace":
            setup_namespace()
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_bytes, limits.file_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if nproc is not None:
            resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
        if uid is not None:
            os.setgroups([])
            os.setresgid(uid, uid, uid)
            os.setresuid(uid, uid, uid)
            libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)

    return preexec


def _write_files(scratch: str, script: str, files: Mapping[str, str | bytes]) -> None:
    root = Path(scratch)
    for name, content in files.items():
        rel = Path(name)
        if rel.is_absolute() or ".." in rel.parts or not rel.parts or name == "main.py":
            raise ValueError(f"file name must be a relative path inside the scratch directory: {name!r}")
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    (root / "main.py").write_text(script, encoding="utf-8")


def _chown_tree(path: str, uid: int) -> None:
    os.chown(path, uid, uid)
    for dirpath, dirnames, filenames in os.walk(path):
        for name in dirnames + filenames:
            os.chown(os.path.join(dirpath, name), uid, uid, follow_symlinks=False)


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _sweep_uid(uid: int, wait_s: float = 2.0) -> None:
    """Kill every process left running under the run's private uid (children that left the group), and
    wait until they are gone: SIGKILL is delivered asynchronously, and a run must not return while its
    processes still execute (on a loaded machine a killed child can stay runnable for a moment)."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            subprocess.run(
                ["kill", "-KILL", "-1"],
                preexec_fn=lambda: (os.setresgid(uid, uid, uid), os.setresuid(uid, uid, uid)),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env={"PATH": "/usr/bin:/bin"},
                timeout=10,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return
        if not _live_processes(uid) or time.monotonic() > deadline:
            return
        time.sleep(0.01)


def _live_processes(uid: int) -> list[int]:
    """Pids of processes running under ``uid`` that are not zombies (zombies execute nothing; the
    container's init reaps them)."""
    live = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/status", encoding="ascii", errors="replace") as handle:
                fields = dict(line.split(":", 1) for line in handle if ":" in line)
        except OSError:
            continue
        if fields.get("Uid", "").split()[:1] == [str(uid)] and not fields.get("State", "").strip().startswith("Z"):
            live.append(int(entry.name))
    return live


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def run_python(
    script: str,
    *,
    stdin: str = "",
    limits: Limits = Limits(),
    files: Mapping[str, str | bytes] = {},
    argv: Sequence[str] = (),
) -> RunResult:
    """Run ``script`` as ``main.py`` in a fresh scratch directory under ``limits``; never raises for
    anything the script does (bad ``files`` names raise ``ValueError``)."""
    level = isolation()
    uid = _UID_BASE + _random.randrange(_UID_SPAN) if level in ("namespace", "uid") else None
    scratch = tempfile.mkdtemp(prefix="skeldsl-sbx-")
    try:
        _write_files(scratch, script, files)
        if uid is not None:
            _chown_tree(scratch, uid)
        with tempfile.TemporaryFile() as stdin_file:
            stdin_file.write(stdin.encode("utf-8", errors="surrogateescape"))
            stdin_file.seek(0)
            return _execute(scratch, stdin_file, limits, level, uid, argv)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if uid is not None and limits.processes > 0:
            _sweep_uid(uid)


def _execute(scratch, stdin_file, limits: Limits, level: str, uid: int | None, argv) -> RunResult:
    cmd = [sys.executable, "-s", "main.py", *map(str, argv)]
    start = time.monotonic()
    try:
        proc = subprocess.Popen(
            cmd,
            stdin=stdin_file,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=scratch,
            env=_minimal_env(scratch),
            start_new_session=True,
            preexec_fn=_make_preexec(limits, level, scratch, uid),  # noqa: PLW1509 - see _make_preexec
            close_fds=True,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return RunResult("error", None, "", "", time.monotonic() - start, 0.0, f"could not start: {exc}")

    deadline = start + limits.time_s
    out_fd, err_fd = proc.stdout.fileno(), proc.stderr.fileno()
    buffers = {out_fd: bytearray(), err_fd: bytearray()}
    total = 0
    reason = ""
    exited = None  # (status, usage) once the main process is gone
    draining = False  # after the exit: read what is already in the pipes, then stop
    with selectors.DefaultSelector() as selector:
        for stream in (proc.stdout, proc.stderr):
            selector.register(stream.fileno(), selectors.EVENT_READ)
        while selector.get_map() and not reason:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                reason = "timeout"
                break
            events = selector.select(timeout=0 if draining else min(remaining, 0.05))
            for key, _ in events:
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    selector.unregister(key.fd)
                    continue
                buffers[key.fd] += chunk[: max(limits.output_bytes - total, 0)]
                total += len(chunk)
                if total > limits.output_bytes:
                    reason = "output_limit"
                    break
            if not events:
                if draining:
                    break
                # A process that left the pipes open in a child must not keep us waiting for EOF; but what
                # it wrote just before exiting may still sit in the pipes, so drain before stopping.
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    exited = (status, usage)
                    draining = True
    if reason:
        _kill_group(proc.pid)
    elif exited is None:
        # Pipes are closed; wait for the exit, still honouring the deadline.
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                exited = (status, usage)
                break
            if time.monotonic() >= deadline:
                reason = "timeout"
                _kill_group(proc.pid)
                break
            time.sleep(0.002)
    if exited is None:
        _, status, usage = os.wait4(proc.pid, 0)
    else:
        status, usage = exited
    wall = time.monotonic() - start
    _kill_group(proc.pid)  # leftovers of the group, if any
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    proc.stderr.close()
    cpu = usage.ru_utime + usage.ru_stime
    stdout = buffers[out_fd].decode("utf-8", errors="replace")
    stderr = buffers[err_fd].decode("utf-8", errors="replace")
    rc = proc.returncode
    return _classify(reason, rc, stdout, stderr, wall, cpu, limits)


def _classify(reason, rc, stdout, stderr, wall, cpu, limits: Limits) -> RunResult:
    if reason == "timeout":
        return RunResult(
            "timeout", rc, stdout, stderr, wall, cpu, f"wall-clock limit of {limits.time_s:g} s reached"
        )
    if reason == "output_limit":
        return RunResult(
            "output_limit",
            rc,
            stdout,
            stderr,
            wall,
            cpu,
            f"output exceeded {limits.output_bytes} bytes; killed",
        )
    if rc == 0:
        return RunResult("ok", 0, stdout, stderr, wall, cpu, "")
    if rc is not None and rc < 0 and -rc in (signal.SIGXCPU, signal.SIGKILL) and cpu >= limits.time_s:
        return RunResult("timeout", rc, stdout, stderr, wall, cpu, f"CPU limit reached ({cpu:.2f} s)")
    tail = stderr[-2000:]
    if any(marker in tail for marker in _MEMORY_MARKERS):
        return RunResult(
            "memory", rc, stdout, stderr, wall, cpu, f"memory limit of {limits.memory_mb} MB reached"
        )
    if rc is not None and rc < 0:
        name = _signal_name(-rc)
        if -rc == signal.SIGXFSZ:
            return RunResult(
                "crashed",
                rc,
                stdout,
                stderr,
                wall,
                cpu,
                f"killed by {name}: file size limit of {limits.file_bytes} bytes",
            )
        return RunResult("crashed", rc, stdout, stderr, wall, cpu, f"killed by {name}")
    last = tail.strip().splitlines()[-1] if tail.strip() else ""
    return RunResult(
        "crashed", rc, stdout, stderr, wall, cpu, f"exit code {rc}" + (f": {last}" if last else "")
    )
