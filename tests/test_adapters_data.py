"""Data adapters on real corpus code: skeleton columns, multi-task examples, token masks, mixing."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("datasets")
pytest.importorskip("transformers")

from adapters_support import code_tokenizer, python_rows
from datasets import Dataset

import skeldsl
from skeldsl.adapters import (
    CODE,
    SKELETON,
    MultitaskCollator,
    TaskTemplates,
    add_skeletons,
    alternating_order,
    build_multitask_examples,
    spans_to_token_mask,
)

BAD_ROWS = [
    {"code": "def f(:\n    return\n", "lang": "python", "prompt": "broken"},
    {"code": "x = 1\n", "lang": "cobol", "prompt": "unknown language"},
]


@pytest.fixture(scope="module")
def skeleton_dataset():
    rows = python_rows(24) + BAD_ROWS
    return add_skeletons(Dataset.from_list(rows))


def test_canonical_skeletons_match_extract_text(skeleton_dataset):
    good = skeleton_dataset.select(range(24))
    assert all(error is None for error in good["error"])
    for row in good:
        assert row["skeleton"] == skeldsl.extract_text(row["code"], "python")
        assert row["skeleton"].startswith("skel 1\n")


def test_bad_code_gets_an_error_record_not_a_crash(skeleton_dataset):
    broken, unknown = skeleton_dataset[24], skeleton_dataset[25]
    assert broken["skeleton"] is None and broken["error"]["kind"] == "syntax_error"
    assert broken["error"]["line"] is not None
    assert unknown["skeleton"] is None and unknown["error"]["kind"] == "unknown_language"
    assert "cobol" in unknown["error"]["message"]
    assert len(skeleton_dataset) == 24 + len(BAD_ROWS)  # one row out per row in


def test_num_proc_gives_the_same_rows(skeleton_dataset):
    parallel = add_skeletons(Dataset.from_list(python_rows(24) + BAD_ROWS), num_proc=2, batch_size=8)
    assert parallel["skeleton"] == skeleton_dataset["skeleton"]
    assert parallel["error"] == skeleton_dataset["error"]


def test_callable_skeletonizers_and_their_failures():
    rows = Dataset.from_list([{"code": "a b", "lang": "go"}, {"code": "boom", "lang": "go"},
                              {"code": "none", "lang": "go"}, {"code": None, "lang": "go"}])

    def one_argument(code):
        if code == "boom":
            raise RuntimeError("exploded")
        return None if code == "none" else code.upper()

    out = add_skeletons(rows, one_argument, output_column="sk")
    assert out["sk"][:3] == ["A B", None, None]
    assert out["error"][0] is None
    assert out["error"][1]["kind"] == "internal" and "exploded" in out["error"][1]["message"]
    assert out["error"][2]["kind"] == "internal" and "NoneType" in out["error"][2]["message"]
    assert out["error"][3]["kind"] == "bad_record"
    with_lang = add_skeletons(rows.select(range(1)), lambda code, lang: f"{lang}:{code}")
    assert with_lang["skeleton"] == ["go:a b"]
    no_lang_column = add_skeletons(rows.select(range(1)).remove_columns("lang"), lambda c, lang: lang,
                                   lang="rust")
    assert no_lang_column["skeleton"] == ["rust"]
    with pytest.raises(ValueError, match="no column 'source'"):
        add_skeletons(rows, one_argument, code_column="source")


def test_examples_mask_the_prompt_and_carry_the_targets(skeleton_dataset):
    tokenizer = code_tokenizer()
    examples = build_multitask_examples(skeleton_dataset, tokenizer, max_length=4096)
    # 24 good rows give two examples each, the 2 bad rows only their code example
    assert examples["task_id"].count(CODE) == 26 and examples["task_id"].count(SKELETON) == 24
    source = skeleton_dataset
    for row in examples:
        ids, labels = row["input_ids"], row["labels"]
        assert len(ids) == len(labels) == len(row["skeleton_mask"])
        n_prompt = next(i for i, label in enumerate(labels) if label != -100)
        assert all(label == -100 for label in labels[:n_prompt])
        assert labels[n_prompt:] == ids[n_prompt:]
        original = source[row["source_row"]]
        task = row["task_id"]
        template = TaskTemplates().render(task, original["prompt"])
        assert tokenizer.decode(ids[:n_prompt], skip_special_tokens=True) == template
        target = tokenizer.decode(ids[n_prompt:], skip_special_tokens=False)
        expected = original["code"] if task == CODE else original["skeleton"]
        assert target == expected + tokenizer.eos_token
        assert sum(row["skeleton_mask"]) == 0  # no mask data given


def test_custom_templates_tasks_and_truncation(skeleton_dataset):
    tokenizer = code_tokenizer()
    templates = TaskTemplates(code="<code> {prompt} =>", skeleton="<skel> {prompt} =>")
    examples = build_multitask_examples(skeleton_dataset.select(range(3)), tokenizer, templates=templates,
                                        tasks=("skeleton",), max_length=40)
    assert examples["task_id"] == [SKELETON] * 3
    for row in examples:
        assert len(row["input_ids"]) <= 40
        text = tokenizer.decode(row["input_ids"], skip_special_tokens=True)
        assert text.startswith("<skel> ") and "=>skel 1" in text
    with pytest.raises(ValueError, match="only use the field"):
        TaskTemplates(code="{question}")
    with pytest.raises(ValueError, match="unknown task"):
        build_multitask_examples(skeleton_dataset, tokenizer, tasks=("code", "cost"))
    with pytest.raises(ValueError, match="spans_column='spans' is not a column"):
        build_multitask_examples(skeleton_dataset, tokenizer, spans_column="spans")


KEPT = re.compile(r"\b(?:for|while|if|return|in|range|len)\b")


def _keyword_spans(code: str) -> list[list[int]]:
    return [list(match.span()) for match in KEPT.finditer(code)]


def test_span_masks_mark_exactly_the_kept_tokens(skeleton_dataset):
    tokenizer = code_tokenizer()
    data = skeleton_dataset.select(range(6)).map(lambda row: {"spans": _keyword_spans(row["code"])})
    examples = build_multitask_examples(data, tokenizer, spans_column="spans", tasks=("code",),
                                        max_length=4096)
    for row in examples:
        code = data[row["source_row"]]["code"]
        kept_chars = {i for start, end in _keyword_spans(code) for i in range(start, end) if not code[i].isspace()}
        n_prompt = next(i for i, label in enumerate(row["labels"]) if label != -100)
        assert sum(row["skeleton_mask"][:n_prompt]) == 0
        encoding = tokenizer(code, add_special_tokens=False, return_offsets_mapping=True)
        target_mask = row["skeleton_mask"][n_prompt:n_prompt + len(encoding["input_ids"])]
        for flag, (start, end) in zip(target_mask, encoding["offset_mapping"]):
            assert flag == int(any(i in kept_chars for i in range(start, end)))
        assert 0 < sum(target_mask) < len(target_mask)
    # a precomputed per-token mask column is taken as is, and must fit the tokenizer
    mask_rows = data.map(lambda r: {"tm": [1] * len(tokenizer(r["code"], add_special_tokens=False)["input_ids"])})
    full = build_multitask_examples(mask_rows, tokenizer, mask_column="tm", tasks=("code",), max_length=4096)
    for row in full:
        assert row["skeleton_mask"] == [0 if label == -100 or label == tokenizer.eos_token_id else 1
                                        for label in row["labels"]]
    wrong = data.map(lambda r: {"tm": [1, 0]})
    with pytest.raises(ValueError, match="another tokenizer"):
        build_multitask_examples(wrong, tokenizer, mask_column="tm", tasks=("code",))


@given(st.text(alphabet=" ab\n", max_size=40), st.data())
def test_token_mask_follows_the_non_whitespace_overlap_rule(text, data):
    points = st.integers(0, len(text))
    offsets = data.draw(st.lists(st.tuples(points, points).map(sorted), max_size=12))
    spans = data.draw(st.lists(st.tuples(points, points).map(sorted), max_size=6))
    kept = {i for start, end in spans for i in range(start, end) if not text[i].isspace()}
    mask = spans_to_token_mask(text, offsets, spans)
    assert mask == [int(any(i in kept for i in range(start, end))) for start, end in offsets]


@given(st.lists(st.sampled_from([CODE, SKELETON]), max_size=60), st.integers(1, 7), st.integers(0, 3))
def test_alternating_order_gives_single_task_batches_in_turn(tasks, batch_size, seed):
    order = alternating_order(tasks, batch_size, seed)
    assert set(order) == set(range(len(tasks)))
    batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    kinds = [{tasks[i] for i in batch} for batch in batches]
    assert all(len(kind) == 1 for kind in kinds)
    assert all(len(batch) == batch_size for batch in batches)
    sequence = [kind.pop() for kind in kinds]
    both = min(sequence.count(CODE), sequence.count(SKELETON))
    assert all(sequence[i] != sequence[i + 1] for i in range(2 * both - 1))


def test_collator_pads_and_defaults():
    import torch

    batch = MultitaskCollator(pad_token_id=7, pad_to_multiple_of=4)(
        [{"input_ids": [1, 2, 3], "labels": [-100, 2, 3], "task_id": 1, "skeleton_mask": [0, 1, 0],
          "source_row": 5},
         {"input_ids": [4]}])
    assert batch["input_ids"].tolist() == [[1, 2, 3, 7], [4, 7, 7, 7]]
    assert batch["attention_mask"].tolist() == [[1, 1, 1, 0], [1, 0, 0, 0]]
    assert batch["labels"].tolist() == [[-100, 2, 3, -100], [4, -100, -100, -100]]
    assert batch["skeleton_mask"].tolist() == [[0, 1, 0, 0], [0, 0, 0, 0]]
    assert batch["task_id"].tolist() == [SKELETON, CODE]
    assert set(batch) == {"input_ids", "attention_mask", "labels", "skeleton_mask", "task_id"}
    assert all(t.dtype == torch.long for t in batch.values())
    with pytest.raises(ValueError, match="lengths differ"):
        MultitaskCollator(0)([{"input_ids": [1, 2], "labels": [1]}])


def test_importing_skeldsl_and_the_cli_stays_light():
    code = ("import sys, skeldsl, skeldsl.adapters, skeldsl.cli\n"
            "heavy = {'torch', 'transformers', 'datasets', 'trl', 'peft'} & set(sys.modules)\n"
            "print(sorted(heavy))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    cli = ("import sys\nfrom skeldsl.cli import run\nsys.argv = ['skel', '--help']\n"
           "try:\n    run()\nexcept SystemExit:\n    pass\n"
           "print(sorted({'torch', 'transformers', 'datasets'} & set(sys.modules)))")
    help_run = subprocess.run([sys.executable, "-c", cli], capture_output=True, text=True, check=True)
    assert "Usage" in help_run.stdout
    assert help_run.stdout.strip().endswith("[]")


def test_masked_skeletons_are_mined_per_group_and_feed_the_mask():
    from skeldsl.adapters import add_masked_skeletons
    from skeldsl.mining import Solution, mine_group

    rows = python_rows(30)
    for row in rows:
        row["group"] = row["prompt"]
    rows.insert(3, {"code": "def f(:\n", "lang": "python", "prompt": "broken", "group": rows[0]["group"]})
    data = add_masked_skeletons(Dataset.from_list(rows), "group")
    assert len(data) == len(rows)
    groups: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        groups.setdefault(row["group"], []).append(index)
    assert any(len(members) > 1 for members in groups.values())
    for members in groups.values():
        expected = mine_group([Solution(rows[i]["code"], "python") for i in members], "lexical")
        for i, result in zip(members, expected):
            if isinstance(result, skeldsl.SkelError):
                assert data[i]["masked_skeleton"] is None and data[i]["masked_error"]["kind"] == result.kind
            else:
                assert data[i]["masked_skeleton"] == result.masked
                assert data[i]["skeleton_spans"] == [list(s) for s in result.spans]
                assert data[i]["skeleton_text"] == result.text and data[i]["masked_error"] is None
    assert data[3]["masked_error"]["kind"] == "syntax_error"
    examples = build_multitask_examples(data, code_tokenizer(), code_column="skeleton_text",
                                        spans_column="skeleton_spans", skeleton_column="masked_skeleton",
                                        error_column="masked_error", max_length=4096)
    code_masks = [sum(r["skeleton_mask"]) for r in examples if r["task_id"] == CODE]
    assert len(code_masks) == len(rows) - 1 and all(m > 0 for m in code_masks)
    assert examples["task_id"].count(SKELETON) == len(rows) - 1


def test_examples_are_the_same_with_worker_processes(skeleton_dataset):
    tokenizer = code_tokenizer()
    data = skeleton_dataset.map(lambda row: {"spans": _keyword_spans(row["code"])})
    serial = build_multitask_examples(data, tokenizer, spans_column="spans", max_length=256)
    parallel = build_multitask_examples(data, tokenizer, spans_column="spans", max_length=256, num_proc=2,
                                        batch_size=5)
    assert serial.to_dict() == parallel.to_dict()


def test_rows_without_code_yield_nothing_and_empty_shards_keep_the_schema():
    rows = [{"code": "", "prompt": "empty", "skeleton": None}] * 6
    rows.append({"code": "def f(x):\n    return x\n", "prompt": "id", "skeleton": "skel 1\n"})
    examples = build_multitask_examples(Dataset.from_list(rows), code_tokenizer(), batch_size=2, num_proc=2,
                                        error_column=None)
    assert examples["task_id"] == [CODE, SKELETON] and examples["source_row"] == [6, 6]
    assert examples.features["input_ids"].feature.dtype == "int64"
