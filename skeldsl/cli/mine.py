"""``skel mine``: the paper's mining strategies over a group of files or a JSONL batch of groups."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import click

from skeldsl.cli._common import jobs_option, progress_option
from skeldsl.errors import SkelError, SourceDecodeError


def _read_source(path: Path) -> str:
    data = path.read_bytes()
    if b"\0" in data:
        raise SourceDecodeError("binary file (NUL bytes)", path=str(path))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceDecodeError(f"not UTF-8 text (byte {error.start})", path=str(path)) from None


def _expand(paths: tuple[str, ...]) -> list[Path]:
    from skeldsl.languages import all_languages

    extensions = {ext for language in all_languages() for ext in language.extensions}
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in extensions))
        elif path.is_file():
            files.append(path)
        else:
            raise click.UsageError(f"no such file or directory: {name}")
    if not files:
        raise click.UsageError("no source files found")
    return files


def _inputs(stdin_files: tuple[str, ...], inputs_json: str | None):
    from skeldsl.mining.dynamic import DynamicInput

    items = [DynamicInput(stdin=Path(p).read_text(encoding="utf-8")) for p in stdin_files]
    if inputs_json:
        try:
            loaded = json.loads(Path(inputs_json).read_text(encoding="utf-8"))
            items.extend(DynamicInput.from_record(item) for item in loaded)
        except (OSError, ValueError, TypeError) as error:
            raise click.UsageError(f"--inputs {inputs_json}: {error}") from None
    return tuple(items)


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--strategy", type=click.Choice(["lexical", "syntactic", "dynamic", "combined"]), default="lexical",
              show_default=True)
@click.option("--compat", type=click.Choice(["effiskel"]), default=None,
              help="Reproduce the EffiSkel release (Python only; tab re-indent, tokenize, end-of-line quirk).")
@click.option("--reindent", is_flag=True, help="Default mode: re-indent with tabs as APPS does before masking.")
@click.option("--lang", help="Language of PATHS (default: each file's extension) or default for --jsonl records.")
@click.option("--tolerance", type=click.FloatRange(0, 1), default=0.7, show_default=True,
              help="Syntactic similarity threshold.")
@click.option("--min-count", type=click.IntRange(1), default=None, help="Syntactic support (default ceil(n/2)).")
@click.option("--against", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Contrastive: an inefficient solution of the same problem (repeatable; files mode).")
@click.option("--contrastive", "contrastive_field", default=None, metavar="FIELD",
              help="Contrastive, --jsonl: records whose FIELD is false are the inefficient contrast.")
@click.option("--margin", type=click.FloatRange(-1, 1), default=0.5, show_default=True,
              help="Contrastive: keep tokens with df(efficient) - df(inefficient) >= MARGIN.")
@click.option("--stdin-file", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Dynamic: a stdin input to run the solutions on (repeatable).")
@click.option("--inputs", "inputs_json", type=click.Path(exists=True, dir_okay=False),
              help='Dynamic: JSON list of inputs ({"stdin": ...} | {"args": [...]} | {"check": ...}).')
@click.option("--entry-point", default=None, help="Dynamic, call-based inputs: e.g. Solution().twoSum")
@click.option("--hot-share", type=click.FloatRange(0, 1), default=0.1, show_default=True,
              help="Dynamic: a line is hot when its share of the solution's line time is at least this.")
@click.option("--hot-seconds", type=click.FloatRange(0), default=0.0, show_default=True,
              help="Dynamic: ... and its time is at least this many seconds.")
@click.option("--format", "output_format", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
              help="Files mode output.")
@click.option("--jsonl", "jsonl_in", type=click.Path(dir_okay=False, allow_dash=True),
              help="Batch mode: JSON lines with many groups ('-' for stdin).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-")
@click.option("--group-field", multiple=True, help="Batch: field(s) whose values form a group (default: problem).")
@click.option("--code-field", default="code", show_default=True)
@click.option("--lang-field", default="lang", show_default=True)
@click.option("--id-field", default=None, help="Batch: field copied into each output record.")
@click.option("--inputs-field", default=None, help="Batch, dynamic: field with a list of inputs per record.")
@click.option("--entry-field", default=None, help="Batch, dynamic: field with the entry point.")
@jobs_option
@progress_option
def mine(paths, strategy, compat, reindent, lang, tolerance, min_count, against, contrastive_field, margin,
         stdin_file, inputs_json, entry_point, hot_share, hot_seconds, output_format, jsonl_in, output,
         group_field, code_field, lang_field, id_field, inputs_field, entry_field, jobs, progress) -> int:
    """Mine masked-code skeletons from a group of solutions of one problem (PATHS: files or a directory),
    or from many groups in a JSONL file (--jsonl).

    Exit status: 0 when every input succeeded, 1 when some failed, 2 for usage errors."""
    from skeldsl.mining.api import MiningOptions
    from skeldsl.mining.types import Solution

    options = MiningOptions(compat=compat, reindent=reindent, tolerance=tolerance, min_count=min_count,
                            contrast_margin=margin, inputs=_inputs(stdin_file, inputs_json),
                            entry_point=entry_point, hot_share=hot_share, hot_seconds=hot_seconds)
    needs_inputs = strategy in ("dynamic", "combined")
    if needs_inputs and not options.inputs and not (jsonl_in is not None and inputs_field):
        raise click.UsageError(f"--strategy {strategy} runs the solutions: give --stdin-file/--inputs"
                               " (or --inputs-field with --jsonl)")
    if jsonl_in is not None:
        if paths or against:
            raise click.UsageError("give either PATHS or --jsonl, not both (use --contrastive FIELD in batches)")
        settings = BatchSettings(strategy, options, tuple(group_field or ("problem",)), code_field, lang_field,
                                 id_field, lang or "python", contrastive_field, inputs_field, entry_field, jsonl_in)
        return _batch(jsonl_in, output, settings, jobs, progress)
    if contrastive_field:
        raise click.UsageError("--contrastive FIELD is for --jsonl; in files mode use --against FILE")
    if not paths:
        raise click.UsageError("give source files, a directory, or --jsonl FILE")
    files = _expand(paths)
    solutions: list[Solution | SkelError] = []
    for path in files:
        try:
            language = lang or _language_of(path)
            solutions.append(Solution(_read_source(path), language, str(path)))
        except SkelError as error:
            solutions.append(error.with_path(str(path)))
    contrast = []
    for path in against:
        try:
            contrast.append(Solution(_read_source(Path(path)), lang or _language_of(Path(path)), path))
        except SkelError as error:
            click.echo(f"warning: {error.with_path(path)} (left out of the contrast)", err=True)
    if contrast:
        from dataclasses import replace

        options = replace(options, contrast=tuple(contrast))
    from skeldsl.mining.api import mine_group
    from skeldsl.mining.batch import result_record

    ready = [s for s in solutions if isinstance(s, Solution)]
    mined = iter(mine_group(ready, strategy, options) if ready else [])
    failed = 0
    out = _open_output(output)
    try:
        for path, item in zip(files, solutions):
            result = next(mined) if isinstance(item, Solution) else item
            if isinstance(result, SkelError):
                failed += 1
                click.echo(str(result.with_path(str(path)) if result.path is None else result), err=True)
            if output_format == "jsonl":
                record = {"path": str(path), **result_record(result, item.code if isinstance(item, Solution) else None)}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif not isinstance(result, SkelError):
                out.write(f"==> {path} <==\n{result.masked}")
                if not result.masked.endswith("\n"):
                    out.write("\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failed else 0


def _language_of(path: Path) -> str:
    from skeldsl.languages import language_for_path

    return language_for_path(path).name


def _open_output(output: str):
    if output == "-":
        return sys.stdout
    try:
        return open(output, "w", encoding="utf-8")
    except OSError as error:
        raise click.UsageError(f"cannot write {output}: {error.strerror}") from None


# ------------------------------------------------------------------------------------------- batch


@dataclass(frozen=True)
class BatchSettings:
    """Everything a worker needs to mine one group of batch records (see ``mining.batch.mine_records``)."""

    strategy: str
    options: object  # MiningOptions
    group_fields: tuple[str, ...]
    code_field: str
    lang_field: str
    id_field: str | None
    default_lang: str
    contrastive_field: str | None
    inputs_field: str | None
    entry_field: str | None
    source_name: str  # the input as the user named it ('-' for stdin), for error records


def _batch(jsonl_in: str, output: str, settings: BatchSettings, jobs: int, progress: bool) -> int:
    """Two passes over the input: the first finds where each group ends, the second streams the records
    and mines each group as soon as it is complete (on ``jobs`` workers), writing records in input order.
    Standard input is spooled to a temporary file for the two passes."""
    import os
    import tempfile

    from skeldsl.cli._common import run_batch

    spooled = None
    if jsonl_in == "-":
        with tempfile.NamedTemporaryFile(prefix="skel-mine-", suffix=".jsonl", delete=False) as spool:
            while block := sys.stdin.buffer.read(1 << 20):
                spool.write(block)
        spooled = jsonl_in = spool.name
    try:
        try:
            last = _group_ends(jsonl_in, settings)
        except OSError as error:
            raise click.UsageError(f"cannot read {jsonl_in}: {error.strerror}") from None
        return run_batch(jsonl_in, output, partial(_mine_stream, settings=settings, last=last, jobs=jobs),
                         physical_lines=True, progress=progress)
    finally:
        if spooled:
            os.unlink(spooled)


def _parse(raw: bytes, number: int, settings: BatchSettings):
    """A record (any JSON value), or the error that stands for it."""
    from skeldsl.mining.batch import BadRecordError

    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return SourceDecodeError("line is not UTF-8", path=settings.source_name, line=number)
    except ValueError as error:
        return BadRecordError(f"not JSON: {error}", path=settings.source_name, line=number)


def _group_key(record, position: int, settings: BatchSettings) -> str:
    """The group of a record (as ``mine_records`` groups); anything but an object is a group of its own."""
    if isinstance(record, dict):
        return json.dumps([record.get(field) for field in settings.group_fields], sort_keys=True, default=str)
    return f"#{position}"


def _group_ends(path: str, settings: BatchSettings) -> dict[str, int]:
    """First pass: the position of each group's last record."""
    from skeldsl.batch import numbered_lines

    last: dict[str, int] = {}
    with open(path, "rb") as stream:
        for position, (number, raw) in enumerate(numbered_lines(stream, physical=True)):
            last[_group_key(_parse(raw, number, settings), position, settings)] = position
    return last


def _mine_stream(lines, settings: BatchSettings, last: dict[str, int], jobs: int):
    """Second pass: (output line, error kind) per record, in input order."""
    from skeldsl.batch import map_groups

    keyed = ((_group_key(record, position, settings), record)
             for position, record in enumerate(_parse(raw, number, settings) for number, raw in lines))
    return map_groups(partial(_mine_group, settings=settings), keyed, last, jobs, warm_up=_warm_up)


def _mine_group(records: list, settings: BatchSettings) -> list[tuple[str, str | None]]:
    """One group's records (or parse errors) -> their output lines."""
    from skeldsl.batch import encode
    from skeldsl.mining.batch import mine_records

    outputs = mine_records(records, strategy=settings.strategy, options=settings.options,
                           group_fields=settings.group_fields, code_field=settings.code_field,
                           lang_field=settings.lang_field, id_field=settings.id_field,
                           default_lang=settings.default_lang, contrastive_field=settings.contrastive_field,
                           inputs_field=settings.inputs_field, entry_field=settings.entry_field)
    return [encode(output, sort_keys=False) for output in outputs]


def _warm_up() -> None:
    """Imports the workers share when forked."""
    import skeldsl.mining.api
    import skeldsl.mining.batch  # noqa: F401
