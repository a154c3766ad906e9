"""Source text -> canonical skeleton: the one entry point every caller (CLI, batch, adapters) uses.

It owns the input guards (decoding, size and nesting limits) and turns every failure into a
``SkelError`` naming the file and position, so callers can write one error record per bad input.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from itertools import accumulate

from skeldsl import model  # noqa: F401 - type of the public result
from skeldsl.errors import (
    InputTooLargeError,
    InternalError,
    NestingTooDeepError,
    SkelError,
    SourceDecodeError,
)
from skeldsl.languages import Language, get_language

MAX_SOURCE_BYTES = 2_000_000
MAX_NESTING = 200
_BRACKETS = re.compile(r"[()\[\]{}]")
_DEPTH_STEP = {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}


@dataclass(frozen=True)
class Limits:
    """Guards applied before parsing; generous for real solutions, strict enough for hostile input."""

    max_bytes: int = MAX_SOURCE_BYTES
    max_nesting: int = MAX_NESTING


def decode_source(data: bytes, path: str | None = None) -> str:
    """Bytes -> text: UTF-8 (with or without BOM); NUL bytes and other encodings are a decode error."""
    if b"\x00" in data:
        offset = data.index(b"\x00")
        line = data.count(b"\n", 0, offset) + 1
        raise SourceDecodeError("NUL byte: this looks like a binary file", path=path, line=line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise SourceDecodeError(
            f"not valid UTF-8 (byte 0x{data[error.start]:02x})", path=path, line=line, column=column
        ) from None
    return text


def check_limits(source: str, path: str | None, limits: Limits) -> None:
    # a character is at most 4 UTF-8 bytes, so short sources need no encoding to be measured
    size = len(source)
    if size * 4 > limits.max_bytes:
        size = len(source.encode("utf-8", "surrogatepass"))
    if size > limits.max_bytes:
        raise InputTooLargeError(f"source is {size} bytes; the limit is {limits.max_bytes}", path=path)
    if "\x00" in source:
        line = source.count("\n", 0, source.index("\x00")) + 1
        raise SourceDecodeError("NUL character in source", path=path, line=line)
    brackets = _BRACKETS.findall(source)
    if len(brackets) <= limits.max_nesting or max(accumulate(map(_DEPTH_STEP.__getitem__, brackets))) \
            <= limits.max_nesting:
        return  # the common case, counted in C; the loop below only finds where the limit is exceeded
    depth = deepest = worst_offset = 0
    for match in _BRACKETS.finditer(source):  # only brackets are visited, not every character
        if match.group() in "([{":
            depth += 1
            if depth > deepest:
                deepest, worst_offset = depth, match.start()
        else:
            depth -= 1
    if deepest > limits.max_nesting:
        worst_line = source.count("\n", 0, worst_offset) + 1
        raise NestingTooDeepError(
            f"brackets nest {deepest} deep; the limit is {limits.max_nesting}", path=path, line=worst_line
        )


def extract(source: str, lang: str | Language = "python", path: str | None = None,
            limits: Limits = Limits()) -> model.Skeleton:
    """The canonical skeleton of ``source``; raises a ``SkelError`` subclass on bad input."""
    from skeldsl.normalise import normalise

    language = lang if isinstance(lang, Language) else get_language(lang)
    check_limits(source, path, limits)
    try:
        extractor = language.extractor_module()
        module = extractor.extract(source, path)
        return normalise(module, extractor.SPEC)
    except SkelError as error:
        raise error if error.path else error.with_path(path)
    except RecursionError:
        raise NestingTooDeepError("program nests too deeply to analyse", path=path) from None
    except Exception as error:  # noqa: BLE001 - a bug must become a record, not kill a batch
        raise InternalError(f"{type(error).__name__}: {error}", path=path) from error


def extract_text(source: str, lang: str | Language = "python", path: str | None = None) -> str:
    from skeldsl.printer import print_skeleton

    return print_skeleton(extract(source, lang, path))


def _raise_recursion_limit() -> None:  # pragma: no cover - tuning knob for deep but legal programs
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
