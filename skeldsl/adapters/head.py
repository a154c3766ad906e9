"""The auxiliary skeleton head: a copy of the LM head on the shared trunk, or the LM head itself.

The release adds a second output head, initialised from the language-model head, by forking
``transformers``.  We keep the model class untouched and register the head as a plain submodule
``skeleton_head`` of the causal LM, so ``state_dict``/``save_pretrained`` carry it, optimisers built from
``model.parameters()`` train it, and PEFT can keep it trainable through ``modules_to_save``.  The choice is
recorded in ``config.skeldsl_skeleton_head`` (``"copy"`` or ``"shared"``), so it survives
``save_pretrained`` and :func:`load_multitask` knows what to rebuild.

Both heads read the trunk's final hidden state, ``outputs.hidden_states[-1]``: for the architectures we
support that is exactly what the LM head sees (:func:`check_head_path` verifies it on the model at hand,
because a model that rescales or soft-caps its logits would silently train a different function).
"""

from __future__ import annotations

import json
import os
from typing import Any

__all__ = [
    "CONFIG_KEY",
    "HEAD_MODES",
    "HEAD_NAME",
    "attach_skeleton_head",
    "check_head_path",
    "core_model",
    "load_multitask",
    "skeleton_head",
    "skeleton_head_mode",
]

HEAD_MODES = ("copy", "shared")
CONFIG_KEY = "skeldsl_skeleton_head"
HEAD_NAME = "skeleton_head"


def core_model(model):
    """The ``PreTrainedModel`` under PEFT / DDP / accelerate wrappers (it owns ``skeleton_head``)."""
    seen = 0
    while seen < 8:
        seen += 1
        if hasattr(model, "get_base_model") and callable(model.get_base_model):  # peft.PeftModel
            model = model.get_base_model()
        elif hasattr(model, "module") and not hasattr(model, "config"):  # DDP / DataParallel
            model = model.module
        else:
            return model
    return model


def skeleton_head_mode(model) -> str | None:
    """``"copy"``, ``"shared"``, or ``None`` when no skeleton head was attached."""
    return getattr(core_model(model).config, CONFIG_KEY, None)


def skeleton_head(model):
    """The module that maps final hidden states to skeleton-token logits."""
    core = core_model(model)
    mode = getattr(core.config, CONFIG_KEY, None)
    if mode == "copy":
        return getattr(core, HEAD_NAME)
    if mode == "shared":
        return core.get_output_embeddings()
    raise ValueError("the model has no skeleton head: call skeldsl.adapters.attach_skeleton_head(model) first")


def attach_skeleton_head(model, mode: str = "copy", check: bool = True):
    """Give ``model`` a skeleton head and return it (the same object, modified in place).

    ``copy``: a new, untied ``nn.Linear`` initialised from the LM head's weights (and bias), trained on
    the skeleton task only; ``shared``: the skeleton task trains the LM head itself.  ``check`` runs
    :func:`check_head_path` once (a 4-token forward pass).
    """
    import torch

    if mode not in HEAD_MODES:
        raise ValueError(f"unknown skeleton head mode {mode!r} (known: {', '.join(HEAD_MODES)})")
    core = core_model(model)
    lm_head = core.get_output_embeddings()
    if lm_head is None or not isinstance(lm_head, torch.nn.Linear):
        raise ValueError(f"{type(core).__name__} has no linear output head to copy or share")
    if mode == "copy":
        if not isinstance(getattr(core, HEAD_NAME, None), torch.nn.Linear):
            head = torch.nn.Linear(lm_head.in_features, lm_head.out_features, bias=lm_head.bias is not None,
                                   device=lm_head.weight.device, dtype=lm_head.weight.dtype)
            with torch.no_grad():
                head.weight.copy_(lm_head.weight)
                if lm_head.bias is not None:
                    head.bias.copy_(lm_head.bias)
            core.add_module(HEAD_NAME, head)
    elif hasattr(core, HEAD_NAME):
        delattr(core, HEAD_NAME)
    setattr(core.config, CONFIG_KEY, mode)
    if check:
        check_head_path(model)
    return model


