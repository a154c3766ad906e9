"""Sample tests from CodeNet problem statements (``pNNNNN.html``): the stdin/stdout tests of PIE pairs.

AtCoder pages say "Sample Input 1" / "Sample Output 1" (often twice: Japanese "入力例 1" / "出力例 1"
and English); AIZU pages say "Sample Input" / "Output for the Sample Input" (sometimes numbered).  Each
heading is followed by a ``<pre>`` block.  Inputs and outputs are paired by number (or by order when
unnumbered) and duplicates (the two languages) are dropped.
"""

from __future__ import annotations

import html
import re

from skeldsl.evaluation.problem import IOCase

_HEADING = re.compile(r"<h[1-6][^>]*>(?P<title>.*?)</h[1-6]>", re.IGNORECASE | re.DOTALL)
_PRE = re.compile(r"<pre[^>]*>(?P<body>.*?)</pre>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_OUTPUT = re.compile(r"(sample\s*output|output\s*for\s*the\s*sample|出力例)", re.IGNORECASE)
_INPUT = re.compile(r"(sample\s*input|入力例)", re.IGNORECASE)
_NUMBER = re.compile(r"(\d+)\s*$")


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment))


def parse_sample_tests(page: str) -> tuple[IOCase, ...]:
    """The (input, output) sample pairs of one statement page, in order, without duplicates."""
    headings = list(_HEADING.finditer(page))
    inputs: dict[int, str] = {}
    outputs: dict[int, str] = {}
    order_in = order_out = 0
    pairs: list[tuple[str, str]] = []
    for position, heading in enumerate(headings):
        title = _text(heading.group("title")).strip()
        is_output = bool(_OUTPUT.search(title))  # checked first: "Output for the Sample Input" names both
        is_input = not is_output and bool(_INPUT.search(title))
        if not (is_input or is_output):
            continue
        end = headings[position + 1].start() if position + 1 < len(headings) else len(page)
        pre = _PRE.search(page, heading.end(), end)
        if pre is None:
            continue
        body = _text(pre.group("body")).lstrip("\n")
        number = _NUMBER.search(title)
        if is_input:
            order_in += 1
            inputs[int(number.group(1)) if number else order_in] = body
        else:
            order_out += 1
            key = int(number.group(1)) if number else order_out
            outputs[key] = body
            if key in inputs:
                pairs.append((inputs[key], body))
    seen: set[tuple[str, str]] = set()
    cases = []
    for pair in pairs:
        normalised = (" ".join(pair[0].split()), " ".join(pair[1].split()))
        if normalised not in seen:
            seen.add(normalised)
            cases.append(IOCase(*pair))
    return tuple(cases)
