"""Skeletons as auxiliary training targets, for ``datasets``, ``transformers``, TRL, PEFT and plain PyTorch.

Install with ``pip install 'skeldsl[train]'`` (``[hf]`` for the data side only).  Importing this package
is cheap: every name below is loaded on first use, so ``import skeldsl`` and ``skel --help`` never pull in
torch or transformers.

Data (``datasets``):
    add_skeletons, add_masked_skeletons, build_multitask_examples, spans_to_token_mask, TaskTemplates,
    CODE, SKELETON
Model and loss (torch):
    attach_skeleton_head, skeleton_head, load_multitask, multitask_loss, LossWeights, MultitaskCollator
Trainers:
    SkeletonTrainer (transformers), SkeletonSFTTrainer and sft_config (TRL), apply_lora (PEFT),
    train_loop and multitask_dataloader (plain PyTorch)
Local smoke-test helpers:
    train_code_tokenizer, tiny_causal_lm
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "CODE": "templates", "SKELETON": "templates", "TASK_NAMES": "templates", "TaskTemplates": "templates",
    "add_skeletons": "data", "build_multitask_examples": "data", "spans_to_token_mask": "data",
    "add_masked_skeletons": "masked",
    "error_record": "data",
    "HEAD_MODES": "head", "attach_skeleton_head": "head", "skeleton_head": "head", "skeleton_head_mode": "head",
    "load_multitask": "head", "check_head_path": "head",
    "LossWeights": "loss", "LossBreakdown": "loss", "multitask_loss": "loss",
    "MultitaskCollator": "collator",
    "MIXING_MODES": "sampling", "AlternatingTaskSampler": "sampling", "alternating_order": "sampling",
    "SkeletonLossMixin": "trainer", "SkeletonTrainer": "trainer",
    "SkeletonSFTTrainer": "sft", "sft_config": "sft",
    "apply_lora": "lora", "lora_config": "lora",
    "train_loop": "loop", "multitask_dataloader": "loop",
    "train_code_tokenizer": "tiny", "tiny_causal_lm": "tiny",
}

__all__ = [
    "CODE",
    "HEAD_MODES",
    "MIXING_MODES",
    "SKELETON",
    "TASK_NAMES",
    "AlternatingTaskSampler",
    "LossBreakdown",
    "LossWeights",
    "MultitaskCollator",
    "SkeletonLossMixin",
    "SkeletonSFTTrainer",
    "SkeletonTrainer",
    "TaskTemplates",
    "add_masked_skeletons",
    "add_skeletons",
    "alternating_order",
    "apply_lora",
    "attach_skeleton_head",
    "build_multitask_examples",
    "check_head_path",
    "error_record",
    "load_multitask",
    "lora_config",
    "multitask_dataloader",
    "multitask_loss",
    "sft_config",
    "skeleton_head",
    "skeleton_head_mode",
    "spans_to_token_mask",
    "tiny_causal_lm",
    "train_code_tokenizer",
    "train_loop",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'skeldsl.adapters' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"skeldsl.adapters.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
