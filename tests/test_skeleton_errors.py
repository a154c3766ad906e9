"""Errors of the skeleton language: the common-mistakes table, positioned validation errors, and clean
failures (never another exception, never a recursion overflow) on malformed input of every sort."""

from __future__ import annotations

import pickle
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from skeldsl.errors import SkelError, SkeletonSyntaxError, SkeletonValidationError
from skeldsl.model import Exit, For
from skeldsl.parser import COMMON_MISTAKES, parse_skeleton
from skeldsl.printer import print_skeleton
from skeldsl.testing import grammar_texts, skeleton_texts

EXAMPLES = [(label, text) for label, texts in COMMON_MISTAKES.items() for text in texts]


@pytest.mark.parametrize("label, text", EXAMPLES)
def test_common_mistakes_table(label: str, text: str) -> None:
    """Every example of the table is a syntax error that gets its own friendly message."""
    with pytest.raises(SkeletonSyntaxError) as caught:
        parse_skeleton(text)
    assert caught.value.message.startswith(label + " (unexpected "), caught.value.message
    assert caught.value.line is not None and caught.value.column is not None and caught.value.context


def test_common_mistakes_table_is_well_formed() -> None:
    assert len(EXAMPLES) >= 30 and len(set(COMMON_MISTAKES)) == len(COMMON_MISTAKES)
    assert all(texts for texts in COMMON_MISTAKES.values())


WRAP = "skel 1\nfn f0(p0: seq) {\n  for p0 {\n    while v0 {\n      if {\n{body}      }\n    }\n  }\n}\n"
NESTED = [
    ("      return break\n", "one statement a line"),
    ("      v0 = p0\n", "an assignment gives"),
    ("      sort(p0, p0)\n", "a call takes at most one reference"),
    ("      for x in p0 {\n      }\n", "a `for` names only its domain"),
    ("      if {\n      }\n      else {\n      }\n", "`else` goes on the line"),
    ("      heap.push\n", "a call needs parentheses"),
]


@pytest.mark.parametrize("body, label", NESTED)
def test_common_mistakes_are_recognised_at_any_depth(body: str, label: str) -> None:
    with pytest.raises(SkeletonSyntaxError) as caught:
        parse_skeleton(WRAP.replace("{body}", body))
    assert caught.value.message.startswith(label), caught.value.message


def test_syntax_error_names_position_found_and_expected() -> None:
    text = "skel 1\nfn f0(p0: seq) {\n  for p0 {\n    map.put(v0 v1)\n  }\n}\n"
    with pytest.raises(SkeletonSyntaxError) as caught:
        parse_skeleton(text, path="two.skel")
    error = caught.value
    assert (error.path, error.line, error.column) == ("two.skel", 4, 16)
    assert (
        error.message
        == "a call takes at most one reference: `op(p0)` or `op()` (unexpected 'v1'; expected ')')"
    )
    assert error.context == "      map.put(v0 v1)\n                 ^"
    assert str(error).startswith("two.skel:4:16: skeleton_syntax: a call takes")


def test_syntax_error_without_a_friendly_match_is_plain() -> None:
    with pytest.raises(SkeletonSyntaxError) as caught:
        parse_skeleton("skel 1\nfn f0() {\n  for const(p0) {\n  }\n}\n")
    assert caught.value.message == "unexpected '('; expected '{'"
    assert (caught.value.line, caught.value.column) == (3, 12)


