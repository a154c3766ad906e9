"""Hugging Face ``datasets`` adapters: skeleton columns, multi-task examples, token-level skeleton masks.

Everything here goes through ``Dataset.map`` (batched, ``num_proc`` for worker processes), so it scales
like any other preprocessing step and is cached by ``datasets``.  A row whose code cannot be skeletonised
keeps its place and gets an ``error`` record (``{"kind", "message", "line", "column"}``, the shape of
:meth:`skeldsl.errors.SkelError.to_record`) and a ``None`` skeleton, instead of aborting a long map.

Skeletons come from one of three places:

* ``"canonical"``: :func:`skeldsl.extract_text` (our skeleton language, any supported language);
* any callable ``code -> text`` or ``(code, lang) -> text`` (e.g. a function over
  :mod:`skeldsl.mining` results, or an external tool);
* a column computed beforehand (``skel extract`` JSONL, ``skel mine`` output ...): skip
  :func:`add_skeletons` and name the column in :func:`build_multitask_examples`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from skeldsl.adapters.templates import CODE, SKELETON, TaskTemplates

__all__ = ["add_skeletons", "build_multitask_examples", "error_record", "spans_to_token_mask"]

Skeletonizer = Callable[..., str]


def error_record(error: BaseException) -> dict[str, Any]:
    """The ``error`` cell of a row: a ``SkelError``'s own record, anything else as ``internal``."""
    from skeldsl.errors import SkelError

    if isinstance(error, SkelError):
        record = error.to_record()
        return {key: record.get(key) for key in ("kind", "message", "line", "column")}
    return {"kind": "internal", "message": f"{type(error).__name__}: {error}", "line": None, "column": None}


def _canonical(code: str, lang: str) -> str:
    from skeldsl import extract_text

    return extract_text(code, lang)


