"""``skel render``: write a skeleton as a program in a language (the inverse of ``skel extract``).

Reads skeleton text from a file or ``-`` (stdin), prints the program.  A skeleton that is not canonical
(extraction would never give it back, see ``skeldsl.render.canonical``) is rendered anyway, with a note on
stderr naming the canonical form's difference; one outside the language's capabilities is an error.
Exit status: 0 rendered, 1 the skeleton does not parse or cannot be rendered, 2 usage errors.
"""

from __future__ import annotations

import difflib
import sys

import click

from skeldsl.errors import SkelError, SourceDecodeError


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--lang", "-l", required=True, help="Target language (see `skel languages`).")
@click.option("--seed", default=0, show_default=True, type=int, help="Style seed: names, loop forms, layout.")
def render(file: str, lang: str, seed: int) -> int:
    """Render the skeleton in FILE (or - for stdin) as a LANG program on stdout."""
    from skeldsl.parser import parse_skeleton
    from skeldsl.printer import print_skeleton
    from skeldsl.render import RENDERERS, renderer_for
    from skeldsl.render import render as render_skeleton
    from skeldsl.render.canonical import canonicalise

    if lang not in RENDERERS:
        raise click.UsageError(f"unknown language {lang!r}; one of: {', '.join(RENDERERS)}")
    name = "<stdin>" if file == "-" else file
    try:
        if file == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(file, "rb") as handle:
                data = handle.read()
        try:
            given = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise SourceDecodeError(f"not UTF-8: {error.reason}", path=name) from None
        skeleton = parse_skeleton(given, path=name)
        canonical = canonicalise(skeleton, renderer_for(lang).CAPABILITIES.queue_base)
        if canonical != skeleton:
            diff = difflib.unified_diff(print_skeleton(skeleton).splitlines(), print_skeleton(canonical).splitlines(), "given",
                                        "canonical", lineterm="", n=1)
            click.echo(f"{name}: note: the skeleton is not canonical (see skeldsl.render.canonical); "
                       "extracting the program gives its canonical form:\n" + "\n".join(diff), err=True)
        notes: list[str] = []
        text = render_skeleton(skeleton, lang, seed=seed, warnings=notes)
        for note in dict.fromkeys(notes):
            click.echo(f"{name}: note: {note}", err=True)
        click.echo(text, nl=False)
    except SkelError as error:
        click.echo(str(error.with_path(name) if error.path is None else error), err=True)
        return 1
    return 0