def check_head_path(model) -> None:
    """Raise ``ValueError`` unless ``lm_head(hidden_states[-1])`` reproduces the model's own logits."""
    import torch

    core = core_model(model)
    device = core.get_output_embeddings().weight.device
    ids = torch.arange(4, device=device).unsqueeze(0) % core.config.vocab_size
    was_training = core.training
    core.eval()
    try:
        with torch.no_grad():
            out = core(input_ids=ids, output_hidden_states=True)
            rebuilt = core.get_output_embeddings()(out.hidden_states[-1])
    finally:
        core.train(was_training)
    if not torch.allclose(rebuilt.float(), out.logits.float(), atol=1e-4, rtol=1e-4):
        raise ValueError(f"{type(core).__name__} post-processes its logits (scaling or soft-capping): the "
                         "skeleton adapters apply heads to hidden_states[-1] and would train a different "
                         "function; this architecture is not supported")


def _read_head_weights(path: str) -> dict[str, Any]:
    """``skeleton_head.*`` tensors from a ``save_pretrained`` folder (single or sharded safetensors/bin)."""
    import torch

    index_files = [name for name in ("model.safetensors.index.json", "pytorch_model.bin.index.json")
                   if os.path.exists(os.path.join(path, name))]
    if index_files:
        with open(os.path.join(path, index_files[0]), encoding="utf-8") as handle:
            weight_map = json.load(handle)["weight_map"]
        files = sorted({f for key, f in weight_map.items() if key.startswith(HEAD_NAME + ".")})
    else:
        files = [name for name in ("model.safetensors", "pytorch_model.bin")
                 if os.path.exists(os.path.join(path, name))][:1]
    tensors: dict[str, Any] = {}
    for name in files:
        full = os.path.join(path, name)
        if name.endswith(".safetensors"):
            from safetensors import safe_open

            with safe_open(full, framework="pt") as handle:
                for key in handle.keys():  # noqa: SIM118 - a safetensors handle, not a dict
                    if key.startswith(HEAD_NAME + "."):
                        tensors[key[len(HEAD_NAME) + 1:]] = handle.get_tensor(key)
        else:
            state = torch.load(full, map_location="cpu", weights_only=True)
            tensors.update({k[len(HEAD_NAME) + 1:]: v for k, v in state.items() if k.startswith(HEAD_NAME + ".")})
    return tensors


def load_multitask(path: str, base: str | None = None, is_trainable: bool = False, **from_pretrained: Any):
    """Reload a model saved with its skeleton head (full ``save_pretrained`` folder or a PEFT adapter).

    A PEFT adapter folder (``adapter_config.json``) is loaded onto ``base`` (default: the adapter's
    ``base_model_name_or_path``) with a fresh copy head, whose saved weights PEFT then restores from
    ``modules_to_save``.  A full folder is loaded with ``AutoModelForCausalLM`` and the head re-attached
    from the saved tensors.  ``from_pretrained`` kwargs (``torch_dtype``, ``device_map`` ...) pass through.
    """
    from transformers import AutoModelForCausalLM

    adapter_config = os.path.join(path, "adapter_config.json")
    if os.path.exists(adapter_config):
        from peft import PeftModel

        with open(adapter_config, encoding="utf-8") as handle:
            settings = json.load(handle)
        base_path = base or settings.get("base_model_name_or_path")
        if not base_path:
            raise ValueError(f"{adapter_config} names no base model; pass base=")
        model = AutoModelForCausalLM.from_pretrained(base_path, **from_pretrained)
        saved = settings.get("modules_to_save") or []
        attach_skeleton_head(model, "copy" if HEAD_NAME in saved else "shared", check=False)
        return PeftModel.from_pretrained(model, path, is_trainable=is_trainable)
    model = AutoModelForCausalLM.from_pretrained(path, **from_pretrained)
    mode = getattr(model.config, CONFIG_KEY, None)
    if mode is None:
        raise ValueError(f"{path} holds no skeleton head (config has no {CONFIG_KEY!r})")
    if mode == "copy":
        tensors = _read_head_weights(path)
        if "weight" not in tensors:
            raise ValueError(f"{path}: config says {CONFIG_KEY}='copy' but no skeleton_head weights were saved")
        attach_skeleton_head(model, "copy", check=False)
        head = skeleton_head(model)
        head.load_state_dict(tensors)
    return model