# (text, line, column, message): validation errors point at the offending construct.
VALIDATION = [
    ("skel 2\n", 1, 6, "unsupported skeleton language version 2 (this is version 1)"),
    (
        "skel 1\nfn f0() {\n  for p0 {\n    map.pu(v0)\n  }\n}\n",
        4,
        5,
        "unknown operation 'map.pu' (did you mean 'map.put'?)",
    ),
    ("skel 1\nfn f0() {\n  v0 = hepa()\n}\n", 3, 8, "unknown operation 'hepa' (did you mean 'heap'?)"),
    ("skel 1\nfn f0() {\n  if map.has(v0), zzz(v0) {\n  }\n}\n", 3, 19, "unknown operation 'zzz'"),
    ("skel 1\nfn f0(p0: seq, p1: sq) {\n}\n", 2, 20, "unknown parameter kind 'sq' (did you mean 'seq'?)"),
    (
        "skel 1\nfn f0(p0: seq, p2: num) {\n}\n",
        2,
        16,
        "parameters of f0 must be numbered p0, p1, ... in order: found p2 where p1 belongs",
    ),
    ("skel 1\nfn f0(v0: seq) {\n}\n", 2, 7, "invalid parameter name 'v0': expected p0, p1, ..."),
    ("skel 1\nfn main() {\n}\n", 2, 4, "invalid function name 'main': expected f0, f1, ..."),
    (
        "skel 1\nfn f0() {\n}\n@memo\nfn f0() {\n}\n",
        5,
        4,
        "function names must be unique: f0 is defined twice",
    ),
    (
        "skel 1\nfn f0() {\n  p0 = list()\n}\n",
        3,
        3,
        "invalid assignment target 'p0': expected a local (v0) or field (s0)",
    ),
    ("skel 1\nfn f0() {\n  f1(p0)\n}\n", 3, 3, "a call of a program function takes no reference: f1(p0)"),
    ("skel 1\nfn f0() {\n  f01()\n}\n", 3, 3, "invalid function name 'f01': expected f0, f1, ..."),
    ("skel 1\nfn f0() {\n\tset.add()\n}\n", 3, 2, "operation 'set.add' needs the collection it applies to"),
    (
        "skel 1\r\nfn f0() {\r\n  map.pu(v0)\r\n}\r\n",
        3,
        3,
        "unknown operation 'map.pu' (did you mean 'map.put'?)",
    ),
]


@pytest.mark.parametrize("text, line, column, message", VALIDATION)
def test_validation_errors_point_at_the_construct(text: str, line: int, column: int, message: str) -> None:
    with pytest.raises(SkeletonValidationError) as caught:
        parse_skeleton(text, path="v.skel")
    error = caught.value
    assert (error.path, error.line, error.column, error.message) == ("v.skel", line, column, message)
    source_line = text.split("\n")[line - 1].rstrip("\r").replace("\t", " ")
    assert error.context == f"  {source_line}\n  {' ' * (column - 1)}^"


def test_huge_version_number_is_a_validation_error() -> None:
    with pytest.raises(SkeletonValidationError, match="unsupported skeleton language version"):
        parse_skeleton("skel " + "9" * 10_000 + "\n")


@pytest.mark.parametrize(
    "text, kind, line",
    [
        ("", SkeletonSyntaxError, 1),
        ("\x00", SkeletonSyntaxError, 1),
        ("skel 1\nfn f0() {\n  sort(\x00p0)\n}\n", SkeletonSyntaxError, 3),
        ("skel 1\rfn f0() {\r}\r", SkeletonSyntaxError, 1),  # lone CR is not a line break
        ("\ufeffskel 1\n", SkeletonSyntaxError, 1),  # a BOM is the reader's business, not the parser's
        ("skel 1\nfn f0() {\n  sort(p0)\udc80\n}\n", SkeletonSyntaxError, 3),
        ("skel 1\nfn f0() {\n" + "x" * 100_000 + "\n}\n", SkeletonSyntaxError, 3),
        ("skel 1\n\x0c\n", SkeletonSyntaxError, 2),
    ],
)
def test_malformed_text_fails_cleanly(text: str, kind: type, line: int) -> None:
    with pytest.raises(kind) as caught:
        parse_skeleton(text)
    assert caught.value.line == line
    context = caught.value.context
    assert context and all(line.isprintable() for line in context.split("\n")), repr(context)
    assert len(context) < 200


def test_non_text_input_is_a_syntax_error() -> None:
    with pytest.raises(SkeletonSyntaxError, match="must be str, not bytes"):
        parse_skeleton(b"skel 1\n")  # type: ignore[arg-type]


