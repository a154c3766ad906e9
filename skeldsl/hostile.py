"""Generators of hostile inputs, shared by the robustness tests and ``bench/robustness.py``.

Each generator yields ``(kind, language, bytes)``.  Every one of them must produce a skeleton or a clean
``SkelError`` record from ``skeldsl.batch.extract_one`` / ``skel extract``, never a traceback.
"""

from __future__ import annotations

import random
from typing import Iterator

from skeldsl.languages import all_languages

_OPENERS = {"python": ("x = ", "(", ")"), "default": ("int f() { return ", "(", "); }")}


def random_bytes(rng: random.Random, count: int) -> Iterator[tuple[str, str, bytes]]:
    languages = [language.name for language in all_languages()]
    for _ in range(count):
        yield "random_bytes", rng.choice(languages), bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 400)))


def truncated(rng: random.Random, sources: list[tuple[str, str]], count: int) -> Iterator[tuple[str, str, bytes]]:
    for _ in range(count):
        language, code = rng.choice(sources)
        data = code.encode("utf-8")
        yield "truncated", language, data[: rng.randint(0, len(data))]


def invalid_utf8(rng: random.Random, sources: list[tuple[str, str]], count: int) -> Iterator[tuple[str, str, bytes]]:
    for _ in range(count):
        language, code = rng.choice(sources)
        data = bytearray(code.encode("utf-8"))
        position = rng.randint(0, len(data))
        data[position:position] = rng.choice([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xe2\x82"])
        yield "invalid_utf8", language, bytes(data)


def nul_bytes(rng: random.Random, sources: list[tuple[str, str]], count: int) -> Iterator[tuple[str, str, bytes]]:
    for _ in range(count):
        language, code = rng.choice(sources)
        data = bytearray(code.encode("utf-8"))
        data.insert(rng.randint(0, len(data)), 0)
        yield "nul_bytes", language, bytes(data)


def deep_nesting(depth: int = 5000) -> Iterator[tuple[str, str, bytes]]:
    for language in all_languages():
        head, opener, closer = _OPENERS.get(language.name, _OPENERS["default"])
        yield "deep_brackets", language.name, (head + opener * depth + "1" + closer * depth + "\n").encode()
        yield "deep_blocks", language.name, ("{" * depth + "}" * depth).encode()
    python_blocks = "".join(" " * i + "if x:\n" for i in range(depth // 50)) + " " * (depth // 50) + "pass\n"
    yield "deep_indentation", "python", python_blocks.encode()
    else_if = "int f(int x) {\n" + "".join("if (x) {} else " for _ in range(depth)) + "{}\n}\n"
    for language in ("java", "cpp", "c", "javascript", "csharp"):
        yield "deep_else_if", language, else_if.encode()


def huge(size: int = 10_000_000) -> Iterator[tuple[str, str, bytes]]:
    line = b"x = [1, 2, 3]\n"
    yield "huge_10MB", "python", line * (size // len(line) + 1)

