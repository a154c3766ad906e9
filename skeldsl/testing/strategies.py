"""Hypothesis strategies for skeldsl, public API (as LibCST exposes hypothesmith-based fuzzing).

- ``skeletons()``: valid ``Skeleton`` models built from the model classes, with bounded size.
- ``skeleton_texts()``: their canonical text.
- ``grammar_texts()``: text generated from ``grammars/skeleton.lark`` itself with
  ``hypothesis.extra.lark.from_lark``, in any layout the grammar allows (CRLF, tabs, blank lines): every
  string follows the grammar; names and references are filled in to fit their place except for an
  occasional deliberate misfit, so most texts build a model and the rest fail the model's validation.
  Useful to check that grammar, parser and model agree.

- ``canonical_skeletons(lang=...)``: skeletons that are fixed points of extraction, typed so that a
  language's renderer can realise them (``skeldsl.render``).
- ``programs(lang=...)``: ``(source, skeleton)`` pairs, the skeleton rendered as a program.
"""

from __future__ import annotations

import functools
import re

from hypothesis import strategies as st

from skeldsl import model
from skeldsl.printer import print_skeleton
from skeldsl.vocabulary import CONSTRUCTORS, OPERATIONS, PARAM_KINDS

# --------------------------------------------------------------------------------------------------
# Skeleton models
# --------------------------------------------------------------------------------------------------

_LOCALS = ("v0", "v1", "v2", "v3")
_FIELDS = ("s0", "s1")


def _refs(n_params: int) -> st.SearchStrategy[str]:
    """References a function with ``n_params`` parameters would use: its parameters, locals, fields,
    ``_``, and elements of any of these (``p0[]``, ``v1[][]``)."""
    base = st.sampled_from((*(f"p{i}" for i in range(n_params)), *_LOCALS, *_FIELDS, "_"))
    return st.builds(lambda ref, depth: ref + "[]" * depth, base, st.sampled_from((0, 0, 0, 1, 2)))


def _calls(refs: st.SearchStrategy[str], n_functions: int) -> st.SearchStrategy[model.Call]:
    operations = st.builds(model.Call, st.sampled_from(sorted(OPERATIONS)), refs)
    constructors = st.builds(model.Call, st.sampled_from(sorted(CONSTRUCTORS)), st.none() | refs)
    user = st.builds(model.Call, st.sampled_from([f"f{i}" for i in range(max(n_functions, 1))]))
    return st.one_of(operations, constructors, user)


@functools.cache
def _blocks(n_params: int, n_functions: int, depth: int, max_block: int) -> st.SearchStrategy[tuple]:
    """Blocks of at most ``max_block`` statements nested at most ``depth`` levels deeper."""
    refs = _refs(n_params)
    calls = _calls(refs, n_functions)
    targets = st.builds(
        lambda t, d: t + "[]" * d, st.sampled_from((*_LOCALS, *_FIELDS)), st.sampled_from((0, 0, 1))
    )
    leaves = st.one_of(
        calls,
        st.builds(model.Assign, targets, calls),
        st.builds(model.Exit, st.sampled_from(("return", "break", "continue"))),
    )
    if depth == 0:
        statements = leaves
    else:
        inner = _blocks(n_params, n_functions, depth - 1, max_block)
        domains = st.one_of(
            st.builds(model.Over, refs), st.builds(model.Halving, refs), st.builds(model.Subsets, refs),
            st.just(model.Const())
        )
        statements = st.one_of(
            leaves,
            st.builds(model.For, domains, inner),
            st.builds(model.While, st.none() | refs, inner),
            st.builds(
                model.If,
                st.lists(calls, max_size=2).map(tuple),
                inner,
                st.just(()) | inner,
            ),
        )
    return st.lists(statements, max_size=max_block).map(tuple)


@st.composite
def _function(draw, index: int, n_functions: int, max_params: int, max_depth: int, max_block: int):
    n_params = draw(st.integers(0, max_params))
    params = tuple(model.Param(f"p{i}", draw(st.sampled_from(PARAM_KINDS))) for i in range(n_params))
    body = draw(_blocks(n_params, n_functions, max_depth, max_block))
    return model.Function(f"f{index}", params, body, memo=draw(st.booleans()), split=draw(st.booleans()))


