"""Round trip of the renderers: extract(render(s, L)) == s over thousands of canonical skeletons.

For each language with a renderer and an extractor:

1. ``--n`` skeletons (default 5000) drawn by ``skeldsl.render.generate.sample`` (canonical, inside the
   language's capabilities), each rendered with its own style seed: the share whose program parses with
   tree-sitter without error nodes, the share whose extraction equals the skeleton, and the most common
   failing shapes (first differing skeleton line, names abstracted);
2. real toolchains on a sample (``--toolchain-n``, default 300) in one batch each where installed:
   Python ``compile()`` (all programs), ``javac``, ``g++ -fsyntax-only`` (one translation unit, one
   namespace per program), ``gcc -fsyntax-only``, ``node`` (``vm.Script`` compiles without running),
   ``rustc --emit=metadata`` (one crate, one module per program); the rest is tree-sitter only;
3. determinism: same seed, same bytes; four other seeds, the same skeleton (and how many distinct texts).

Timing is reported against a baseline measured in the same run: tree-sitter parse-only time of the
rendered programs (render ms per program / parse ms per program).

    python bench/render_roundtrip.py                      # every language, 5000 each
    python bench/render_roundtrip.py --langs python,java --n 1000
"""

from __future__ import annotations

import argparse
import collections
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import skeldsl
from skeldsl.languages import get_language
from skeldsl.printer import print_skeleton
from skeldsl.render import RENDERERS, available_languages, render
from skeldsl.render.generate import sample

_NUMBERS = re.compile(r"\b([pvsf])\d+\b")


def shape(expected: str, got: str | None) -> str:
    """The first differing line of two skeleton texts, names abstracted (``p0`` -> ``p``)."""
    if got is None:
        return "extraction error"
    for line in difflib.unified_diff(expected.splitlines(), got.splitlines(), lineterm="", n=0):
        if line.startswith(("-", "+")) and not line.startswith(("---", "+++")):
            return _NUMBERS.sub(r"\1", line.strip())
    return "?"


def extractor_available(lang: str) -> bool:
    import importlib.util

    module = get_language(lang).extractor
    name = module if "." in module else f"skeldsl.extractors.{module}"
    return importlib.util.find_spec(name) is not None


# ------------------------------------------------------------------------------------------ toolchains

def check_python(programs: list[str]) -> tuple[int, int]:
    ok = 0
    for index, source in enumerate(programs):
        try:
            compile(source, f"<{index}>", "exec")
            ok += 1
        except SyntaxError:
            pass
    return ok, len(programs)


def _run(args: list[str], cwd: str, timeout: int = 900) -> str:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    return result.stdout + result.stderr


def check_java(programs: list[str], work: str) -> tuple[int, int]:
    files = []
    for index, source in enumerate(programs):
        os.makedirs(os.path.join(work, f"p{index}"), exist_ok=True)
        path = os.path.join(f"p{index}", "Solution.java")
        with open(os.path.join(work, path), "w") as handle:
            handle.write(f"package p{index};\n" + source)
        files.append(path)
    output = _run(["javac", "-d", "out", "-proc:none", "-nowarn", "-Xmaxerrs", "100000", *files], work)
    bad = {int(m) for m in re.findall(r"^p(\d+)/Solution\.java:\d+: error", output, re.MULTILINE)}
    return len(programs) - len(bad), len(programs)


def _one_unit(programs: list[str], header: list[str], strip, wrap) -> tuple[str, list[tuple[int, int]]]:
    lines = list(header)
    spans = []
    for index, source in enumerate(programs):
        body = [line for line in source.split("\n") if not strip(line)]
        start = len(lines) + 1
        lines += wrap(index, body)
        spans.append((start, len(lines)))
    return "\n".join(lines) + "\n", spans


def _bad_programs(output: str, pattern: str, spans: list[tuple[int, int]]) -> set[int]:
    bad = set()
    for line_text in re.findall(pattern, output, re.MULTILINE):
        line = int(line_text)
        for index, (start, end) in enumerate(spans):
            if start <= line <= end:
                bad.add(index)
    return bad


def check_cpp(programs: list[str], work: str) -> tuple[int, int]:
    text, spans = _one_unit(
        programs, ["#include <bits/stdc++.h>", "using namespace std;"],
        lambda line: line.startswith("#include") or line == "using namespace std;",
        lambda index, body: [f"namespace p{index} {{"] + body + ["}"])
    with open(os.path.join(work, "all.cpp"), "w") as handle:
        handle.write(text)
    output = _run(["g++", "-std=c++20", "-fsyntax-only", "-fmax-errors=100000", "all.cpp"], work)
    bad = _bad_programs(output, r"^all\.cpp:(\d+):\d+: error", spans)
    return len(programs) - len(bad), len(programs)


