"""``skel fmt`` and ``skel check``: skeleton text in, canonical text or diagnostics out.

Both read files (or ``-`` for standard input) as UTF-8, parse them with ``parse_skeleton`` and report
every failure as ``path:line:col: kind: message`` followed by the offending line and a caret, never as a
traceback.  Exit status: 0 all fine, 1 some input failed (or, for ``fmt --check``, is not canonical),
2 usage errors such as a missing file (click checks paths before anything runs).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import click

from skeldsl.errors import InternalError, SkelError, SourceDecodeError

_STDIN = "-"
_FILES = click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, allow_dash=True)
)


@dataclass(frozen=True)
class _Result:
    """One input: its display name, its bytes, and either its canonical text or the error that stopped it."""

    name: str
    data: bytes | None = None
    canonical: str | None = None
    error: SkelError | None = None


@click.command()
@click.option(
    "--check", "check_only", is_flag=True, help="Print nothing; list the files that are not canonical."
)
@_FILES
def fmt(check_only: bool, files: tuple[str, ...]) -> int:
    """Parse skeleton FILES (or - for stdin) and print them canonically to stdout.

    With --check, print nothing for canonical files and list the others on stdout, exit status 1 if
    there are any.  Errors go to stderr as path:line:col: kind: message.
    """
    status = 0
    for result in map(_format, files):
        if result.error is not None:
            click.echo(str(result.error), err=True)
            status = 1
        elif check_only:
            if result.data != result.canonical.encode("utf-8"):  # bytes: a BOM or CRLF is not canonical
                click.echo(result.name)
                status = 1
        else:
            click.echo(result.canonical, nl=False)
    return status


@click.command()
@_FILES
def check(files: tuple[str, ...]) -> int:
    """Check that skeleton FILES (or - for stdin) parse and are valid.

    Print one diagnostic per failing file to stdout, as path:line:col: kind: message followed by the
    offending line and a caret; exit status 1 if there are any.
    """
    status = 0
    for result in map(_format, files):
        if result.error is not None:
            click.echo(str(result.error))
            status = 1
    return status


def _format(path: str) -> _Result:
    """Read, decode, parse and reprint one input; every failure becomes the result's error."""
    from skeldsl.parser import parse_skeleton
    from skeldsl.printer import print_skeleton

    name = "<stdin>" if path == _STDIN else path
    try:
        data = _read(path)
        return _Result(name, data, print_skeleton(parse_skeleton(_decode(data, name), path=name)))
    except SkelError as error:
        return _Result(name, error=error if error.path else error.with_path(name))
    except OSError as error:  # unreadable after click's existence check (permissions, a vanished file)
        return _Result(name, error=SourceDecodeError(f"cannot read: {error.strerror or error}", path=name))
    except Exception as error:  # noqa: BLE001 - a bug must not abort the batch or show a traceback
        return _Result(name, error=InternalError(f"{type(error).__name__}: {error}", path=name))


def _read(path: str) -> bytes:
    if path == _STDIN:
        buffer = getattr(sys.stdin, "buffer", None)  # bytes, so decoding errors are ours to report
        return buffer.read() if buffer is not None else sys.stdin.read().encode("utf-8", "surrogateescape")
    with open(path, "rb") as handle:
        return handle.read()


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start
        line = data.count(b"\n", 0, offset) + 1
        column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        raise SourceDecodeError(
            f"not UTF-8 text: byte 0x{data[offset]:02x} at offset {offset}",
            path=name,
            line=line,
            column=column,
        ) from None
