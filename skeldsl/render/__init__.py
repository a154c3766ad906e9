"""Render canonical skeletons as programs: the inverse of extraction, for synthetic labelled corpora.

>>> from skeldsl import parse, extract
>>> skeleton = parse("skel 1\\nfn f0(p0: seq) {\\n  v0 = set()\\n  for p0 {\\n    set.add(v0)\\n    if set.has(v0) {\\n      return\\n    }\\n  }\\n}\\n")
>>> source = render(skeleton, "python", seed=0)
>>> extract(source, "python") == skeleton
True

``render(skeleton, lang, seed)`` writes a syntactically valid program in ``lang`` whose extraction is
``skeleton`` when the skeleton is canonical and inside the language's ``Capabilities`` (see
``skeldsl.render.canonical`` and ``skeldsl.testing.strategies.canonical_skeletons``).  The same seed gives
the same bytes; other seeds vary names, loop forms and layout, never the skeleton.  One module per
language holds its templates; ``core.py`` walks the model.
"""

from __future__ import annotations

import importlib

from skeldsl import model
from skeldsl.errors import RenderError

# Languages in the order their renderers were written; each maps to ``skeldsl.render.<module>``.
RENDERERS: dict[str, str] = {
    "python": "python",
    "java": "java",
    "cpp": "cpp",
    "javascript": "javascript",
    "go": "go",
    "rust": "rust",
    "csharp": "csharp",
    "kotlin": "kotlin",
    "swift": "swift",
    "typescript": "typescript",
    "c": "c",
}


def available_languages() -> list[str]:
    """Languages that have a renderer module installed."""
    out = []
    for lang, module in RENDERERS.items():
        try:
            importlib.import_module(f"skeldsl.render.{module}")
        except ModuleNotFoundError:
            continue
        out.append(lang)
    return out


def renderer_for(lang: str):
    if lang not in RENDERERS:
        raise RenderError(f"no renderer for language {lang!r} (known: {', '.join(RENDERERS)})")
    try:
        module = importlib.import_module(f"skeldsl.render.{RENDERERS[lang]}")
    except ModuleNotFoundError:
        raise RenderError(f"the renderer for {lang!r} is not written yet") from None
    return module.RENDERER


def render(skeleton: model.Skeleton, lang: str = "python", seed: int = 0,
           warnings: list[str] | None = None) -> str:
    """A ``lang`` program that realises ``skeleton``; deterministic for a given ``seed``.

    Operations applied to a collection of another kind (``map.put`` on a ``seq`` parameter) are written
    anyway and described in ``warnings`` when a list is given."""
    from skeldsl.render.core import Program

    renderer = renderer_for(lang)
    try:
        program = Program(skeleton, renderer, seed)
        text = program.render()
    except (KeyError, AssertionError) as error:
        message = error.args[0] if isinstance(error, KeyError) and error.args else error
        raise RenderError(f"cannot render this skeleton in {lang}: {message}") from None
    if warnings is not None:
        warnings.extend(program.warnings)
    return text


__all__ = ["RenderError", "available_languages", "render", "renderer_for"]