def check_files(programs: list[str], work: str, suffix: str, command: list[str]) -> tuple[int, int]:
    names = []
    for index, source in enumerate(programs):
        name = f"p{index}{suffix}"
        with open(os.path.join(work, name), "w") as handle:
            handle.write(source)
        names.append(name)
    output = _run(command + names, work)
    bad = {int(m) for m in re.findall(rf"^p(\d+){re.escape(suffix)}:\d+:\d+: error", output, re.MULTILINE)}
    return len(programs) - len(bad), len(programs)


_NODE_CHECK = """
const fs = require("fs"), vm = require("vm");
let ok = 0; const names = fs.readdirSync(".").filter((n) => n.endsWith(".js"));
for (const name of names) { try { new vm.Script(fs.readFileSync(name, "utf8")); ok++; } catch (e) {} }
console.log(JSON.stringify([ok, names.length]));
"""


def check_node(programs: list[str], work: str) -> tuple[int, int]:
    for index, source in enumerate(programs):
        with open(os.path.join(work, f"p{index}.js"), "w") as handle:
            handle.write(source)
    output = _run(["node", "-e", _NODE_CHECK], work)
    ok, total = json.loads(output.strip().splitlines()[-1])
    return ok, total


def check_rust(programs: list[str], work: str) -> tuple[int, int]:
    text, spans = _one_unit(
        programs, ["#![allow(warnings)]"], lambda line: line.startswith("#!["),
        lambda index, body: [f"mod p{index} {{"] + body + ["}"])
    with open(os.path.join(work, "all.rs"), "w") as handle:
        handle.write(text)
    output = _run(["rustc", "--edition", "2021", "--crate-type", "lib", "--emit=metadata", "-o",
                   os.path.join(work, "all.rmeta"), "all.rs"], work)
    bad = _bad_programs(output, r"^\s*--> all\.rs:(\d+):\d+", spans)
    return len(programs) - len(bad), len(programs)


TOOLCHAINS = {
    "python": ("python compile()", None, lambda p, w: check_python(p)),
    "java": ("javac", "javac", check_java),
    "cpp": ("g++ -fsyntax-only", "g++", check_cpp),
    "c": ("gcc -fsyntax-only", "gcc", lambda p, w: check_files(p, w, ".c", ["gcc", "-std=c11", "-fsyntax-only"])),
    "javascript": ("node vm.Script", "node", check_node),
    "rust": ("rustc --emit=metadata", "rustc", check_rust),
}

# ------------------------------------------------------------------------------------------------ main


def run_language(lang: str, n: int, toolchain_n: int, seed: int) -> dict:
    parser = get_language(lang).ts_parser()
    extracted_ok = parsed_ok = 0
    failures: collections.Counter = collections.Counter()
    examples: dict[str, str] = {}
    programs: list[str] = []
    render_time = parse_time = extract_time = 0.0
    skeletons = list(sample(n, lang, seed=seed))
    for index, skeleton in enumerate(skeletons):
        expected = print_skeleton(skeleton)
        started = time.perf_counter()
        try:
            source = render(skeleton, lang, seed=index)
        except skeldsl.SkelError as error:
            failures[f"render error: {error.message[:80]}"] += 1
            continue
        render_time += time.perf_counter() - started
        programs.append(source)
        started = time.perf_counter()
        tree = parser.parse(source.encode())
        parse_time += time.perf_counter() - started
        parsed_ok += not tree.root_node.has_error
        started = time.perf_counter()
        try:
            got = print_skeleton(skeldsl.extract(source, lang))
        except Exception as error:  # noqa: BLE001 - an extractor being edited must not stop the bench
            got = None
            failures[f"extraction error: {type(error).__name__}"] += 1
            extract_time += time.perf_counter() - started
            continue
        extract_time += time.perf_counter() - started
        if got == expected:
            extracted_ok += 1
        else:
            key = shape(expected, got)
            failures[key] += 1
            examples.setdefault(key, expected)
    result = {
        "lang": lang, "n": n, "parsed": parsed_ok, "extracted": extracted_ok,
        "render_ms": 1000 * render_time / max(n, 1), "parse_ms": 1000 * parse_time / max(n, 1),
        "extract_ms": 1000 * extract_time / max(n, 1), "failing_shapes": failures.most_common(10),
    }
    # determinism and style variation
    stable = varied = same_skeleton = 0
    checked = skeletons[:200]
    for index, skeleton in enumerate(checked):
        try:
            first, again = render(skeleton, lang, seed=index), render(skeleton, lang, seed=index)
        except skeldsl.SkelError:  # already counted among the render errors above; not stable by definition
            continue
        stable += first == again
        texts = {first} | {render(skeleton, lang, seed=index + 7919 * k) for k in range(1, 5)}
        varied += len(texts) > 1
        try:
            same_skeleton += all(skeldsl.extract(text, lang) == skeleton for text in texts)
        except Exception:  # noqa: BLE001 - counted as not the same skeleton
            pass
    result.update(determinism_checked=len(checked), same_bytes=stable, styles_vary=varied,
                  same_skeleton_all_seeds=same_skeleton)
    name, binary, check = TOOLCHAINS.get(lang, (None, None, None))
    if check is not None and (binary is None or shutil.which(binary)):
        chosen = programs if lang == "python" else programs[:toolchain_n]
        with tempfile.TemporaryDirectory() as work:
            started = time.perf_counter()
            ok, total = check(chosen, work)
            result["toolchain"] = {"name": name, "accepted": ok, "checked": total,
                                   "seconds": round(time.perf_counter() - started, 1)}
    else:
        result["toolchain"] = {"name": "none installed: tree-sitter parse only"}
    return result


