"""TRL integration: ``SFTTrainer`` with the multi-task skeleton loss.

The examples from :func:`skeldsl.adapters.build_multitask_examples` are already tokenised, with labels
masked on the prompt, so TRL's own dataset preparation must be skipped (:func:`sft_config` sets
``dataset_kwargs={"skip_prepare_dataset": True}``) and our collator used; everything else of
``SFTTrainer`` (PEFT config handling, logging, saving, callbacks) stays TRL's.
"""

from __future__ import annotations

from typing import Any

from trl import SFTConfig, SFTTrainer

from skeldsl.adapters.trainer import SkeletonLossMixin

__all__ = ["SkeletonSFTTrainer", "sft_config"]


def sft_config(output_dir: str, **kwargs: Any) -> SFTConfig:
    """An ``SFTConfig`` for pre-tokenised multi-task examples (other kwargs as in ``SFTConfig``).

    TRL turns ``bf16`` on by default, which fails on machines without a bf16 GPU; here it defaults to
    whether one is present.
    """
    import torch

    kwargs.setdefault("bf16", bool(torch.cuda.is_available() and torch.cuda.is_bf16_supported()))
    dataset_kwargs = dict(kwargs.pop("dataset_kwargs", None) or {})
    dataset_kwargs.setdefault("skip_prepare_dataset", True)
    kwargs.setdefault("remove_unused_columns", False)
    return SFTConfig(output_dir=output_dir, dataset_kwargs=dataset_kwargs, **kwargs)


class SkeletonSFTTrainer(SkeletonLossMixin, SFTTrainer):
    """``trl.SFTTrainer`` with the multi-task skeleton loss (see :class:`SkeletonLossMixin`)."""
