"""``examples/train_multitask.py`` runs end to end and its JSON summary reports every task's losses."""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from adapters_support import NEETCODE, corpus_records

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "train_multitask.py"
pytestmark = pytest.mark.filterwarnings(r"ignore:`(is_)?gradient_checkpointing` is deprecated:FutureWarning")


def load_example():
    spec = importlib.util.spec_from_file_location("train_multitask", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("options", [["--trainer", "loop"], ["--trainer", "hf", "--mixing", "alternate", "--lora"]])
def test_example_prints_a_loss_summary_per_task(options, capsys, tmp_path):
    corpus_records()  # skips when ../shared is absent
    example = load_example()
    code = example.main(["--corpus", str(NEETCODE), "--records", "16", "--steps", "4", "--batch-size", "4",
                         "--max-length", "96", "--output", str(tmp_path / "model"), *options])
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["examples"] == {"code": 16, "skeleton": 16} and summary["micro_batches"] == 4
    assert set(summary["losses"]) == {"total", "code", "skeleton", "mask"}
    assert all(term["finite"] and math.isfinite(term["last"]) for term in summary["losses"].values())
    saved = tmp_path / "model"
    if "--lora" in options:  # the adapter carries the trained copy head
        assert "skeleton_head" in json.loads((saved / "adapter_config.json").read_text())["modules_to_save"]
    else:
        from skeldsl.adapters import load_multitask, skeleton_head

        reloaded = load_multitask(str(saved))
        assert skeleton_head(reloaded).weight.shape[0] == reloaded.config.vocab_size


def test_example_continues_from_a_saved_checkpoint(capsys, tmp_path):
    corpus_records()
    example = load_example()
    common = ["--corpus", str(NEETCODE), "--records", "8", "--steps", "2", "--batch-size", "4", "--max-length", "64"]
    assert example.main([*common, "--output", str(tmp_path / "first")]) == 0
    capsys.readouterr()
    from skeldsl.adapters import load_multitask, skeleton_head

    first = skeleton_head(load_multitask(str(tmp_path / "first"))).weight.detach().clone()
    assert example.main([*common, "--model", str(tmp_path / "first"), "--output", str(tmp_path / "second"),
                         "--trainer", "sft"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["model"] == str(tmp_path / "first") and summary["losses"]["skeleton"]["finite"]
    second = skeleton_head(load_multitask(str(tmp_path / "second"))).weight
    assert second.shape == first.shape and not (second == first).all()


def test_example_reports_a_missing_corpus(tmp_path, capsys):
    assert load_example().main(["--corpus", str(tmp_path / "none.jsonl.gz")]) == 2
    assert "corpus not found" in capsys.readouterr().err