def skeletons(
    *, max_functions: int = 3, max_params: int = 3, max_depth: int = 3, max_block: int = 4
) -> st.SearchStrategy[model.Skeleton]:
    """Valid ``Skeleton`` models: up to ``max_functions`` functions ``f0, f1, ...`` with up to
    ``max_params`` parameters, blocks of up to ``max_block`` statements nested up to ``max_depth`` deep
    (loops of every domain, whiles, ifs with and without ``else``), calls of vocabulary operations,
    constructors and program functions, assignments, exits, ``@memo`` and ``@split``."""

    @st.composite
    def build(draw):
        n_functions = draw(st.integers(0, max_functions))
        functions = tuple(
            draw(_function(index, n_functions, max_params, max_depth, max_block))
            for index in range(n_functions)
        )
        return model.Skeleton(functions)

    return build()


def skeleton_texts(**limits: int) -> st.SearchStrategy[str]:
    """Canonical text of ``skeletons(**limits)``."""
    return skeletons(**limits).map(print_skeleton)


# --------------------------------------------------------------------------------------------------
# Canonical skeletons and programs (skeldsl.render)
# --------------------------------------------------------------------------------------------------


class _DrawChooser:
    """``skeldsl.render.generate``'s chooser interface over a hypothesis ``draw`` (shrinks well)."""

    def __init__(self, draw) -> None:
        self.draw = draw

    def integer(self, low: int, high: int) -> int:
        return self.draw(st.integers(low, high))

    def choice(self, options):
        return self.draw(st.sampled_from(options))

    def boolean(self) -> bool:
        return self.draw(st.booleans())


def canonical_skeletons(
    lang: str | None = None, *, max_functions: int = 3, max_params: int = 3, max_depth: int = 3,
    max_block: int = 4,
) -> st.SearchStrategy[model.Skeleton]:
    """Canonical skeletons (fixed points of extraction) that ``lang``'s renderer can realise.

    Drawn *typed* by ``skeldsl.render.generate.typed_skeleton``: every operation applies to a parameter
    or local of its kind (``map.put`` to a map, ``stack.pop`` to a stack), locals are built
    (``v = map()``) before use and only inside the block that built them, ``break``/``continue`` stand
    only in loops, conditions hold only operations that yield a value, grids (``seq`` parameters whose
    rows ``p0[]`` are iterated) are only iterated; then mapped through
    ``skeldsl.render.canonical.canonicalise``, which applies the normaliser's own passes (see its
    docstring for the shapes that are not canonical: a final ``return``, statements after an exit, a
    list only pushed and popped at one end that is really a stack ...); a draw whose canonical form the
    language cannot write (``v = set(p0)`` where ``p0`` is a number) is drawn again.  ``lang=None`` uses the whole
    vocabulary; a language narrows it to its renderer's ``Capabilities`` (e.g. only Python can express
    ``@memo``).  Not drawn: fields (``s0``), unknown collections (``_``), operations on elements
    (``list.append(v0[])``), constructors as statements, and references nested deeper than ``p0[]``.
    """
    from skeldsl.render.generate import Limits, capabilities, typed_skeleton

    caps = capabilities(lang)
    limits = Limits(max_functions, max_params, max_depth, max_block)

    @st.composite
    def build(draw):
        return typed_skeleton(_DrawChooser(draw), caps, limits)

    return build()


def programs(lang: str = "python", *, seed: int | None = None, **limits: int):
    """``(source, skeleton)`` pairs: a canonical skeleton and a ``lang`` program that realises it.

    The program is ``skeldsl.render.render(skeleton, lang, seed)`` with the seed drawn too (or fixed), so
    styles vary (loop forms, names, layout); extracting the program gives back the skeleton.  Use it to
    test anything that consumes programs, for example::

        from hypothesis import given, settings
        import skeldsl
        from skeldsl.testing.strategies import programs

        @settings(max_examples=25, deadline=None)
        @given(programs(lang="python"))
        def test_extract_inverts_render(pair):
            source, skeleton = pair
            assert skeldsl.extract(source, "python") == skeleton
    """
    from skeldsl.render import render

    seeds = st.just(seed) if seed is not None else st.integers(0, 2**16)
    return st.tuples(canonical_skeletons(lang, **limits), seeds).map(
        lambda pair: (render(pair[0], lang, seed=pair[1]), pair[0])
    )


# --------------------------------------------------------------------------------------------------
# Text from the grammar
# --------------------------------------------------------------------------------------------------

