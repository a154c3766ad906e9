"""Round trips of the skeleton language: every grammar construct, non-canonical layouts, properties
over generated models, value semantics of the model, and determinism across processes."""

from __future__ import annotations

import copy
import dataclasses
import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given

from skeldsl import model
from skeldsl.parser import parse_skeleton
from skeldsl.printer import print_skeleton
from skeldsl.testing import assert_model_round_trip, assert_round_trip, skeleton_texts, skeletons


def skel(body: str) -> str:
    """Canonical text from an indented literal: ``skel 1`` header plus the dedented body."""
    return "skel 1\n" + textwrap.dedent(body).lstrip("\n")


# One case per construct of grammars/skeleton.lark (and the combinations that print specially).
CANONICAL = {
    "empty skeleton": "skel 1\n",
    "empty function": skel("""
        fn f0() {
        }
        """),
    "params of every kind": skel("""
        fn f0(p0: seq, p1: str, p2: map, p3: set, p4: num, p5: bool, p6: node, p7: fn, p8: any) {
        }
        """),
    "memo": skel("""
        @memo
        fn f0(p0: num) {
          f0()
          return
        }
        """),
    "split, alone and below memo": skel("""
        @split
        fn f0(p0: seq) {
          f0()
          f0()
        }
        @memo
        @split
        fn f1(p0: num) {
          f1()
        }
        """),
    "calls with and without reference": skel("""
        fn f0(p0: seq) {
          sort(p0)
          map()
          list(p0)
          heap.push(v0)
          str.concat(s0)
          reduce(_)
          copy(p0[])
          slice(p0[][])
          f1()
        }
        fn f1() {
        }
        """),
    "assignments": skel("""
        fn f0(p0: seq) {
          v0 = map()
          v1 = sort(p0)
          s0 = list(p0)
          v0[] = list()
        }
        """),
    "for over a reference": skel("""
        fn f0(p0: seq) {
          for p0 {
            for p0[] {
              reduce(p0[][])
            }
          }
        }
        """),
    "for halving and const": skel("""
        fn f0(p0: seq) {
          for log(p0) {
            break
          }
          for const {
            continue
          }
        }
        """),
    "for over subsets (bitmasks)": skel("""
        fn f0(p0: seq, p1: num) {
          for subsets(p0) {
            for p0 {
            }
          }
          for subsets(p1) {
          }
        }
        """),
    "while with and without worklist": skel("""
        fn f0() {
          v0 = deque()
          while v0 {
            deque.popfront(v0)
          }
          while {
            return
          }
        }
        """),
    "if forms": skel("""
        fn f0(p0: seq) {
          if {
            return
          }
          if map.has(v0) {
            map.get(v0)
          }
          if set.has(v0), list.has(p0), f1() {
          } else {
            break
          }
          if {
          } else {
            if map.has(v0) {
              continue
            }
          }
        }
        """),
    "exits": skel("""
        fn f0() {
          return
          break
          continue
        }
        """),
    "two-sum hash map (DESIGN.md)": skel("""
        fn f0(p0: seq, p1: num) {
          v0 = map()
          for p0 {
            if map.has(v0) {
              return
            }
            map.put(v0)
          }
          return
        }
        """),
    "deep mixed nesting": skel("""
        fn f0(p0: seq) {
          for p0 {
            while v0 {
              if heap.top(v0) {
                for log(p0) {
                  for const {
                    bsearch(p0)
                  }
                }
              } else {
                heap.pop(v0)
              }
            }
          }
        }
        """),
}


@pytest.mark.parametrize("name", sorted(CANONICAL))
def test_canonical_text_round_trips(name: str) -> None:
    assert_round_trip(CANONICAL[name])


def test_every_rule_of_the_grammar_is_exercised() -> None:
    """The case table covers every rule and alternative of the grammar (a new rule needs a case)."""
    from skeldsl.parser import grammar

    rules = {rule.origin.name for rule in grammar().rules} | {
        rule.alias for rule in grammar().rules if rule.alias
    }
    tree_rules: set[str] = set()
    for text in CANONICAL.values():
        tree_rules |= {tree.data for tree in grammar().parse(text).iter_subtrees()}
    assert {name for name in rules if not name.startswith("_")} - tree_rules - {"domain", "stmt"} == set()


# Non-canonical layouts the parser accepts, and the one text the printer makes of each.
LAYOUTS = [
    ("skel 1", "skel 1\n"),  # no final newline
    ("\n\n  skel   1 \n\nfn f0( ) {\n\n}\n\n", "skel 1\nfn f0() {\n}\n"),  # blank lines and spaces
    (
        "skel 1\r\nfn f0(p0:seq){\r\n\tsort( p0 )\r\n}\r\n",
        "skel 1\nfn f0(p0: seq) {\n  sort(p0)\n}\n",
    ),  # CRLF, tabs
    (
        "skel 01\nfn f0() {\n  if{\n  }else{\n return\n  }\n}\n",
        "skel 1\nfn f0() {\n  if {\n  } else {\n    return\n  }\n}\n",
    ),
    ("skel 1\n@memo\n\nfn f0() {\n      return\n}", "skel 1\n@memo\nfn f0() {\n  return\n}\n"),
    ("skel 1\nfn f0() {\n  if {\n  } else {\n  }\n}\n", "skel 1\nfn f0() {\n  if {\n  }\n}\n"),  # empty else
]