def _takes_lang(function: Callable[..., Any]) -> bool:
    """Whether ``function`` accepts a second positional argument (the language)."""
    try:
        parameters = list(inspect.signature(function).parameters.values())
    except (TypeError, ValueError):  # builtins without a signature: assume ``code`` only
        return False
    positional = [p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return len(positional) >= 2 or any(p.kind == p.VAR_POSITIONAL for p in parameters)


class _SkeletonBatch:
    """The batched ``map`` function of :func:`add_skeletons` (a class so worker processes can pickle it)."""

    def __init__(self, skeletonizer: Skeletonizer, code_column: str, lang_column: str | None, lang: str,
                 output_column: str, error_column: str) -> None:
        self.skeletonizer = skeletonizer
        self.with_lang = _takes_lang(skeletonizer)
        self.code_column = code_column
        self.lang_column = lang_column
        self.lang = lang
        self.output_column = output_column
        self.error_column = error_column

    def one(self, code: Any, lang: Any) -> tuple[str | None, dict[str, Any] | None]:
        if not isinstance(code, str):
            return None, {"kind": "bad_record", "message": f"column {self.code_column!r} is not a string",
                          "line": None, "column": None}
        try:
            text = self.skeletonizer(code, lang) if self.with_lang else self.skeletonizer(code)
        except Exception as error:  # noqa: BLE001 - one bad row must not abort a map over millions
            return None, error_record(error)
        if not isinstance(text, str):
            return None, {"kind": "internal", "message": f"skeletonizer returned {type(text).__name__}, not str",
                          "line": None, "column": None}
        return text, None

    def __call__(self, batch: dict[str, list]) -> dict[str, list]:
        codes = batch[self.code_column]
        langs = batch[self.lang_column] if self.lang_column else [self.lang] * len(codes)
        skeletons, errors = [], []
        for code, lang in zip(codes, langs):
            text, error = self.one(code, lang or self.lang)
            skeletons.append(text)
            errors.append(error)
        return {self.output_column: skeletons, self.error_column: errors}


def _error_feature():
    from datasets import Value

    return {"kind": Value("string"), "message": Value("string"), "line": Value("int64"),
            "column": Value("int64")}


def add_skeletons(dataset, skeletonizer: str | Skeletonizer = "canonical", *, code_column: str = "code",
                  lang_column: str | None = "lang", lang: str = "python", output_column: str = "skeleton",
                  error_column: str = "error", batch_size: int = 64, num_proc: int | None = None,
                  **map_kwargs: Any):
    """Add ``output_column`` (skeleton text or ``None``) and ``error_column`` (``None`` or an error record).

    ``lang_column`` names a per-row language column (used when present in the dataset); otherwise every row
    is ``lang``.  ``map_kwargs`` go to ``Dataset.map`` (``desc``, ``load_from_cache_file`` ...).
    Returns a new ``datasets.Dataset`` with one row per input row.
    """
    from datasets import Value

    function = _canonical if skeletonizer == "canonical" else skeletonizer
    if not callable(function):
        raise TypeError(f"skeletonizer must be 'canonical' or a callable, not {skeletonizer!r}")
    if code_column not in dataset.column_names:
        raise ValueError(f"dataset has no column {code_column!r} (columns: {', '.join(dataset.column_names)})")
    if lang_column is not None and lang_column not in dataset.column_names:
        lang_column = None
    features = dataset.features.copy()
    features[output_column] = Value("string")
    features[error_column] = _error_feature()
    worker = _SkeletonBatch(function, code_column, lang_column, lang, output_column, error_column)
    return dataset.map(worker, batched=True, batch_size=batch_size, num_proc=num_proc, features=features,
                       **map_kwargs)


def spans_to_token_mask(text: str, offsets: Sequence[Sequence[int]], spans: Iterable[Sequence[int]]) -> list[int]:
    """0/1 per token of ``text``: the project's one token-mask rule, :mod:`skeldsl.mining.token_masks`.

    A token is 1 when at least one non-whitespace character inside its ``offsets`` (a fast tokenizer's
    ``offset_mapping``, character offsets) lies inside a kept span; zero-width special tokens are 0.
    """
    from skeldsl.mining.token_masks import mask_from_offsets

    pairs = [(int(start), int(end)) for start, end in offsets]
    return list(mask_from_offsets(text, pairs, [(int(start), int(end)) for start, end in spans]))


class _ExampleBatch:
    """The batched ``map`` function of :func:`build_multitask_examples` (picklable for ``num_proc``)."""

    def __init__(self, tokenizer, templates: TaskTemplates, tasks: tuple[int, ...], columns: dict[str, Any],
                 max_length: int, add_eos: bool) -> None:
        self.tokenizer = tokenizer
        self.templates = templates
        self.tasks = tasks
        self.columns = columns
        self.max_length = max_length
        self.eos = [tokenizer.eos_token_id] if add_eos and tokenizer.eos_token_id is not None else []

    def code_mask(self, code: str, n_tokens: int, row: dict[str, Any], offsets) -> list[int]:
        mask_column, spans_column = self.columns["mask"], self.columns["spans"]
        if mask_column and row.get(mask_column) is not None:
            mask = [int(bool(v)) for v in row[mask_column]]
            if len(mask) != n_tokens:
                raise ValueError(f"row {row['__index']}: column {mask_column!r} has {len(mask)} entries but the "
                                 f"tokenizer gives {n_tokens} code tokens (was it built with another tokenizer?)")
            return mask
        if spans_column and row.get(spans_column) is not None:
            return spans_to_token_mask(code, offsets, row[spans_column])
        return [0] * n_tokens

    def __call__(self, batch: dict[str, list], indices: list[int]) -> dict[str, list]:
        c = self.columns
        out: dict[str, list] = {"input_ids": [], "labels": [], "skeleton_mask": [], "task_id": [],
                                "source_row": []}
        rows = [dict(zip(batch, values), __index=index) for *values, index in zip(*batch.values(), indices)]
        codes = [r.get(c["code"]) if isinstance(r.get(c["code"]), str) else "" for r in rows]
        need_offsets = bool(c["spans"]) and CODE in self.tasks
        code_enc = self.tokenizer(codes, add_special_tokens=False, return_offsets_mapping=need_offsets)
        for k, row in enumerate(rows):
            code = row.get(c["code"])
            if not isinstance(code, str) or not code.strip():
                continue
            prompt = row.get(c["prompt"]) if c["prompt"] else ""
            prompt = prompt if isinstance(prompt, str) else ""
            for task in self.tasks:
                if task == CODE:
                    target_ids = list(code_enc["input_ids"][k])
                    offsets = code_enc["offset_mapping"][k] if need_offsets else None
                    target_mask = self.code_mask(code, len(target_ids), row, offsets)
                else:
                    skeleton = row.get(c["skeleton"]) if c["skeleton"] else None
                    failed = c["error"] and row.get(c["error"]) is not None
                    if not isinstance(skeleton, str) or not skeleton.strip() or failed:
                        continue
                    target_ids = self.tokenizer(skeleton, add_special_tokens=False)["input_ids"]
                    target_mask = [0] * len(target_ids)
                prompt_ids = self.tokenizer(self.templates.render(task, prompt))["input_ids"]
                target_ids = target_ids + self.eos
                target_mask = target_mask + [0] * len(self.eos)
                if len(prompt_ids) >= self.max_length:
                    continue  # no target token would survive truncation
                room = self.max_length - len(prompt_ids)
                out["input_ids"].append(prompt_ids + target_ids[:room])
                out["labels"].append([-100] * len(prompt_ids) + target_ids[:room])
                out["skeleton_mask"].append([0] * len(prompt_ids) + target_mask[:room])
                out["task_id"].append(task)
                out["source_row"].append(row["__index"])
        return out


def build_multitask_examples(dataset, tokenizer, *, prompt_column: str | None = "prompt",
                             code_column: str = "code", skeleton_column: str | None = "skeleton",
                             error_column: str | None = "error", spans_column: str | None = None,
                             mask_column: str | None = None, tasks: Sequence[str] = ("code", "skeleton"),
                             templates: TaskTemplates | None = None, max_length: int = 1024,
                             add_eos: bool = True, batch_size: int = 256, num_proc: int | None = None,
                             **map_kwargs: Any):
    """Tokenised multi-task examples: per source row one code-generation and one skeleton-prediction row.

    Output columns: ``input_ids``; ``labels`` (``-100`` on prompt tokens, the target ids after them);
    ``skeleton_mask`` (0/1 per token, 1 on code-target tokens that belong to the skeleton; all 0 for
    skeleton-prediction rows and for rows without mask data); ``task_id`` (``CODE`` = 0, ``SKELETON`` = 1);
    ``source_row`` (index of the input row).  The code mask comes from ``mask_column`` (0/1 per token of
    ``tokenizer(code, add_special_tokens=False)``) or from ``spans_column`` (kept character spans of the
    code, as :class:`skeldsl.mining.MinedSolution` gives them; needs a fast tokenizer).  For masked-code
    skeletons mined with re-indentation, pass the re-indented ``MinedSolution.text`` as the code column,
    since the spans index that text.

    Rows without usable code are dropped; rows whose skeleton is missing or carries an error yield only the
    code example.  Sequences are cut at ``max_length`` tokens (prompt first, then as much target as fits).
    """
    task_ids = []
    for name in tasks:
        if name not in ("code", "skeleton"):
            raise ValueError(f"unknown task {name!r} (known: code, skeleton)")
        task_ids.append(CODE if name == "code" else SKELETON)
    if spans_column and not getattr(tokenizer, "is_fast", False):
        raise ValueError("spans_column needs a fast tokenizer (offset mappings); pass mask_column instead")
    names = set(dataset.column_names)
    for label, column in (("code_column", code_column), ("prompt_column", prompt_column),
                          ("skeleton_column", skeleton_column), ("spans_column", spans_column),
                          ("mask_column", mask_column)):
        if column is not None and column not in names:
            if label == "skeleton_column" and "skeleton" not in tasks:
                continue
            raise ValueError(f"{label}={column!r} is not a column of the dataset "
                             f"(columns: {', '.join(dataset.column_names)})")
    columns = {"code": code_column, "prompt": prompt_column, "skeleton": skeleton_column,
               "error": error_column if error_column in names else None, "spans": spans_column,
               "mask": mask_column}
    worker = _ExampleBatch(tokenizer, templates or TaskTemplates(), tuple(task_ids), columns, max_length,
                           add_eos)
    from datasets import Features, Value

    # explicit types, so a batch (or a worker's shard) that yields no example cannot change the schema
    features = Features({"input_ids": [Value("int64")], "labels": [Value("int64")],
                         "skeleton_mask": [Value("int64")], "task_id": Value("int64"), "source_row": Value("int64")})
    return dataset.map(worker, batched=True, with_indices=True, batch_size=batch_size, num_proc=num_proc,
                       remove_columns=dataset.column_names, features=features, **map_kwargs)
