"""The ``skel`` command line.

Each subcommand lives in its own module and is imported only when it runs, so ``skel --help`` and a
simple ``skel extract`` do not pay for tree-sitter, networkx or torch.  ``main`` maps argv to an exit code:
0 when everything succeeded, 1 when some inputs failed, 2 for usage errors.
"""

from __future__ import annotations

import importlib

import click

# name -> "module:function" (module under skeldsl.cli), plus its one-line description for --help.
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("extract:extract", "Extract canonical efficiency skeletons from source files."),
    "fmt": ("fmt:fmt", "Parse skeleton text and print it canonically."),
    "check": ("fmt:check", "Check that skeleton text parses; report errors with positions."),
    "languages": ("languages:languages", "List the supported source languages."),
    "cost": ("cost:cost", "Estimate the time complexity (big-O) of every function, statically."),
    "eval": ("eval:eval_", "Run candidates against tests in a sandbox; report pass@k, ER, AS, Beyond."),
    "mine": ("mine:mine", "Mine masked-code skeletons (EffiSkel strategies) from groups of solutions."),
    "render": ("render:render", "Render a skeleton as a program in a language (inverse of extract)."),
    "corpus": ("corpus:corpus", "Write a synthetic corpus of (skeleton, program) pairs as JSONL."),
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when that subcommand is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        target, _ = COMMANDS[name]
        module_name, attribute = target.split(":")
        module = importlib.import_module(f"skeldsl.cli.{module_name}")
        return getattr(module, attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Describe subcommands without importing them.
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup)
@click.version_option(package_name="skeldsl")
def cli() -> None:
    """skeldsl: efficiency skeletons of source code."""


def main(argv: list[str] | None = None) -> int:
    """Run ``skel`` and return its exit code instead of exiting (usable from tests)."""
    try:
        result = cli.main(args=argv, prog_name="skel", standalone_mode=False)
    except click.exceptions.Exit as exit_:
        return exit_.exit_code
    except click.UsageError as error:
        error.show()
        return 2
    except click.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except click.ClickException as error:
        error.show()
        return error.exit_code
    return result if isinstance(result, int) else 0


def run() -> None:  # pragma: no cover - the console-script entry point
    raise SystemExit(main())
