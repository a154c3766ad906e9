"""LoRA through PEFT, keeping the skeleton head trainable and saved with the adapter.

A copy head is not part of the base checkpoint, so it goes into ``modules_to_save``: PEFT then trains it in
full and writes it into the adapter folder, and :func:`skeldsl.adapters.load_multitask` restores it.  A
shared head is the frozen LM head; the skeleton task then trains the LoRA weights of the trunk only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from skeldsl.adapters.head import HEAD_NAME, skeleton_head_mode

__all__ = ["apply_lora", "lora_config"]


def lora_config(model, r: int = 8, alpha: int = 32, dropout: float = 0.05,
                target_modules: Sequence[str] | str | None = "all-linear", **kwargs: Any):
    """A ``peft.LoraConfig`` for ``model`` (the release's r = 8, alpha = 32 by default).

    Adds ``skeleton_head`` to ``modules_to_save`` when the model has a copy head.  ``"all-linear"``
    adapts every linear layer except the output heads.
    """
    from peft import LoraConfig

    saved = list(kwargs.pop("modules_to_save", None) or [])
    if skeleton_head_mode(model) == "copy" and HEAD_NAME not in saved:
        saved.append(HEAD_NAME)
    excluded = list(kwargs.pop("exclude_modules", None) or [])
    if HEAD_NAME not in excluded:
        excluded.append(HEAD_NAME)  # "all-linear" would otherwise put LoRA on the copy head too
    modules = target_modules if isinstance(target_modules, str) or target_modules is None else list(target_modules)
    return LoraConfig(r=r, lora_alpha=alpha, lora_dropout=dropout, target_modules=modules,
                      modules_to_save=saved or None, exclude_modules=excluded, task_type="CAUSAL_LM", **kwargs)


def apply_lora(model, **kwargs: Any):
    """``peft.get_peft_model`` with :func:`lora_config` (kwargs go to it)."""
    from peft import get_peft_model

    return get_peft_model(model, lora_config(model, **kwargs))
