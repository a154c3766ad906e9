"""Masked-code skeletons (the paper's) as dataset columns, mined per group of solutions of one problem.

The EffiSkel strategies need a *group* (all efficient solutions of one problem) to build a whitelist, so
unlike :func:`~skeldsl.adapters.add_skeletons` this cannot be a row-wise map: rows are gathered by
``group_column`` (order kept), each group is mined by :func:`skeldsl.mining.mine_group` inside a
``Dataset.map`` over groups (``num_proc`` workers), and the results go back to their rows.  The code column
is held in memory once while gathering.  Every row gets its result or its own error record.
"""

from __future__ import annotations

from typing import Any

from skeldsl.adapters.data import _error_feature, error_record

__all__ = ["add_masked_skeletons"]


class _MineBatch:
    """Batched ``map`` function over groups (a class so worker processes can pickle it)."""

    def __init__(self, strategy: str, options: Any) -> None:
        self.strategy = strategy
        self.options = options

    def __call__(self, batch: dict[str, list]) -> dict[str, list]:
        from skeldsl.mining import Solution, mine_group

        out: dict[str, list] = {"masked": [], "spans": [], "text": [], "error": []}
        for codes, langs in zip(batch["codes"], batch["langs"]):
            solutions = [Solution(code if isinstance(code, str) else "", lang) for code, lang in zip(codes, langs)]
            results = mine_group(solutions, self.strategy, self.options)
            masked, spans, texts, errors = [], [], [], []
            for code, result in zip(codes, results):
                if isinstance(result, BaseException) or not isinstance(code, str):
                    masked.append(None)
                    spans.append(None)
                    texts.append(None)
                    errors.append(error_record(result) if isinstance(result, BaseException) else
                                  {"kind": "bad_record", "message": "code is not a string", "line": None,
                                   "column": None})
                else:
                    masked.append(result.masked)
                    spans.append([list(span) for span in result.spans])
                    texts.append(result.text)
                    errors.append(None)
            for key, value in (("masked", masked), ("spans", spans), ("text", texts), ("error", errors)):
                out[key].append(value)
        return out


def add_masked_skeletons(dataset, group_column: str, strategy: str = "lexical", options: Any = None, *,
                         code_column: str = "code", lang_column: str | None = "lang", lang: str = "python",
                         masked_column: str = "masked_skeleton", spans_column: str = "skeleton_spans",
                         text_column: str = "skeleton_text", error_column: str = "masked_error",
                         batch_size: int = 8, num_proc: int | None = None):
    """Add the masked skeleton, its kept character spans, the text they index, and an error record.

    ``strategy`` and ``options`` are those of :func:`skeldsl.mining.mine_group` (``lexical``,
    ``syntactic``, ``dynamic``, ``combined``; ``MiningOptions(compat="effiskel")`` for the release's exact
    output).  Feed ``text_column`` as the code and ``spans_column`` as the spans to
    :func:`~skeldsl.adapters.build_multitask_examples`: with re-indentation the text differs from the
    original code, and the spans index the text.
    """
    from datasets import Dataset, Features, Value

    for column in (group_column, code_column):
        if column not in dataset.column_names:
            raise ValueError(f"dataset has no column {column!r} (columns: {', '.join(dataset.column_names)})")
    keys = dataset[group_column]
    codes = list(dataset[code_column])
    langs = list(dataset[lang_column]) if lang_column in dataset.column_names else [lang] * len(codes)
    groups: dict[Any, list[int]] = {}
    for index, key in enumerate(keys):
        groups.setdefault(key, []).append(index)
    table = Dataset.from_dict({
        "rows": list(groups.values()),
        "codes": [[codes[i] for i in rows] for rows in groups.values()],
        "langs": [[langs[i] or lang for i in rows] for rows in groups.values()],
    })
    # per row; a group holds a list of each (``[feature]`` is the list type in every datasets release)
    row_features = {"masked": Value("string"), "spans": [[Value("int64")]], "text": Value("string"),
                    "error": _error_feature()}
    group_features = Features({"rows": [Value("int64")], **{k: [v] for k, v in row_features.items()}})
    mined = table.map(_MineBatch(strategy, options), batched=True, batch_size=batch_size, num_proc=num_proc,
                      remove_columns=["codes", "langs"], features=group_features)
    columns: dict[str, list] = {name: [None] * len(codes) for name in ("masked", "spans", "text", "error")}
    for group in mined:
        for position, row in enumerate(group["rows"]):
            for name, values in columns.items():
                values[row] = group[name][position]
    for name, target in (("masked", masked_column), ("spans", spans_column), ("text", text_column),
                         ("error", error_column)):
        if target in dataset.column_names:
            dataset = dataset.remove_columns(target)
        dataset = dataset.add_column(target, columns[name], feature=row_features[name])
    return dataset
