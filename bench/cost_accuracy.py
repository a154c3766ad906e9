"""How well the static cost model agrees with the complexity labels authors wrote for their solutions.

Data: NeetCode approaches (label per approach and language) and doocs solutions (label per problem and
solution number in ``doocs_approaches``; code in ``doocs_code``, ``Solution.py`` is solution 1,
``Solution2.py`` solution 2 ...), from ``../shared/corpora/multilang``.  For every language that
``skeldsl.extract`` supports at run time (errors are caught per record and counted), it reports:

* coarse-class accuracy: the estimate's class (polynomial degree, log factor, or exponential; every size
  read as ``n``) equals the label's; over all labelled records (unknown and extraction errors count as
  misses) and over the records the model answered;
* pairwise ordering: for two approaches of one problem (same source and language) whose labels differ in
  class order, the share the estimates order the same way (ties and unknowns count as misses; the share
  over decided pairs is shown too);
* the share answered "unknown" and a confusion table (label class x estimated class).

The baseline printed next to each accuracy is the majority class of that language's labels (always
answering it), measured on the same records.

    python bench/cost_accuracy.py                      # every supported language, both sources
    python bench/cost_accuracy.py --lang python --show-misses 30
    python bench/cost_accuracy.py --sample 400 --seed 1    # a quick, fixed sample per language
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import random
import re
import sys
import time
from pathlib import Path

from skeldsl.cost import LabelError, coarse_class, compare_collapsed, estimate, parse_label

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "multilang"


def load_records(sources: list[str]) -> list[dict]:
    """One dict per labelled solution: source, problem, approach, lang, code, label."""
    records: list[dict] = []
    if "neetcode" in sources:
        with gzip.open(CORPUS / "neetcode_approaches.jsonl.gz", "rt") as handle:
            for line in handle:
                item = json.loads(line)
                records.append({"source": "neetcode", "problem": item["slug"], "approach": item["approach_no"],
                                "lang": item["lang"], "code": item["code"], "label": item["time_complexity"]})
    if "doocs" in sources:
        labels: dict[tuple[str, int], str] = {}
        by_problem: dict[str, list[dict]] = collections.defaultdict(list)
        with gzip.open(CORPUS / "doocs_approaches.jsonl.gz", "rt") as handle:
            for line in handle:
                item = json.loads(line)
                by_problem[item["qid"]].append(item)
        for qid, items in by_problem.items():
            for position, item in enumerate(items, start=1):
                match = re.match(r"\s*Solution\s+(\d+)", item["approach"] or "")
                number = int(match.group(1)) if match else position
                labels.setdefault((qid, number), item["time_complexity"])
        with gzip.open(CORPUS / "doocs_code.jsonl.gz", "rt") as handle:
            for line in handle:
                item = json.loads(line)
                match = re.search(r"/Solution(\d*)\.[a-z]+$", item["path"])
                if not match:
                    continue
                number = int(match.group(1) or 1)
                label = labels.get((item["qid"], number))
                if label is None:
                    continue
                records.append({"source": "doocs", "problem": item["qid"], "approach": str(number),
                                "lang": item["lang"], "code": item["code"], "label": label})
    return records


def analyse(record: dict) -> dict:
    """Label class, estimated class and ordering keys of one record (or why there is none)."""
    import skeldsl

    result = {"label_class": None, "estimate_class": None, "status": "ok", "detail": ""}
    try:
        label = parse_label(record["label"])
    except LabelError:
        result["status"] = "unlabelled"
        return result
    result["label_class"] = coarse_class(label)
    result["label"] = label
    try:
        skeleton = skeldsl.extract(record["code"], record["lang"])
    except Exception as error:  # noqa: BLE001 - the bench counts every failure per record
        result["status"] = "error"
        result["detail"] = f"{type(error).__name__}: {str(error)[:120]}"
        return result
    program = estimate(skeleton)
    if program.cost is None:
        result["status"] = "unknown"
        result["detail"] = program.reason or ""
        return result
    result["estimate"] = program.cost
    result["estimate_class"] = coarse_class(program.cost)
    # A design class (methods sharing fields, several entry points): its label is usually per operation.
    if len(program.roots) > 1 and any(ref.startswith("s") for function in skeleton.functions
                                      for ref in _refs(function.body)):
        result["design_classes"] = {coarse_class(program.function(name).cost) for name in program.roots}
    return result


def _refs(body) -> set[str]:
    from skeldsl import model

    found: set[str] = set()
    for stmt in body:
        if isinstance(stmt, model.Assign):
            found.add(stmt.target)
        elif isinstance(stmt, model.Call) and stmt.ref:
            found.add(stmt.ref)
        elif isinstance(stmt, (model.For, model.While)):
            found |= _refs(stmt.body)
        elif isinstance(stmt, model.If):
            found |= _refs(stmt.then) | _refs(stmt.orelse)
    return found


def pair_stats(rows: list[tuple[dict, dict]]) -> tuple[int, int, int]:
    """(pairs with differently ordered labels, pairs ordered alike by the estimates, pairs decided)."""
    groups: dict[tuple, list[dict]] = collections.defaultdict(list)
    for record, result in rows:
        if result["status"] in ("unlabelled",):
            continue
        groups[(record["source"], record["problem"])].append(result)
    total = agree = decided = 0
    for results in groups.values():
        for i in range(len(results)):
            for j in range(i + 1, len(results)):
                a, b = results[i], results[j]
                want = compare_collapsed(a["label"], b["label"])
                if want == 0:
                    continue
                total += 1
                if "estimate" not in a or "estimate" not in b:
                    continue
                got = compare_collapsed(a["estimate"], b["estimate"])
                if got != 0:
                    decided += 1
                if got == want:
                    agree += 1
    return total, agree, decided


def _root_reason(detail: str) -> str:
    """The innermost reason of an unknown answer: ``f0: calls f2, whose cost is unknown (X)`` -> ``X``."""
    reason = re.sub(r"^f\d+: ", "", detail)
    while True:
        match = re.fullmatch(r"calls f\d+, whose cost is unknown \((.*)\)", reason)
        if not match:
            return reason
        reason = match.group(1)


def pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:5.1f}%" if whole else "   - "


def report(lang: str, rows: list[tuple[dict, dict]], show_misses: int) -> dict:
    labelled = [(r, x) for r, x in rows if x["status"] != "unlabelled"]
    answered = [(r, x) for r, x in labelled if x["status"] == "ok"]
    unknown = [(r, x) for r, x in labelled if x["status"] == "unknown"]
    errors = [(r, x) for r, x in labelled if x["status"] == "error"]
    correct = [(r, x) for r, x in answered if x["label_class"] == x["estimate_class"]]
    majority_class, majority_count = collections.Counter(
        str(x["label_class"]) for _, x in labelled).most_common(1)[0] if labelled else ("-", 0)
    pairs, agree, decided = pair_stats(labelled)
    print(f"\n== {lang}: {len(rows)} records, {len(labelled)} with a readable label, "
          f"{len(errors)} extraction errors ({pct(len(errors), len(labelled)).strip()}), "
          f"{len(unknown)} unknown ({pct(len(unknown), len(labelled)).strip()})")
    print(f"coarse-class accuracy: {pct(len(correct), len(labelled))} of labelled "
          f"({pct(len(correct), len(answered)).strip()} of answered); baseline 'always {majority_class}': "
          f"{pct(majority_count, len(labelled)).strip()}")
    for source in sorted({r['source'] for r, _ in labelled}):
        sub = [(r, x) for r, x in labelled if r["source"] == source]
        sub_ok = [1 for _, x in sub if x["status"] == "ok" and x["label_class"] == x["estimate_class"]]
        sub_pairs = pair_stats(sub)
        print(f"  {source:<9} class {pct(len(sub_ok), len(sub))} of {len(sub)}; "
              f"pairs {pct(sub_pairs[1], sub_pairs[0])} of {sub_pairs[0]}")
    print(f"pairwise ordering: {pct(agree, pairs)} of {pairs} pairs with differently ordered labels "
          f"({pct(agree, decided).strip()} of the {decided} pairs the model decided)")
    design = [x for _, x in answered if "design_classes" in x]
    if design:
        # Scored like every record (the program's cost: each method called once, the sum); shown beside it,
        # the share whose label is the class of one of the methods (labels of design problems are mostly
        # per operation, without saying which operation).
        print(f"design classes: {len(design)} records; class {pct(sum(x['label_class'] == x['estimate_class'] for x in design), len(design))} "
              f"(as scored), label = some method's class {pct(sum(x['label_class'] in x['design_classes'] for x in design), len(design))}")
    classes = sorted({x["label_class"] for _, x in labelled} | {x["estimate_class"] for _, x in answered})
    table = collections.Counter((str(x["label_class"]), str(x["estimate_class"]) if x["status"] == "ok"
                                 else x["status"]) for _, x in labelled)
    columns = [str(c) for c in classes] + ["unknown", "error"]
    rows_seen = [str(c) for c in classes if any(key[0] == str(c) for key in table)]
    width = max(len(c) for c in columns + rows_seen) + 1
    print("confusion (rows: label class, columns: estimated class)")
    print(" " * width + "".join(f"{c:>{width}}" for c in columns))
    for row in rows_seen:
        print(f"{row:<{width}}" + "".join(f"{table.get((row, c), 0) or '.':>{width}}" for c in columns))
    if show_misses:
        misses = [(r, x) for r, x in labelled if x["status"] != "ok" or x["label_class"] != x["estimate_class"]]
        for record, result in misses[:show_misses]:
            got = result["estimate"] if "estimate" in result else f"{result['status']}: {result['detail']}"
            print(f"  MISS {record['source']} {record['problem']} #{record['approach']}: "
                  f"label {record['label']} got {got}")
    reasons = collections.Counter(_root_reason(x["detail"]) for _, x in unknown)
    if reasons:
        print("unknown because: " + "; ".join(f"{reason} ({count})" for reason, count in reasons.most_common(5)))
    return {"lang": lang, "records": len(labelled), "class_accuracy": len(correct) / max(1, len(labelled)),
            "pairs": pairs, "pair_accuracy": agree / max(1, pairs), "unknown": len(unknown) / max(1, len(labelled))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", action="append", help="only these languages (repeatable)")
    parser.add_argument("--source", action="append", choices=["neetcode", "doocs"])
    parser.add_argument("--sample", type=int, default=0, help="a fixed random sample of problems per language")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show-misses", type=int, default=0)
    parser.add_argument("--json", help="write the summary figures to this file")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    records = load_records(args.source or ["neetcode", "doocs"])
    by_lang: dict[str, list[dict]] = collections.defaultdict(list)
    for record in records:
        if not args.lang or record["lang"] in args.lang:
            by_lang[record["lang"]].append(record)
    summaries = []
    for lang in sorted(by_lang):
        chosen = by_lang[lang]
        if args.sample:
            problems = sorted({(r["source"], r["problem"]) for r in chosen})
            random.Random(args.seed).shuffle(problems)
            keep = set(problems[: args.sample])
            chosen = [r for r in chosen if (r["source"], r["problem"]) in keep]
        started = time.perf_counter()
        rows = [(record, analyse(record)) for record in chosen]
        statuses = collections.Counter(x["status"] for _, x in rows)
        if statuses["ok"] + statuses["unknown"] == 0:
            print(f"\n== {lang}: not supported by extraction here ({statuses['error']} errors), skipped")
            continue
        summary = report(lang, rows, args.show_misses)
        summary["seconds"] = round(time.perf_counter() - started, 1)
        summaries.append(summary)
        print(f"({summary['seconds']} s)")
    if args.json:
        Path(args.json).write_text(json.dumps(summaries, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
