"""``transformers.Trainer`` integration: the multi-task loss as a ``compute_loss`` override.

:class:`SkeletonLossMixin` holds everything (loss, task mixing, per-task logging, keeping the extra
columns), so the same behaviour plugs into ``Trainer`` (:class:`SkeletonTrainer`) and into TRL's
``SFTTrainer`` (:mod:`skeldsl.adapters.sft`) without copying code, and without patching either library.

The returned loss is a per-micro-batch mean, so the mixin tells the ``Trainer`` to divide it by the
gradient-accumulation steps itself (``loss_is_scaled_for_ga = False`` in current transformers;
``model_accepts_loss_kwargs = False`` for the 4.4x/4.5x releases that decide from that flag).  With
gradient accumulation every micro-batch therefore weighs the same, as in the release (transformers 4.44)
and as alternating single-task micro-batches need; it is not the token-weighted normalisation across the
accumulated batch that the stock ``Trainer`` now applies to a single LM loss, so the two agree exactly
only without accumulation (the stock-``Trainer`` parity test runs with ``gradient_accumulation_steps=1``).
"""

from __future__ import annotations

from typing import Any

from transformers import Trainer

from skeldsl.adapters.collator import MultitaskCollator
from skeldsl.adapters.loss import LossWeights, multitask_loss
from skeldsl.adapters.sampling import MIXING_MODES, AlternatingTaskSampler

__all__ = ["SkeletonLossMixin", "SkeletonTrainer"]

EXTRA_COLUMNS = ("input_ids", "attention_mask", "labels", "task_id", "skeleton_mask")


class SkeletonLossMixin:
    """Mix into a ``Trainer`` subclass (before it in the bases).  Keyword arguments of ``__init__``:

    ``loss_weights`` (:class:`~skeldsl.adapters.LossWeights`, λ and μ), ``task_mixing`` (``"mixed"``:
    rows of both tasks share batches, shuffled as usual; ``"alternate"``: one task per micro-batch, in
    turn, as the release does).  ``loss_records`` keeps one dict per training micro-batch (step, loss and
    its terms, token counts); the logs gain ``loss_code``, ``loss_skeleton`` and ``loss_mask`` (means
    over the micro-batches since the last log that had tokens of that term).
    """

    loss_is_scaled_for_ga = False

    def __init__(self, *args: Any, loss_weights: LossWeights | None = None, task_mixing: str = "mixed",
                 **kwargs: Any) -> None:
        if task_mixing not in MIXING_MODES:
            raise ValueError(f"unknown task_mixing {task_mixing!r} (known: {', '.join(MIXING_MODES)})")
        self.loss_weights = loss_weights or LossWeights()
        self.task_mixing = task_mixing
        self.loss_records: list[dict[str, Any]] = []
        self._pending: list[dict[str, Any]] = []
        if kwargs.get("data_collator") is None:
            tokenizer = kwargs.get("processing_class") or kwargs.get("tokenizer")
            if tokenizer is None or getattr(tokenizer, "pad_token_id", None) is None:
                raise ValueError("pass data_collator=MultitaskCollator(pad_token_id) or a processing_class "
                                 "(tokenizer) with a pad token")
            kwargs["data_collator"] = MultitaskCollator(tokenizer.pad_token_id)
        super().__init__(*args, **kwargs)
        self.model_accepts_loss_kwargs = False

    def compute_loss(self, model, inputs, return_outputs: bool = False, num_items_in_batch=None):
        result = multitask_loss(model, inputs, self.loss_weights)
        if model.training:
            record = {"step": self.state.global_step, "loss": float(result.loss.detach()), "code": result.code,
                      "skeleton": result.skeleton, "mask": result.mask, "code_tokens": result.code_tokens,
                      "skeleton_tokens": result.skeleton_tokens, "mask_tokens": result.mask_tokens}
            self.loss_records.append(record)
            self._pending.append(record)
        return (result.loss, {"loss": result.loss}) if return_outputs else result.loss

    def log(self, logs: dict[str, float], *args: Any, **kwargs: Any) -> None:
        if "loss" in logs and self._pending:
            for term in ("code", "skeleton", "mask"):
                values = [r[term] for r in self._pending if r[f"{term}_tokens"]]
                if values:
                    logs[f"loss_{term}"] = sum(values) / len(values)
            self._pending = []
        super().log(logs, *args, **kwargs)

    def _get_train_sampler(self, *args: Any, **kwargs: Any):
        if self.task_mixing != "alternate":
            return super()._get_train_sampler(*args, **kwargs)
        dataset = args[0] if args else kwargs.get("train_dataset") or self.train_dataset
        if "task_id" not in getattr(dataset, "column_names", ()):
            raise ValueError("task_mixing='alternate' needs a training dataset with a task_id column")
        return AlternatingTaskSampler(list(dataset["task_id"]), self.args.per_device_train_batch_size,
                                      self.args.seed)

    def _set_signature_columns_if_needed(self) -> None:
        super()._set_signature_columns_if_needed()
        columns = list(self._signature_columns or [])
        self._signature_columns = columns + [c for c in EXTRA_COLUMNS if c not in columns]


class SkeletonTrainer(SkeletonLossMixin, Trainer):
    """``transformers.Trainer`` with the multi-task skeleton loss (see :class:`SkeletonLossMixin`).

    >>> trainer = SkeletonTrainer(model=model, args=TrainingArguments(...), train_dataset=examples,
    ...                           processing_class=tokenizer, loss_weights=LossWeights(skeleton=0.5))
    ... # doctest: +SKIP
    """
