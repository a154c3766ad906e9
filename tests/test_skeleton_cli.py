"""``skel fmt`` and ``skel check``: canonical output, --check, diagnostics with positions, exit codes,
and never a traceback (garbage, binary files, missing files, stdin)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from skeldsl.cli import main

CANONICAL = "skel 1\nfn f0(p0: seq, p1: num) {\n  v0 = map()\n  for p0 {\n    if map.has(v0) {\n      return\n    }\n    map.put(v0)\n  }\n  return\n}\n"
MESSY = CANONICAL.replace("  ", "\t").replace("\n", "\r\n").replace("p0: seq", "p0 :seq")


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {
        "canonical": ("canonical.skel", CANONICAL.encode()),
        "messy": ("messy.skel", MESSY.encode()),
        "invalid": ("invalid.skel", b"skel 1\nfn f0() {\n  map.pu(v0)\n}\n"),
        "syntax": ("syntax.skel", b"skel 1\nfn f0() {\n  return break\n}\n"),
        "binary": ("binary.bin", bytes(range(256)) * 4),
        "nul": ("nul.skel", b"skel 1\n\x00\n"),
        "bom": ("bom.skel", b"\xef\xbb\xbf" + CANONICAL.encode()),
        "empty": ("empty.skel", b""),
    }
    result = {}
    for key, (name, data) in paths.items():
        result[key] = tmp_path / name
        result[key].write_bytes(data)
    return result


def test_fmt_prints_canonical_text(files, capsys) -> None:
    assert main(["fmt", str(files["messy"]), str(files["canonical"])]) == 0
    out, err = capsys.readouterr()
    assert out == CANONICAL * 2 and err == ""


def test_fmt_reads_stdin(monkeypatch, capsys) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MESSY.encode())))
    assert main(["fmt", "-"]) == 0
    assert capsys.readouterr().out == CANONICAL


def test_fmt_check_lists_only_non_canonical_files(files, capsys) -> None:
    assert main(["fmt", "--check", str(files["canonical"])]) == 0
    assert capsys.readouterr() == ("", "")
    status = main(["fmt", "--check", str(files["canonical"]), str(files["messy"]), str(files["bom"])])
    out, err = capsys.readouterr()
    assert status == 1
    assert out.splitlines() == [str(files["messy"]), str(files["bom"])] and err == ""


def test_fmt_reports_errors_on_stderr_and_continues(files, capsys) -> None:
    status = main(["fmt", str(files["invalid"]), str(files["canonical"])])
    out, err = capsys.readouterr()
    assert status == 1 and out == CANONICAL
    assert err == (
        f"{files['invalid']}:3:3: skeleton_invalid: unknown operation 'map.pu' (did you mean 'map.put'?)\n"
        "    map.pu(v0)\n    ^\n"
    )


def test_check_reports_every_failing_file(files, capsys) -> None:
    status = main(
        [
            "check",
            *(
                str(files[key])
                for key in ("canonical", "messy", "invalid", "syntax", "binary", "nul", "empty")
            ),
        ]
    )
    out, err = capsys.readouterr()
    assert status == 1 and err == ""
    headers = [line for line in out.splitlines() if not line.startswith("  ")]
    assert headers == [
        f"{files['invalid']}:3:3: skeleton_invalid: unknown operation 'map.pu' (did you mean 'map.put'?)",
        f"{files['syntax']}:3:10: skeleton_syntax: one statement a line (unexpected 'break'; expected end of line)",
        f"{files['binary']}:2:118: decode_error: not UTF-8 text: byte 0x80 at offset 128",
        f"{files['nul']}:2:1: skeleton_syntax: NUL byte in skeleton text",
        (
            f"{files['empty']}:1:1: skeleton_syntax: a skeleton starts with the header line `skel 1` "
            "(unexpected end of input; expected 'skel')"
        ),
    ]
    assert "Traceback" not in out


def test_check_passes_valid_files(files, capsys) -> None:
    assert main(["check", str(files["canonical"]), str(files["messy"]), str(files["bom"])]) == 0
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["fmt"],
        ["check", "{missing}"],
        ["fmt", "--check", "{missing}"],
        ["fmt", "{dir}"],
        ["fmt", "--nope", "x"],
    ],
)
def test_usage_errors_exit_2(argv, tmp_path, capsys) -> None:
    argv = [arg.format(missing=tmp_path / "missing.skel", dir=tmp_path) for arg in argv]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert "Usage: skel" in err and "Traceback" not in out + err


def test_installed_console_script(files) -> None:
    """The `skel` script installed next to this interpreter (pip's console-script entry point)."""
    beside = Path(sys.executable).with_name("skel")
    skel = str(beside) if beside.exists() else shutil.which("skel")
    assert skel, "the skel console script is not installed"
    run = subprocess.run(
        [skel, "check", str(files["syntax"]), str(files["canonical"])],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1 and run.stderr == ""
    assert run.stdout == (
        f"{files['syntax']}:3:10: skeleton_syntax: one statement a line (unexpected 'break'; expected end of line)\n"
        "    return break\n           ^\n"
    )
    run = subprocess.run(
        [skel, "fmt", "-"], input=MESSY, check=False, capture_output=True, text=True, timeout=60
    )
    assert (run.returncode, run.stdout, run.stderr) == (0, CANONICAL, "")
    run = subprocess.run(
        [skel, "fmt", str(files["binary"]) + ".missing"],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2 and "does not exist" in run.stderr and "Traceback" not in run.stderr
