"""Padding collator for multi-task examples (works for plain SFT rows too)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from skeldsl.adapters.templates import CODE

__all__ = ["MultitaskCollator"]


@dataclass(frozen=True)
class MultitaskCollator:
    """Right-pads ``input_ids`` (``pad_token_id``), ``labels`` (-100), ``skeleton_mask`` (0) to one length.

    Returns tensors ``input_ids``, ``attention_mask``, ``labels``, ``task_id`` and ``skeleton_mask``.  Rows
    without ``labels`` are trained on every token, rows without ``task_id`` are code rows, rows without
    ``skeleton_mask`` have none; any other column (``source_row``, text columns) is dropped, so the
    collator can run under ``remove_unused_columns=False``.
    """

    pad_token_id: int
    pad_to_multiple_of: int | None = None
    max_length: int | None = None

    def __call__(self, features: list[dict[str, Any]]) -> dict[str, Any]:
        import torch

        if not features:
            raise ValueError("cannot collate an empty batch")
        rows = []
        for feature in features:
            ids = list(feature["input_ids"])
            labels = list(feature["labels"]) if feature.get("labels") is not None else list(ids)
            mask = feature.get("skeleton_mask")
            mask = list(mask) if mask is not None else [0] * len(ids)
            if not len(ids) == len(labels) == len(mask):
                raise ValueError(f"row lengths differ: input_ids {len(ids)}, labels {len(labels)}, "
                                 f"skeleton_mask {len(mask)}")
            if self.max_length is not None:
                ids, labels, mask = ids[:self.max_length], labels[:self.max_length], mask[:self.max_length]
            task = feature.get("task_id")
            rows.append((ids, labels, mask, CODE if task is None else int(task)))
        width = max(len(r[0]) for r in rows)
        if self.pad_to_multiple_of:
            width = -(-width // self.pad_to_multiple_of) * self.pad_to_multiple_of
        batch = {"input_ids": [], "attention_mask": [], "labels": [], "skeleton_mask": [], "task_id": []}
        for ids, labels, mask, task in rows:
            pad = width - len(ids)
            batch["input_ids"].append(ids + [self.pad_token_id] * pad)
            batch["attention_mask"].append([1] * len(ids) + [0] * pad)
            batch["labels"].append(labels + [-100] * pad)
            batch["skeleton_mask"].append(mask + [0] * pad)
            batch["task_id"].append(task)
        return {key: torch.tensor(value, dtype=torch.long) for key, value in batch.items()}
