"""``skel languages``: the registry as a table."""

from __future__ import annotations

import click

from skeldsl.languages import all_languages


@click.command()
def languages() -> int:
    """List the supported source languages, their extensions and grammar wheels."""
    for language in all_languages():
        click.echo(f"{language.name:<11} {' '.join(language.extensions):<32} {language.grammar}")
    return 0