def _only_skeleton_errors(text: str) -> None:
    try:
        skeleton = parse_skeleton(text)
    except (SkeletonSyntaxError, SkeletonValidationError) as error:
        assert error.line is None or error.line >= 1
        str(error).encode("utf-8")  # printable anywhere
        return
    assert parse_skeleton(print_skeleton(skeleton)) == skeleton


@given(st.text())
@example("skel 1\n" + "fn f0() {\n" * 3)
def test_arbitrary_text_fails_cleanly(text: str) -> None:
    _only_skeleton_errors(text)


@given(st.binary(), st.sampled_from(["utf-8", "latin-1", "utf-16"]))
def test_decoded_random_bytes_fail_cleanly(data: bytes, encoding: str) -> None:
    _only_skeleton_errors(
        data.decode(encoding, errors="surrogateescape" if encoding == "utf-8" else "replace")
    )


@given(skeleton_texts(), st.data())
def test_one_character_mutations_fail_cleanly(text: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(text)))
    replacement = data.draw(
        st.sampled_from(["", "{", "}", "(", ")", ",", "\n", " ", "x", "p", "0", "[", "=", ":"])
    )
    _only_skeleton_errors(text[:position] + replacement + text[position + 1 :])


@given(grammar_texts())
def test_grammar_texts_build_a_model_or_fail_validation(text: str) -> None:
    """Text the grammar accepts never gets a syntax error; a model built from it round-trips."""
    try:
        skeleton = parse_skeleton(text)
    except SkeletonValidationError as error:
        assert error.line is not None and error.column is not None and error.context
        return
    printed = print_skeleton(skeleton)
    assert parse_skeleton(printed) == skeleton
    assert print_skeleton(parse_skeleton(printed)) == printed


DEPTH = 5000  # blocks nested inside each other
LEVELS = DEPTH // 2  # each level is a `for` holding an `if` whose `else` holds the next level


def _deep(inner: str, close: bool = True) -> str:
    opening = "for p0 {\nif set.has(v0) {\n} else {\n" * LEVELS
    closing = "}\n}\n" * LEVELS if close else ""
    return "skel 1\nfn f0(p0: seq) {\n" + opening + inner + closing + "}\n"


def test_deep_nesting_parses_and_prints_without_recursion() -> None:
    text = _deep("return\n")
    skeleton = parse_skeleton(text)
    depth, body = 0, skeleton.functions[0].body
    while body and not isinstance(body[0], Exit):
        body = body[0].body if isinstance(body[0], For) else body[0].orelse
        depth += 1
    assert depth == DEPTH
    printed = print_skeleton(skeleton)
    assert printed.count("\n") == text.count("\n")
    assert parse_skeleton(printed) == skeleton
    assert print_skeleton(parse_skeleton(printed)) == printed


def test_deep_nesting_errors_are_clean() -> None:
    with pytest.raises(SkeletonSyntaxError, match="a block is missing its closing"):
        parse_skeleton(_deep("return\n", close=False))
    with pytest.raises(SkeletonValidationError) as caught:
        parse_skeleton(_deep("map.pu(v0)\n"))
    assert (caught.value.line, caught.value.column) == (3 + 3 * LEVELS, 1)


def test_errors_pickle_with_their_position() -> None:
    with pytest.raises(SkelError) as caught:
        parse_skeleton("skel 1\nfn f0() {\n  map.pu(v0)\n}\n", path="p.skel")
    again = pickle.loads(pickle.dumps(caught.value))
    assert type(again) is SkeletonValidationError
    assert (again.path, again.line, again.column, again.context) == ("p.skel", 3, 3, caught.value.context)
    assert again.to_record() == {
        "kind": "skeleton_invalid",
        "message": caught.value.message,
        "line": 3,
        "column": 3,
    }
    assert re.match(r"p\.skel:3:3: skeleton_invalid: unknown operation", str(again))