# from_lark works on terminals, not on what stands where: a NAME may be a function's name, a parameter's
# kind or an operation, and a REF a parameter, an assignment target or an operand.  Generating them
# blindly makes almost every text invalid (no function is called `map`), so the grammar emits markers for
# these two terminals and ``_fill`` replaces each by a word that fits its place, with an occasional
# misfit to exercise validation.  The result still follows the grammar: each marker becomes a string of
# its own terminal.
_NAME_MARK, _REF_MARK = "\x01", "\x02"
_MISFIT = st.sampled_from((False,) * 19 + (True,))  # one in 20, shrinking towards a fit
_FILLED = re.compile(f"([{_NAME_MARK}{_REF_MARK}])")


@st.composite
def _fill(draw, template: str) -> str:
    def pick(good: tuple[str, ...] | list[str], bad: tuple[str, ...]) -> str:
        return draw(st.sampled_from(bad)) if draw(_MISFIT) else draw(st.sampled_from(good))

    parts = _FILLED.split(template)
    functions = params = 0
    operands = ("p0", "p1", "v0", "v1", "s0", "_", "p0[]", "v0[][]")
    for index in range(1, len(parts), 2):
        before, after = parts[index - 1].rstrip(), parts[index + 1].lstrip()
        if parts[index] == _NAME_MARK and before.endswith("fn"):
            parts[index] = pick((f"f{functions}",), ("g0", "f01", f"f{max(functions - 1, 0)}"))
            functions, params = functions + 1, 0
        elif parts[index] == _NAME_MARK and before.endswith(":"):
            parts[index] = pick(PARAM_KINDS, ("sq", "int"))
        elif parts[index] == _NAME_MARK and after.startswith("(") and after[1:].lstrip().startswith(")"):
            parts[index] = pick((*sorted(CONSTRUCTORS), "f0", "f1"), ("map.put", "map.pu"))
        elif parts[index] == _NAME_MARK:
            parts[index] = pick((*sorted(OPERATIONS), *sorted(CONSTRUCTORS)), ("f0", "map.pu", "sortt"))
        elif after.startswith(":"):  # a parameter
            parts[index] = pick((f"p{params}",), ("v0", f"p{params + 1}"))
            params += 1
        elif after.startswith("="):  # an assignment's target
            parts[index] = pick(("v0", "v1", "s0", "v0[]"), ("p0", "_"))
        else:
            parts[index] = draw(st.sampled_from(operands))
    return "".join(parts)


@functools.lru_cache(maxsize=1)
def grammar_texts() -> st.SearchStrategy[str]:
    """Strings of the skeleton grammar, from ``hypothesis.extra.lark.from_lark``, mostly valid skeletons.

    ``from_lark`` concatenates terminals and inserts the ignored whitespace only at random, so keywords
    that would lex as one word with what follows (``fn`` + ``f0``) get an explicit strategy ending in a
    space; newlines (LF, CRLF, blank lines, trailing blanks), whitespace and the version number get
    explicit strategies too, and names and references are filled in by place (``_fill``)."""
    from hypothesis.extra.lark import from_lark

    from skeldsl.parser import grammar

    lark = grammar()
    explicit: dict[str, st.SearchStrategy[str]] = {
        name: st.just(text)
        for name, text in {
            "SKEL": "skel ",
            "FN": "fn ",
            "FOR": "for ",
            "WHILE": "while ",
            "IF": "if ",
        }.items()
    }
    explicit.update(
        {
            "ELSE": st.sampled_from((" else ", "else ", " else")),
            "_NL": st.sampled_from(("\n", "\n", "\n\n", "\r\n", "\n  ", "\n\t", " \n")),
            "INT": st.sampled_from(("1",) * 18 + ("01", "2")),
            "NAME": st.just(_NAME_MARK),
            "REF": st.just(_REF_MARK),
        }
    )
    explicit.update({name: st.sampled_from((" ", "  ", "\t")) for name in lark.ignore_tokens})
    return from_lark(lark, explicit=explicit).flatmap(_fill)


# --------------------------------------------------------------------------------------------------
# Source programs per language (``programs(lang=...)``, issue 8) go here.
# --------------------------------------------------------------------------------------------------

__all__ = ["canonical_skeletons", "grammar_texts", "programs", "skeleton_texts", "skeletons"]
