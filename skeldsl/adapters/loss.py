"""The multi-task loss: code loss + λ · skeleton loss + μ · mask-weighted code loss.

For one batch, with ``ℓ_t = -log p(y_t | y_<t)`` the next-token cross-entropy of target token ``t``
(label ≠ -100, after the usual one-position shift):

* ``C`` = target tokens of code rows (``task_id == 0``), scored by the **LM head**;
* ``S`` = target tokens of skeleton rows (``task_id == 1``), scored by the **skeleton head**;
* ``m_t ∈ {0, 1}`` = ``skeleton_mask`` of code token ``t`` (1 = the token belongs to the skeleton).

    L_code = Σ_{t∈C} ℓ_t / |C|
    L_skel = Σ_{t∈S} ℓ_t / |S|
    L_mask = Σ_{t∈C} m_t ℓ_t / Σ_{t∈C} m_t
    L      = L_code + λ · L_skel + μ · L_mask

A term whose token set is empty is 0 (e.g. ``L_skel`` in a code-only micro-batch when tasks alternate).
So μ adds weight ``μ / Σ m`` to each skeleton token of the code on top of ``1 / |C|``: the release's intent
of re-weighting skeleton tokens, with its unused ``skeleton_weight`` made real.  A term whose weight is 0
is computed without gradient (for logging only) and left out of ``L``: with λ = μ = 0 the graph and the
gradient are exactly those of plain causal-LM fine-tuning on the code rows (``L_code`` is the token mean
that ``transformers`` computes for ``model(input_ids, labels=labels).loss``).
"""

from __future__ import annotations

import inspect
import math
from dataclasses import dataclass
from typing import Any

from skeldsl.adapters.head import core_model, skeleton_head
from skeldsl.adapters.templates import CODE, SKELETON

__all__ = ["LossBreakdown", "LossWeights", "multitask_loss"]


@dataclass(frozen=True)
class LossWeights:
    """λ (``skeleton``) and μ (``mask``); both default to 1 as in the release's summed losses."""

    skeleton: float = 1.0
    mask: float = 1.0

    def __post_init__(self) -> None:
        for name in ("skeleton", "mask"):
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and math.isfinite(value) and value >= 0):
                raise ValueError(f"loss weight {name!r} must be a non-negative number, not {value!r}")


@dataclass(frozen=True)
class LossBreakdown:
    """The total loss (a tensor with gradient) and its detached terms and token counts."""

    loss: Any
    code: float
    skeleton: float
    mask: float
    code_tokens: int
    skeleton_tokens: int
    mask_tokens: int


def _forward_kwargs(model) -> dict[str, Any]:
    """Ask the model for at most one position of logits: we apply the heads ourselves."""
    core = core_model(model)
    cached = getattr(core, "_skeldsl_forward_kwargs", None)
    if cached is None:
        parameters = inspect.signature(core.forward).parameters
        cached = {}
        for name in ("logits_to_keep", "num_logits_to_keep"):
            if name in parameters:
                cached = {name: 1}
                break
        object.__setattr__(core, "_skeldsl_forward_kwargs", cached)
    return dict(cached)


def _flat_logits(head, hidden, labels):
    """Flattened float32 logits and shifted labels, exactly as ``transformers``' ``ForCausalLMLoss``."""
    import torch.nn.functional as F

    logits = head(hidden).float()
    shifted = F.pad(labels, (0, 1), value=-100)[:, 1:]
    return logits.reshape(-1, logits.shape[-1]), shifted.reshape(-1)


def multitask_loss(model, batch: dict[str, Any], weights: LossWeights = LossWeights()) -> LossBreakdown:
    """Run ``model`` on ``batch`` (from :class:`~skeldsl.adapters.MultitaskCollator`) and combine the terms.

    ``batch`` needs ``input_ids`` and ``labels``; ``attention_mask``, ``task_id`` (default: all code) and
    ``skeleton_mask`` (default: none) are optional.  ``model`` may be wrapped (PEFT, DDP): the forward
    pass goes through the wrapper, the heads are applied to its last hidden state.
    """
    import torch
    import torch.nn.functional as F

    input_ids, labels = batch["input_ids"], batch["labels"]
    task = batch.get("task_id")
    if task is None:
        task = torch.full((input_ids.shape[0],), CODE, dtype=torch.long, device=input_ids.device)
    unknown = ~((task == CODE) | (task == SKELETON))
    if bool(unknown.any()):
        raise ValueError(f"task_id must be {CODE} (code) or {SKELETON} (skeleton)")
    kwargs = _forward_kwargs(model)
    outputs = model(input_ids=input_ids, attention_mask=batch.get("attention_mask"), output_hidden_states=True,
                    use_cache=False, **kwargs)
    hidden = outputs.hidden_states[-1]
    zero = hidden.new_zeros((), dtype=torch.float32)
    terms = {"code": zero, "skeleton": zero, "mask": zero}
    counts = {"code": 0, "skeleton": 0, "mask": 0}

    code_rows = task == CODE
    if bool(code_rows.any()):
        every = bool(code_rows.all())  # no row selection: the very tensors plain fine-tuning would use
        h, y = (hidden, labels) if every else (hidden[code_rows], labels[code_rows])
        logits, targets = _flat_logits(core_model(model).get_output_embeddings(), h, y)
        valid = targets != -100
        counts["code"] = int(valid.sum())
        if counts["code"]:
            terms["code"] = F.cross_entropy(logits, targets, ignore_index=-100)
        mask = batch.get("skeleton_mask")
        if mask is not None and counts["code"]:
            m = F.pad(mask if every else mask[code_rows], (0, 1), value=0)[:, 1:].reshape(-1)
            m = (m != 0) & valid
            counts["mask"] = int(m.sum())
            if counts["mask"]:
                with torch.set_grad_enabled(torch.is_grad_enabled() and weights.mask > 0):
                    per_token = F.cross_entropy(logits[m], targets[m], reduction="none")
                    terms["mask"] = per_token.sum() / counts["mask"]
    skel_rows = task == SKELETON
    if bool(skel_rows.any()):
        with torch.set_grad_enabled(torch.is_grad_enabled() and weights.skeleton > 0):
            logits, targets = _flat_logits(skeleton_head(model), hidden[skel_rows], labels[skel_rows])
            counts["skeleton"] = int((targets != -100).sum())
            if counts["skeleton"]:
                terms["skeleton"] = F.cross_entropy(logits, targets, ignore_index=-100)

    total = terms["code"]
    if weights.skeleton and counts["skeleton"]:
        total = total + weights.skeleton * terms["skeleton"]
    if weights.mask and counts["mask"]:
        total = total + weights.mask * terms["mask"]
    if not counts["code"] and not (weights.skeleton and counts["skeleton"]):
        total = hidden.sum() * 0.0  # no target token at all: a zero that still has a graph
    return LossBreakdown(total, float(terms["code"].detach()), float(terms["skeleton"].detach()),
                         float(terms["mask"].detach()), counts["code"], counts["skeleton"], counts["mask"])
