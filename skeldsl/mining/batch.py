"""Many groups at once: JSON records in, one output record per input record (errors included), in order.

Records are grouped by the values of ``group_fields`` (e.g. ``problem``, or ``problem`` and ``lang``).
Within a group, records whose ``contrastive_field`` is false are the *inefficient* contrast (see
:mod:`skeldsl.mining.contrastive`): they are not mined themselves but still get an output record, masked
with the group's whitelist and marked ``"role": "contrast"``.  Dynamic inputs come from ``inputs_field``
(a list of input objects per record, united over the group) and the entry point from ``entry_field``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace

from skeldsl.errors import SkelError
from skeldsl.mining.api import MiningOptions, mine_group
from skeldsl.mining.types import MinedSolution, Solution

__all__ = ["mine_records", "result_record", "BadRecordError"]


class BadRecordError(SkelError):
    kind = "bad_record"


def result_record(result: MinedSolution | SkelError, code: str | None = None) -> dict:
    if isinstance(result, SkelError):
        return {"error": result.to_record()}
    record = result.to_record()
    if code is not None and result.text != code:
        record["text"] = result.text  # spans index this text (re-indented), not the input code
    return record


def mine_records(
    records: Sequence[dict | SkelError],
    *,
    strategy: str,
    options: MiningOptions,
    group_fields: Sequence[str] = ("problem",),
    code_field: str = "code",
    lang_field: str = "lang",
    id_field: str | None = None,
    default_lang: str = "python",
    contrastive_field: str | None = None,
    inputs_field: str | None = None,
    entry_field: str | None = None,
) -> list[dict]:
    """One output dict per input record (input order)."""
    from skeldsl.mining.dynamic import DynamicInput

    outputs: list[dict | None] = [None] * len(records)
    groups: dict[str, list[int]] = {}
    for index, record in enumerate(records):
        if isinstance(record, SkelError):
            outputs[index] = {"error": record.to_record()}
            continue
        problem = _check(record, group_fields, code_field)
        if problem is not None:
            outputs[index] = {"error": BadRecordError(problem).to_record()}
            continue
        key = json.dumps([record.get(field) for field in group_fields], sort_keys=True, default=str)
        groups.setdefault(key, []).append(index)
    for key, members in groups.items():
        efficient = [i for i in members if not contrastive_field or records[i].get(contrastive_field, True)]
        contrast = [i for i in members if i not in set(efficient)]
        group_options = options
        if contrast:
            group_options = replace(group_options, contrast=tuple(_solution(records[i], code_field, lang_field,
                                                                            id_field, default_lang)
                                                                  for i in contrast))
        if inputs_field:
            inputs, seen = [], set()
            try:
                for i in members:
                    for item in records[i].get(inputs_field) or ():
                        text = json.dumps(item, sort_keys=True)
                        if text not in seen:
                            seen.add(text)
                            inputs.append(DynamicInput.from_record(item))
            except (ValueError, TypeError) as error:
                failure = BadRecordError(f"bad {inputs_field!r}: {error}")
                for i in members:
                    outputs[i] = {"error": failure.to_record()}
                continue
            group_options = replace(group_options, inputs=tuple(inputs))
        if entry_field:
            entries = {records[i].get(entry_field) for i in members if records[i].get(entry_field)}
            if entries:
                group_options = replace(group_options, entry_point=sorted(entries)[0])
        solutions = [_solution(records[i], code_field, lang_field, id_field, default_lang) for i in efficient]
        results = mine_group(solutions, strategy, group_options) if solutions else []
        shared = None
        for i, result in zip(efficient, results):
            outputs[i] = result_record(result, records[i][code_field])
            if shared is None and isinstance(result, MinedSolution):
                shared = result.whitelist
        for i in contrast:
            outputs[i] = _contrast_record(records[i], shared, code_field, lang_field, id_field, default_lang,
                                          group_options)
    for index, output in enumerate(outputs):
        record = records[index]
        if id_field and isinstance(record, dict) and id_field in record:
            output[id_field] = record[id_field]  # type: ignore[index]
    return outputs  # type: ignore[return-value]


def _check(record: dict, group_fields: Sequence[str], code_field: str) -> str | None:
    if not isinstance(record, dict):
        return f"a record must be a JSON object, got {type(record).__name__}"
    if not isinstance(record.get(code_field), str):
        return f"field {code_field!r} is missing or not a string"
    missing = [field for field in group_fields if field not in record]
    if missing:
        return f"group field(s) missing: {', '.join(missing)}"
    return None


def _solution(record: dict, code_field: str, lang_field: str, id_field: str | None, default_lang: str) -> Solution:
    lang = record.get(lang_field) or default_lang
    ident = record.get(id_field) if id_field else None
    return Solution(record[code_field], str(lang), None if ident is None else str(ident))


def _contrast_record(record, whitelist, code_field, lang_field, id_field, default_lang, options) -> dict:
    if whitelist is None:
        return {"role": "contrast", "error": BadRecordError("no efficient solution of the group was mined").to_record()}
    solution = _solution(record, code_field, lang_field, id_field, default_lang)
    try:
        if options.compat == "effiskel":
            from skeldsl.mining.compat import effiskel_mask, python_token_texts

            python_token_texts(solution.code)  # raises on untokenizable code
            mined = effiskel_mask(solution.code, list(whitelist))
        else:
            from skeldsl.mining.masking import apply_whitelist
            from skeldsl.mining.pipeline_default import prepare

            parsed = prepare(solution, options.reindent)
            mined = apply_whitelist(parsed.text, parsed.tokens, whitelist)
    except SkelError as error:
        return {"role": "contrast", "error": error.to_record()}
    return {"role": "contrast", **result_record(mined, solution.code)}
