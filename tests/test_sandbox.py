"""The sandbox against hostile programs: every run ends with a clear status and the host is untouched."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from skeldsl.sandbox import STATUSES, Limits, RunResult, isolation, run_python

FAST = Limits(time_s=1.0)
ROOT_ISOLATION = pytest.mark.skipif(
    isolation() == "rlimits",
    reason="uid/namespace isolation needs root; as a normal user the child is the same user",
)


def test_ok_run_sees_stdin_files_argv_and_scratch_cwd():
    script = "import os, sys\nprint(input()[::-1]); print(open('data/a.txt').read()); print(sys.argv[1:])\nprint(os.getcwd())"
    result = run_python(script, stdin="abc\n", files={"data/a.txt": "payload"}, argv=["x", 3])
    assert isinstance(result, RunResult)
    assert result.status == "ok" and result.returncode == 0 and result.message == ""
    lines = result.stdout.splitlines()
    assert lines[:3] == ["cba", "payload", "['x', '3']"]
    assert "skeldsl-sbx-" in lines[3]
    assert not Path(lines[3]).exists() or isolation() == "namespace"  # scratch removed afterwards
    assert result.wall_s > 0 and result.cpu_s > 0


def test_scratch_directory_is_removed(tmp_path):
    result = run_python("import os; print(os.getcwd())")
    assert result.ok
    assert not Path(result.stdout.strip()).exists()


def test_infinite_loop_times_out_quickly():
    result = run_python("while True: pass", limits=Limits(time_s=0.5))
    assert result.status == "timeout"
    assert "0.5 s" in result.message
    assert result.wall_s < 2.0


def test_sleeping_program_times_out_on_wall_clock():
    result = run_python("import time; time.sleep(60)", limits=Limits(time_s=0.5))
    assert result.status == "timeout"
    assert result.cpu_s < 0.5


def test_memory_hog_reports_memory():
    result = run_python("x = bytearray(3 * 1024 ** 3)", limits=Limits(time_s=2, memory_mb=256))
    assert result.status == "memory"
    assert "256 MB" in result.message


def test_fork_bomb_is_bounded():
    script = "import os\nwhile True:\n    os.fork()\n"
    result = run_python(script, limits=FAST)
    assert result.status == "crashed"
    assert "Resource temporarily unavailable" in result.message


def test_huge_output_is_capped_and_killed():
    result = run_python("while True: print('y' * 1000)", limits=Limits(time_s=5, output_bytes=50_000))
    assert result.status == "output_limit"
    assert len(result.stdout) <= 50_000
    assert result.wall_s < 4


def test_large_file_hits_file_size_limit():
    result = run_python("open('big', 'wb').write(b'x' * 3_000_000)", limits=Limits(file_bytes=1_000_000))
    assert result.status == "crashed"
    assert "File too large" in result.message


def test_parent_environment_secrets_are_invisible(monkeypatch):
    monkeypatch.setenv("SKELDSL_FAKE_SECRET", "hunter2-" + uuid.uuid4().hex)
    result = run_python("import os; print(sorted(os.environ)); print(open('/proc/self/environ').read())")
    assert result.ok
    assert "SKELDSL_FAKE_SECRET" not in result.stdout
    assert os.environ["SKELDSL_FAKE_SECRET"] not in result.stdout
    assert "'HOME'" in result.stdout and "'PATH'" in result.stdout


def test_exceptions_and_exit_codes_are_crashes_with_reason():
    boom = run_python("raise ValueError('boom')")
    assert boom.status == "crashed" and boom.returncode == 1 and "ValueError: boom" in boom.message
    three = run_python("import sys; sys.exit(3)")
    assert three.status == "crashed" and three.returncode == 3 and three.message == "exit code 3"
    segv = run_python("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)")
    assert segv.status == "crashed" and "SIGSEGV" in segv.message


def test_invalid_utf8_output_is_replaced():
    result = run_python(
        "import sys; sys.stdout.buffer.write(b'ok\\xff\\xfe'); sys.stderr.buffer.write(b'\\x80')"
    )
    assert result.ok
    assert result.stdout == "ok\ufffd\ufffd" and result.stderr == "\ufffd"


def test_site_packages_are_importable_in_the_child():
    # click is a core dependency, installed in site-packages, not the stdlib.
    result = run_python("import click; print(click.__name__)")
    assert result.ok, result.stderr
    assert result.stdout.strip() == "click"


@pytest.mark.parametrize("name", ["/etc/passwd", "../escape.txt", "main.py", ""])
def test_bad_file_names_are_rejected(name):
    with pytest.raises(ValueError):
        run_python("pass", files={name: "x"})


@pytest.mark.parametrize(
    "kwargs",
    [{"time_s": 0}, {"time_s": float("nan")}, {"memory_mb": 0}, {"output_bytes": -1}, {"processes": -1}],
)
def test_limits_are_validated(kwargs):
    with pytest.raises(ValueError):
        Limits(**kwargs)


@ROOT_ISOLATION
def test_writes_outside_scratch_do_not_reach_the_host():
    tag = uuid.uuid4().hex
    repo = Path(__file__).resolve().parents[1]
    targets = [Path.home() / f"sbx-{tag}", repo / f"sbx-{tag}", repo / "pyproject.toml"]
    if isolation() == "namespace":
        targets.append(Path("/tmp") / f"sbx-{tag}")
    before = (repo / "pyproject.toml").read_bytes()
    script = "\n".join(
        [
            "results = []",
            f"for p in {[str(t) for t in targets]!r}:",
            "    try:",
            "        open(p, 'a').write('pwned')",
            "        results.append('wrote')",
            "    except OSError as e:",
            "        results.append(type(e).__name__)",
            "print(results)",
        ]
    )
    result = run_python(script)
    assert result.ok, result.stderr
    for target in targets[:2] + targets[3:]:
        assert not target.exists(), target
    assert (repo / "pyproject.toml").read_bytes() == before
    assert "PermissionError" in result.stdout


@ROOT_ISOLATION
def test_killing_the_parent_is_refused():
    result = run_python("import os, signal; os.kill(os.getppid(), signal.SIGKILL)")
    assert result.status == "crashed"
    assert "Operation not permitted" in result.message


@ROOT_ISOLATION
def test_child_runs_under_its_own_unprivileged_uid():
    first = run_python("import os; print(os.getuid(), os.getgid(), os.getgroups())")
    second = run_python("import os; print(os.getuid())")
    uid, gid, groups = first.stdout.split(maxsplit=2)
    assert int(uid) >= 1_000_000 and uid == gid and groups.strip() == "[]"
    assert second.stdout.split()[0] != uid  # a fresh uid per run


@ROOT_ISOLATION
def test_allowed_processes_are_cleaned_up():
    # A child that escapes the process group with setsid is still killed through its private uid.
    script = (
        "import os, time\n"
        "if os.fork() == 0:\n"
        "    os.setsid(); time.sleep(30); os._exit(0)\n"
        "print(os.getuid())\n"
    )
    result = run_python(script, limits=Limits(time_s=2, processes=2))
    assert result.ok, result.stderr
    uid = int(result.stdout.split()[0])
    alive = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _live_uid(p) == uid]
    assert alive == []  # killed ones may linger as zombies until the container's init reaps them


def _live_uid(proc: Path) -> int | None:
    """The uid of a process that is not a zombie, else None."""
    try:
        fields = dict(
            line.split(":", 1) for line in (proc / "status").read_text().splitlines() if ":" in line
        )
    except OSError:
        return None
    if fields.get("State", "").strip().startswith("Z"):
        return None
    return int(fields["Uid"].split()[0])


def test_every_status_is_known():
    assert set(STATUSES) == {"ok", "timeout", "memory", "output_limit", "crashed", "error"}


def test_output_written_just_before_exit_is_not_lost_when_a_child_keeps_the_pipes_open():
    # The grandchild inherits stdout and sleeps; the main process prints and exits at once.  The parent
    # stops waiting for EOF when the main process is gone, but must first drain what is in the pipe.
    script = (
        "import os, sys, time\n"
        "if os.fork() == 0:\n"
        "    time.sleep(20); os._exit(0)\n"
        "sys.stdout.write('z' * 200_000); sys.stdout.flush(); os._exit(0)\n"
    )
    for _ in range(3):
        result = run_python(script, limits=Limits(time_s=5, processes=2))
        assert result.ok, result.message
        assert len(result.stdout) == 200_000
        assert result.wall_s < 4