@pytest.mark.parametrize("text, canonical", LAYOUTS)
def test_non_canonical_layout_prints_canonically(text: str, canonical: str) -> None:
    skeleton = parse_skeleton(text)
    assert print_skeleton(skeleton) == canonical
    assert_round_trip(canonical)


@given(skeletons())
def test_models_round_trip(skeleton: model.Skeleton) -> None:
    text = assert_model_round_trip(skeleton)
    assert print_skeleton(parse_skeleton(text)) == text


@given(skeleton_texts())
def test_canonical_texts_are_fixed_points(text: str) -> None:
    assert_round_trip(text)


def test_models_compare_by_value_and_hash() -> None:
    text = CANONICAL["deep mixed nesting"]
    first, second = parse_skeleton(text), parse_skeleton(text)
    assert first is not second and first == second and hash(first) == hash(second)
    assert len({first, second}) == 1
    assert model.Call("sort", "p0") == model.Call("sort", "p0")
    assert {model.Call("sort", "p0"): 1}[model.Call("sort", "p0")] == 1
    # Any difference at any depth makes them unequal.
    changed = parse_skeleton(text.replace("bsearch(p0)", "bsearch(p0[])"))
    assert changed != first
    assert parse_skeleton(text.replace("for const", "for log(p0)")) != first
    assert model.For(model.Const(), ()) != model.While(None, ())
    assert model.If((), (model.Exit("return"),), ()) != model.If((), (), (model.Exit("return"),))
    assert model.Function("f0", (), ()) != model.Function("f0", (), (), memo=True)
    assert model.Skeleton(()) != "skel 1\n"
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.functions = ()  # type: ignore[misc]  # frozen


def _nest(depth: int, leaf: str) -> model.Skeleton:
    """``depth`` blocks deep, alternating every composite kind, with ``sort(leaf)`` innermost."""
    body: tuple = (model.Call("sort", leaf),)
    for level in range(depth):
        kind = level % 3
        if kind == 0:
            body = (model.For(model.Over("p0"), body), model.Exit("break"))
        elif kind == 1:
            body = (model.While("v0", body),)
        else:
            body = (model.If((model.Call("map.has", "v0"),), (model.Exit("return"),), body),)
    return model.Skeleton((model.Function("f0", (model.Param("p0", "seq"),), body, memo=True),))


def test_deep_models_are_values_without_recursion() -> None:
    """Equality, hashing, repr, pickle and copies work 5,000 levels deep (dataclass methods overflow at
    a few hundred)."""
    a, b, c = _nest(5000, "p0"), _nest(5000, "p0"), _nest(5000, "v0")
    assert a == b and hash(a) == hash(b)
    assert a != c
    assert parse_skeleton(print_skeleton(a)) == a
    assert pickle.loads(pickle.dumps(a)) == a
    assert copy.deepcopy(a) is a and copy.copy(a) is a
    assert repr(a).startswith(
        "Skeleton(functions=(Function(name='f0', params=(Param(name='p0', kind='seq'),), "
    )
    assert repr(a).count("For(domain=Over(ref='p0'), body=(") == 1667


def test_repr_is_the_dataclass_repr() -> None:
    shallow = _nest(7, "p0")
    assert eval(repr(shallow), vars(model)) == shallow  # our own repr of our own model
    assert (
        repr(model.If((), (model.Exit("return"),))) == "If(cond=(), then=(Exit(kind='return'),), orelse=())"
    )
    assert repr(model.While(None, ())) == "While(ref=None, body=())"


@given(skeletons())
def test_pickle_round_trips(skeleton: model.Skeleton) -> None:
    again = pickle.loads(pickle.dumps(skeleton))
    assert again == skeleton and print_skeleton(again) == print_skeleton(skeleton)
    for function in skeleton.functions:
        assert pickle.loads(pickle.dumps(function)) == function


def test_printing_is_deterministic_across_processes_and_hash_seeds(tmp_path: Path) -> None:
    """``skel fmt`` and ``skel check`` write the same bytes under different PYTHONHASHSEED values."""
    files = []
    for index, text in enumerate(CANONICAL.values()):
        files.append(tmp_path / f"{index}.skel")
        files[-1].write_text(text.replace("\n  ", "\n\t"))  # not canonical: fmt has work to do
    bad = tmp_path / "bad.skel"
    bad.write_text("skel 1\nfn f0(p0: seq) {\n  for p0 {\n    sort(p0) copy(p0)\n  }\n")
    script = "from skeldsl.cli import main; import sys; sys.exit(main(sys.argv[1:]))"
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        runs = [
            subprocess.run(
                [sys.executable, "-c", script, *args], check=False, capture_output=True, env=env, timeout=60
            )
            for args in (["fmt", *map(str, files)], ["check", str(bad), *map(str, files)])
        ]
        outputs.add(tuple((run.returncode, run.stdout, run.stderr) for run in runs))
    assert len(outputs) == 1
    ((fmt_run, check_run),) = outputs
    assert fmt_run[0] == 0 and fmt_run[1] == "".join(CANONICAL.values()).encode()
    assert check_run[0] == 1 and b"bad.skel:4:14: skeleton_syntax:" in check_run[1]
