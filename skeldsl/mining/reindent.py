"""APPS-style re-indentation with one tab per level (what the EffiSkel release applies before masking).

Behaviour reproduced (APPS ``reindent.py`` with ``tabs`` on, ``all-tabs`` off), because the release's
skeletons depend on it byte for byte:

- lines are split on ``"\\n"`` only; trailing ``"\\r"``/``"\\n"`` characters are stripped and every output
  line ends in ``"\\n"`` (so a missing final newline is added);
- lines before the first indented non-blank line pass through unchanged;
- the indentation *unit* is the whole leading whitespace of that first indented line (spaces, or tabs when
  it starts with a tab, counted as that many unit characters);
- each line's level is the number of leading repetitions of the unit; those become tabs, any leftover
  partial indentation and trailing whitespace are kept as they are.
"""

from __future__ import annotations

__all__ = ["reindent_tabs"]


def reindent_tabs(code: str) -> str:
    """Re-indent ``code`` with tabs exactly as APPS' ``reindent`` (tabs mode) does."""
    out: list[str] = []
    unit: str | None = None
    start = 0
    length = len(code)
    while start < length:
        newline = code.find("\n", start)
        end = length if newline < 0 else newline + 1
        line = code[start:end].rstrip("\r\n")
        start = end
        if unit is None:
            if line and line[0] in " \t" and not line.isspace():
                width = len(line) - len(line.lstrip(" \t"))
                unit = ("\t" if line[0] == "\t" else " ") * width
            else:
                out.append(line + "\n")
                continue
        level = 0
        while line.startswith(unit * (level + 1)):
            level += 1
        out.append("\t" * level + line[len(unit) * level :] + "\n")
    return "".join(out)
