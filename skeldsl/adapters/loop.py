"""A plain PyTorch training loop over multi-task examples, for users without a ``Trainer``.

It is deliberately small: a data loader (mixed or alternating batches), the multi-task loss, gradient
clipping, an optimiser step per batch.  Anything fancier belongs in your own loop, which only needs
:func:`~skeldsl.adapters.multitask_loss` and :class:`~skeldsl.adapters.MultitaskCollator`.
"""

from __future__ import annotations

from typing import Any

from skeldsl.adapters.loss import LossWeights, multitask_loss
from skeldsl.adapters.sampling import MIXING_MODES, AlternatingTaskSampler

__all__ = ["multitask_dataloader", "train_loop"]


def multitask_dataloader(dataset, collator, batch_size: int = 8, task_mixing: str = "mixed", seed: int = 0,
                         shuffle: bool = True):
    """A ``torch.utils.data.DataLoader`` over ``dataset`` with the chosen task mixing."""
    import torch
    from torch.utils.data import DataLoader

    if task_mixing not in MIXING_MODES:
        raise ValueError(f"unknown task_mixing {task_mixing!r} (known: {', '.join(MIXING_MODES)})")
    if task_mixing == "alternate":
        sampler = AlternatingTaskSampler(list(dataset["task_id"]), batch_size, seed)
        return DataLoader(dataset, batch_size=batch_size, sampler=sampler, collate_fn=collator)
    generator = torch.Generator().manual_seed(seed)
    return DataLoader(dataset, batch_size=batch_size, shuffle=shuffle, generator=generator, collate_fn=collator)


def train_loop(model, dataloader, optimizer, weights: LossWeights | None = None, steps: int | None = None,
               max_grad_norm: float | None = 1.0, device: Any = None) -> list[dict[str, Any]]:
    """Train for ``steps`` batches (default: one pass); returns one record per step (loss and its terms)."""
    import torch

    weights = weights or LossWeights()
    device = device or next(model.parameters()).device
    trainable = [p for p in model.parameters() if p.requires_grad]
    model.train()
    records: list[dict[str, Any]] = []
    step = 0
    while steps is None or step < steps:
        start = step
        for batch in dataloader:
            if steps is not None and step >= steps:
                break
            batch = {key: value.to(device) for key, value in batch.items()}
            optimizer.zero_grad(set_to_none=True)
            result = multitask_loss(model, batch, weights)
            result.loss.backward()
            if max_grad_norm is not None:
                torch.nn.utils.clip_grad_norm_(trainable, max_grad_norm)
            optimizer.step()
            records.append({"step": step, "loss": float(result.loss.detach()), "code": result.code,
                            "skeleton": result.skeleton, "mask": result.mask, "code_tokens": result.code_tokens,
                            "skeleton_tokens": result.skeleton_tokens, "mask_tokens": result.mask_tokens})
            step += 1
        if steps is None or step == start:  # one pass asked, or an empty loader
            break
    return records