def report(result: dict) -> None:
    n = result["n"]
    print(f"\n== {result['lang']}: {n} canonical skeletons")
    print(f"  parses without tree-sitter error nodes: {result['parsed']}/{n} = {100 * result['parsed'] / n:.2f}%")
    print(f"  extract(render(s)) == s:                {result['extracted']}/{n} = "
          f"{100 * result['extracted'] / n:.2f}%")
    for key, count in result["failing_shapes"]:
        print(f"    {count:5d}  {key}")
    tool = result["toolchain"]
    if "accepted" in tool:
        print(f"  {tool['name']}: {tool['accepted']}/{tool['checked']} accepted = "
              f"{100 * tool['accepted'] / max(tool['checked'], 1):.2f}% ({tool['seconds']} s)")
    else:
        print(f"  toolchain: {tool['name']}")
    d = result["determinism_checked"]
    print(f"  same seed same bytes: {result['same_bytes']}/{d}; other seeds same skeleton: "
          f"{result['same_skeleton_all_seeds']}/{d}; styles differ across 5 seeds: {result['styles_vary']}/{d}")
    ratio = result["render_ms"] / max(result["parse_ms"], 1e-9)
    print(f"  render {result['render_ms']:.3f} ms/program = {ratio:.2f}x tree-sitter parse-only "
          f"({result['parse_ms']:.3f} ms); extraction {result['extract_ms']:.2f} ms")


def skeletons_baseline(n: int) -> None:
    """How many draws of the untyped ``skeletons()`` strategy are canonical at all (the reason the
    renderers are measured on ``canonical_skeletons``), and how many are after ``canonicalise``."""
    from hypothesis import HealthCheck, Phase, given, settings

    from skeldsl.render.canonical import canonicalise
    from skeldsl.testing.strategies import skeletons

    counts = collections.Counter()

    @settings(max_examples=n, deadline=None, phases=[Phase.generate], database=None,
              suppress_health_check=list(HealthCheck))
    @given(skeletons())
    def draw(skeleton):
        counts["drawn"] += 1
        canonical = canonicalise(skeleton)
        counts["canonical"] += canonical == skeleton
        counts["fixed point after canonicalise"] += canonicalise(canonical) == canonical

    draw()
    print(f"skeletons() baseline: {counts['canonical']}/{counts['drawn']} draws are canonical; "
          f"{counts['fixed point after canonicalise']}/{counts['drawn']} are after canonicalise()")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--langs", default=",".join(RENDERERS))
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--toolchain-n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", help="also write the results as JSON to this file")
    parser.add_argument("--skeletons-baseline", type=int, default=0, metavar="N",
                        help="first count how many of N skeletons() draws are canonical")
    args = parser.parse_args(argv)
    if args.skeletons_baseline:
        skeletons_baseline(args.skeletons_baseline)
    results = []
    for lang in args.langs.split(","):
        if lang not in available_languages():
            print(f"\n== {lang}: skipped (no renderer)")
            continue
        if not extractor_available(lang):
            print(f"\n== {lang}: skipped (no extractor)")
            continue
        result = run_language(lang, args.n, args.toolchain_n, args.seed)
        report(result)
        results.append(result)
        sys.stdout.flush()
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(results, handle, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
