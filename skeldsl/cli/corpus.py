"""``skel corpus``: a synthetic labelled corpus, one JSON record per (skeleton, language).

Skeletons are drawn by ``skeldsl.render.generate.sample`` (canonical, inside what every requested
language can express) from ``--seed``; each is rendered in every language with a per-record style seed.
Records: ``{"id", "lang", "seed", "skeleton", "code"}`` plus ``"cost"`` (the static big-O of
``skeldsl.cost.estimate`` as text, null when it has no bound) when the cost model is installed.  A skeleton a renderer cannot write still
yields a record, with ``"error"`` instead of ``"code"``.  Same arguments, same bytes.
"""

from __future__ import annotations

import json
import sys

import click


@click.command()
@click.option("--n", "count", required=True, type=click.IntRange(min=0), help="Number of skeletons.")
@click.option("--langs", default="python", show_default=True, help="Comma-separated target languages.")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed of the skeletons and styles.")
@click.option("-o", "--output", default="-", type=click.Path(dir_okay=False, allow_dash=True),
              help="Output JSONL file (- for stdout).")
def corpus(count: int, langs: str, seed: int, output: str) -> int:
    """Write N canonical skeletons rendered in each of LANGS as JSONL records."""
    from skeldsl.errors import SkelError
    from skeldsl.printer import print_skeleton
    from skeldsl.render import RENDERERS, available_languages, render
    from skeldsl.render.generate import sample

    languages = [lang.strip() for lang in langs.split(",") if lang.strip()]
    unknown = [lang for lang in languages if lang not in RENDERERS]
    missing = [lang for lang in languages if lang in RENDERERS and lang not in available_languages()]
    if unknown or missing or not languages:
        problem = f"unknown: {', '.join(unknown)}" if unknown else f"no renderer yet: {', '.join(missing)}"
        raise click.UsageError(f"--langs: {problem if languages else 'empty'} "
                               f"(available: {', '.join(available_languages())})")
    try:
        from skeldsl.cost import estimate
    except ImportError:  # the cost model is optional
        estimate = None
    stream = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    status = 0
    with_cost = estimate is not None
    try:
        for index, skeleton in enumerate(sample(count, languages, seed=seed)):
            text = print_skeleton(skeleton)
            cost = None
            if estimate is not None:
                try:
                    value = estimate(skeleton).cost
                    cost = None if value is None else str(value)  # None: no bound (e.g. an open loop)
                except Exception:  # noqa: BLE001 - a cost-model failure must not lose the record
                    cost = None
            for lang in languages:
                record = {"id": index, "lang": lang, "seed": seed * 1_000_003 + index, "skeleton": text}
                try:
                    record["code"] = render(skeleton, lang, seed=record["seed"])
                except SkelError as error:
                    record["error"] = error.to_record() if hasattr(error, "to_record") else str(error)
                    status = 1
                if with_cost:
                    record["cost"] = cost
                stream.write(json.dumps(record, sort_keys=True) + "\n")
    finally:
        if stream is not sys.stdout:
            stream.close()
    return status
