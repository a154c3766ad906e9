"""Training adapters with a real tiny causal LM (2 layers, hidden 64) and a locally trained tokenizer.

Every test runs real optimisation steps of ``transformers`` models on corpus code: the loss formula and
its weights, λ = μ = 0 against plain fine-tuning, the auxiliary head's gradients, saving and reloading,
and the ``Trainer`` / TRL ``SFTTrainer`` / PEFT LoRA / plain-loop paths.
"""

from __future__ import annotations

import math
import re

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from adapters_support import code_tokenizer, python_rows
from datasets import Dataset
from transformers import DataCollatorForSeq2Seq, Trainer, TrainingArguments

from skeldsl.adapters import (
    CODE,
    SKELETON,
    LossWeights,
    MultitaskCollator,
    SkeletonTrainer,
    add_skeletons,
    attach_skeleton_head,
    build_multitask_examples,
    load_multitask,
    multitask_dataloader,
    multitask_loss,
    skeleton_head,
    tiny_causal_lm,
    train_loop,
)

# TRL and PEFT still read transformers' renamed gradient-checkpointing attributes (their deprecation, not ours)
pytestmark = pytest.mark.filterwarnings(
    r"ignore:`(is_)?gradient_checkpointing` is deprecated:FutureWarning")

KEPT = re.compile(r"\b(?:for|while|if|return|in|range|len|sort|append|pop)\b")


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """Tiny matmuls run faster on one thread than on two contended ones (CI shares 2 cores)."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="module")
def examples():
    """Code and skeleton examples of 32 Python solutions, with keyword-span skeleton masks on the code."""
    data = add_skeletons(Dataset.from_list(python_rows(32)))
    data = data.map(lambda row: {"spans": [list(m.span()) for m in KEPT.finditer(row["code"])]})
    return build_multitask_examples(data, code_tokenizer(), spans_column="spans", max_length=96)


@pytest.fixture(scope="module")
def code_only(examples):
    return examples.filter(lambda row: row["task_id"] == CODE)


def fresh_model(mode: str | None = "copy", arch: str = "llama"):
    model = tiny_causal_lm(code_tokenizer(), arch=arch, seed=0)
    return attach_skeleton_head(model, mode) if mode else model


def collate(rows):
    return MultitaskCollator(code_tokenizer().pad_token_id)(list(rows))


def batch_of(dataset, indices):
    return collate(dataset.select(indices))


def args(tmp_path, **kwargs):
    settings = dict(per_device_train_batch_size=8, learning_rate=3e-3, max_steps=3, logging_steps=1,
                    report_to=[], save_strategy="no", use_cpu=True, seed=0, disable_tqdm=True)
    settings.update(kwargs)
    return TrainingArguments(str(tmp_path), **settings)


# --- the loss ------------------------------------------------------------------------------------------

def test_loss_is_the_documented_sum_and_the_weights_act(examples):
    model = fresh_model()
    code_rows = [i for i, t in enumerate(examples["task_id"]) if t == CODE][:3]
    skel_rows = [i for i, t in enumerate(examples["task_id"]) if t == SKELETON][:3]
    batch = batch_of(examples, code_rows + skel_rows)
    base = multitask_loss(model, batch, LossWeights(0, 0))
    assert base.code_tokens > 0 and base.skeleton_tokens > 0 and 0 < base.mask_tokens < base.code_tokens
    for lam, mu in [(1.0, 1.0), (0.5, 2.0), (3.0, 0.0)]:
        result = multitask_loss(model, batch, LossWeights(lam, mu))
        assert (result.code, result.skeleton, result.mask) == pytest.approx((base.code, base.skeleton, base.mask))
        assert float(result.loss.detach()) == pytest.approx(base.code + lam * base.skeleton + mu * base.mask, rel=1e-6)

    # independent recomputation of each term from the model's own logits
    with torch.no_grad():
        out = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], output_hidden_states=True)
        hidden = out.hidden_states[-1]
    labels = torch.nn.functional.pad(batch["labels"], (0, 1), value=-100)[:, 1:]
    mask = torch.nn.functional.pad(batch["skeleton_mask"], (0, 1), value=0)[:, 1:]
    per_token = {}
    for name, head in (("lm", model.get_output_embeddings()), ("skel", model.skeleton_head)):
        with torch.no_grad():
            logits = head(hidden).float()
        per_token[name] = torch.nn.functional.cross_entropy(
            logits.transpose(1, 2), labels.clamp(min=0), reduction="none")
    is_code = (batch["task_id"] == CODE)[:, None] & (labels != -100)
    is_skel = (batch["task_id"] == SKELETON)[:, None] & (labels != -100)
    is_mask = is_code & (mask == 1)
    assert base.code == pytest.approx(float(per_token["lm"][is_code].mean()), rel=1e-5)
    assert base.skeleton == pytest.approx(float(per_token["skel"][is_skel].mean()), rel=1e-5)
    assert base.mask == pytest.approx(float(per_token["lm"][is_mask].mean()), rel=1e-5)

    # gradients: λ reaches the skeleton head, μ changes the trunk's gradient
    def grads(weights):
        model.zero_grad(set_to_none=True)
        multitask_loss(model, batch, weights).loss.backward()
        return model.skeleton_head.weight.grad, model.model.layers[0].mlp.up_proj.weight.grad.clone()

    head_off, trunk_plain = grads(LossWeights(0, 0))
    head_on, _ = grads(LossWeights(1, 0))
    head_twice, _ = grads(LossWeights(2, 0))
    _, trunk_mask = grads(LossWeights(0, 1))
    assert head_off is None
    assert head_on is not None and float(head_on.abs().sum()) > 0
    torch.testing.assert_close(head_twice, 2 * head_on)
    assert not torch.allclose(trunk_mask, trunk_plain)


def test_zero_weights_are_plain_causal_lm_loss(examples, code_only):
    model = fresh_model()
    batch = batch_of(code_only, range(6))
    model.zero_grad()
    ours = multitask_loss(model, batch, LossWeights(0, 0)).loss
    ours.backward()
    our_grads = [p.grad.clone() for p in model.parameters() if p.grad is not None]
    model.zero_grad(set_to_none=True)
    plain = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], labels=batch["labels"]).loss
    plain.backward()
    plain_grads = [p.grad.clone() for p in model.parameters() if p.grad is not None]
    assert torch.equal(ours, plain)
    assert len(our_grads) == len(plain_grads) and all(torch.equal(a, b) for a, b in zip(our_grads, plain_grads))

    # in a mixed batch, λ = μ = 0 leaves exactly the code rows' plain loss
    mixed = batch_of(examples, range(8))
    rows = mixed["task_id"] == CODE
    assert 0 < int(rows.sum()) < 8
    ours = multitask_loss(model, mixed, LossWeights(0, 0)).loss
    plain = model(input_ids=mixed["input_ids"][rows], attention_mask=mixed["attention_mask"][rows],
                  labels=mixed["labels"][rows]).loss
    torch.testing.assert_close(ours, plain, rtol=1e-6, atol=1e-6)


# --- plain PyTorch loop ----------------------------------------------------------------------------------

def test_plain_loop_trains_both_tasks_and_the_head(examples):
    model = fresh_model()
    head_before = model.skeleton_head.weight.detach().clone()
    loader = multitask_dataloader(examples.select(range(24)), collate, batch_size=8, seed=0)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
    records = train_loop(model, loader, optimizer, LossWeights(1.0, 0.5), steps=12)
    assert len(records) == 12
    for term in ("loss", "code", "skeleton", "mask"):
        values = [r[term] for r in records]
        assert all(math.isfinite(v) for v in values)
        assert sum(values[-3:]) / 3 < sum(values[:3]) / 3, (term, values)
    assert records[-1]["loss"] < records[0]["loss"]
    head = model.skeleton_head.weight
    assert head.grad is not None and float(head.grad.abs().sum()) > 0
    assert not torch.equal(head.detach(), head_before)
    assert not torch.equal(head.detach(), model.get_output_embeddings().weight.detach())


def test_zero_weights_train_exactly_like_plain_finetuning(code_only):
    ours, plain = fresh_model("copy"), fresh_model(None)
    def loader():
        return multitask_dataloader(code_only, collate, batch_size=6, seed=3)

    records = train_loop(ours, loader(), torch.optim.AdamW(ours.parameters(), lr=3e-3), LossWeights(0, 0),
                         steps=4, max_grad_norm=None)
    optimizer = torch.optim.AdamW(plain.parameters(), lr=3e-3)
    plain_losses = []
    for batch in loader():
        if len(plain_losses) == 4:
            break
        optimizer.zero_grad()
        loss = plain(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], labels=batch["labels"]).loss
        loss.backward()
        optimizer.step()
        plain_losses.append(float(loss.detach()))
    assert [r["loss"] for r in records] == plain_losses
    trunk = {k: v for k, v in ours.state_dict().items() if not k.startswith("skeleton_head")}
    assert trunk.keys() == plain.state_dict().keys()
    assert all(torch.equal(trunk[k], v) for k, v in plain.state_dict().items())


# --- transformers Trainer --------------------------------------------------------------------------------

def test_trainer_with_zero_weights_matches_the_stock_trainer(code_only, tmp_path):
    tokenizer = code_tokenizer()
    stock_model, our_model = fresh_model(None), fresh_model("copy")
    stock_data = code_only.remove_columns(["task_id", "skeleton_mask", "source_row"])
    stock = Trainer(model=stock_model, args=args(tmp_path / "stock"), train_dataset=stock_data,
                    data_collator=DataCollatorForSeq2Seq(tokenizer, padding=True))
    stock.train()
    ours = SkeletonTrainer(model=our_model, args=args(tmp_path / "ours"), train_dataset=code_only,
                           processing_class=tokenizer, loss_weights=LossWeights(0, 0))
    ours.train()
    stock_losses = [log["loss"] for log in stock.state.log_history if "loss" in log]
    our_losses = [log["loss"] for log in ours.state.log_history if "loss" in log]
    assert len(stock_losses) == len(our_losses) == 3
    assert our_losses == pytest.approx(stock_losses, rel=1e-5)
    for name, value in stock_model.state_dict().items():
        torch.testing.assert_close(our_model.state_dict()[name], value, rtol=1e-4, atol=1e-6)


def test_trainer_alternates_tasks_logs_terms_and_saves_the_head(examples, tmp_path):
    model = fresh_model("copy")
    trainer = SkeletonTrainer(model=model, args=args(tmp_path, max_steps=4, per_device_train_batch_size=4),
                              train_dataset=examples, processing_class=code_tokenizer(), task_mixing="alternate",
                              loss_weights=LossWeights(0.5, 1.0))
    trainer.train()
    kinds = ["code" if r["code_tokens"] else "skeleton" for r in trainer.loss_records]
    assert kinds == ["code", "skeleton", "code", "skeleton"]
    assert all((r["code_tokens"] == 0) != (r["skeleton_tokens"] == 0) for r in trainer.loss_records)
    logs = [log for log in trainer.state.log_history if "loss" in log]
    assert "loss_code" in logs[0] and "loss_skeleton" in logs[1] and all(math.isfinite(v["loss"]) for v in logs)

    trainer.save_model(str(tmp_path / "saved"))
    reloaded = load_multitask(str(tmp_path / "saved"))
    assert torch.equal(skeleton_head(reloaded).weight, model.skeleton_head.weight)
    batch = batch_of(examples, range(8))
    model.eval()
    reloaded.eval()
    with torch.no_grad():
        before = multitask_loss(model, batch, LossWeights(0.5, 1.0))
        after = multitask_loss(reloaded, batch, LossWeights(0.5, 1.0))
    assert (after.code, after.skeleton, after.mask) == (before.code, before.skeleton, before.mask)


def test_shared_head_mode_trains_the_lm_head_on_skeletons(examples, tmp_path):
    model = fresh_model("shared")
    assert not hasattr(model, "skeleton_head")
    assert skeleton_head(model) is model.get_output_embeddings()
    skel_rows = [i for i, t in enumerate(examples["task_id"]) if t == SKELETON][:4]
    result = multitask_loss(model, batch_of(examples, skel_rows), LossWeights(1, 0))
    result.loss.backward()
    assert result.code_tokens == 0 and float(model.lm_head.weight.grad.abs().sum()) > 0
    model.save_pretrained(tmp_path)
    assert not hasattr(load_multitask(str(tmp_path)), "skeleton_head")
    with pytest.raises(ValueError, match="no skeleton head"):
        skeleton_head(fresh_model(None))
    fresh_model(None).save_pretrained(tmp_path / "plain")
    with pytest.raises(ValueError, match="holds no skeleton head"):
        load_multitask(str(tmp_path / "plain"))


def test_gpt2_tied_embeddings_get_an_untied_copy_and_softcapped_logits_are_refused():
    model = fresh_model("copy", arch="gpt2")
    assert model.skeleton_head.weight.data_ptr() != model.get_output_embeddings().weight.data_ptr()
    torch.testing.assert_close(model.skeleton_head.weight, model.get_output_embeddings().weight)
    from transformers import Gemma2Config, Gemma2ForCausalLM

    capped = Gemma2ForCausalLM(Gemma2Config(vocab_size=64, hidden_size=32, intermediate_size=64, num_hidden_layers=1,
                                            num_attention_heads=2, num_key_value_heads=2, head_dim=16,
                                            final_logit_softcapping=1.0))
    with pytest.raises(ValueError, match="post-processes its logits"):
        attach_skeleton_head(capped)


# --- TRL and PEFT -----------------------------------------------------------------------------------------

def test_trl_sft_trainer_path(examples, tmp_path):
    pytest.importorskip("trl")
    from skeldsl.adapters import SkeletonSFTTrainer, sft_config

    model = fresh_model("copy")
    head_before = model.skeleton_head.weight.detach().clone()
    config = sft_config(str(tmp_path), per_device_train_batch_size=8, learning_rate=3e-3, max_steps=2,
                        logging_steps=1, report_to=[], save_strategy="no", use_cpu=True, seed=0,
                        disable_tqdm=True)
    trainer = SkeletonSFTTrainer(model=model, args=config, train_dataset=examples,
                                 processing_class=code_tokenizer(), loss_weights=LossWeights(1, 1))
    trainer.train()
    assert len(trainer.loss_records) == 2
    assert all(math.isfinite(r["loss"]) for r in trainer.loss_records)
    assert sum(r["skeleton_tokens"] for r in trainer.loss_records) > 0
    assert not torch.equal(model.skeleton_head.weight.detach(), head_before)


def test_peft_lora_keeps_the_head_trainable_and_saved(examples, tmp_path):
    pytest.importorskip("peft")
    from skeldsl.adapters import apply_lora

    base = fresh_model("copy")
    base.save_pretrained(tmp_path / "base")
    frozen_before = base.model.layers[0].mlp.up_proj.weight.detach().clone()
    model = apply_lora(base, r=4, alpha=16)
    trainable = {name for name, p in model.named_parameters() if p.requires_grad}
    assert any("skeleton_head" in name for name in trainable)
    assert any("lora_" in name for name in trainable)
    assert not any(name.endswith("up_proj.base_layer.weight") for name in trainable)
    assert not any("skeleton_head" in name and "lora_" in name for name in trainable)
    head = skeleton_head(model)
    head_before = head.weight.detach().clone() if hasattr(head, "weight") else None
    trainer = SkeletonTrainer(model=model, args=args(tmp_path / "run", max_steps=2), train_dataset=examples,
                              processing_class=code_tokenizer())
    trainer.train()
    assert all(math.isfinite(r["loss"]) for r in trainer.loss_records)
    assert torch.equal(base.model.layers[0].mlp.up_proj.base_layer.weight, frozen_before)
    assert head_before is not None and not torch.equal(head.weight.detach(), head_before)

    model.save_pretrained(tmp_path / "adapter")
    reloaded = load_multitask(str(tmp_path / "adapter"), base=str(tmp_path / "base"))
    torch.testing.assert_close(skeleton_head(reloaded).weight, head.weight, rtol=0, atol=0)
    batch = batch_of(examples, range(8))
    model.eval()
    reloaded.eval()
    with torch.no_grad():
        a = multitask_loss(model, batch)
        b = multitask_loss(reloaded, batch)
    assert (a.code, a.skeleton, a.mask) == pytest.approx((b.code, b.skeleton, b.mask), rel=1e-6)


def test_evaluate_reports_the_multitask_loss(examples, tmp_path):
    model = fresh_model("copy")
    held_out = examples.select(range(8))
    trainer = SkeletonTrainer(model=model, args=args(tmp_path, per_device_eval_batch_size=8), train_dataset=examples,
                              eval_dataset=held_out, processing_class=code_tokenizer(),
                              loss_weights=LossWeights(1, 1))
    metrics = trainer.evaluate()
    model.eval()
    with torch.no_grad():
        expected = multitask_loss(model, batch_of(held_out, range(8)), LossWeights(1, 1))
    assert metrics["eval_loss"] == pytest.approx(float(expected.loss), rel=1e-5)
    assert trainer.loss_records == []  # evaluation batches are not training records


def test_wrong_usage_is_refused_with_clear_errors(examples, tmp_path):
    with pytest.raises(ValueError, match="non-negative"):
        LossWeights(skeleton=-1)
    with pytest.raises(ValueError, match="non-negative"):
        LossWeights(mask=float("nan"))
    with pytest.raises(ValueError, match="unknown skeleton head mode"):
        attach_skeleton_head(fresh_model(None), "twin")
    with pytest.raises(ValueError, match="unknown task_mixing"):
        SkeletonTrainer(model=fresh_model(), args=args(tmp_path), train_dataset=examples,
                        processing_class=code_tokenizer(), task_mixing="shuffle")
    with pytest.raises(ValueError, match="pad token"):
        SkeletonTrainer(model=fresh_model(), args=args(tmp_path), train_dataset=examples)
    with pytest.raises(ValueError, match="no skeleton head"):
        multitask_loss(fresh_model(None), batch_of(examples, [i for i, t in enumerate(examples["task_id"])
                                                               if t == SKELETON][:2]))
    bad = batch_of(examples, range(2))
    bad["task_id"][0] = 5
    with pytest.raises(ValueError, match="task_id must be"):
        multitask_loss(fresh_model(), bad)
    no_tasks = examples.remove_columns("task_id")
    trainer = SkeletonTrainer(model=fresh_model(), args=args(tmp_path), train_dataset=no_tasks,
                              processing_class=code_tokenizer(), task_mixing="alternate")
    with pytest.raises(ValueError, match="needs a training dataset with a task_id column"):
        trainer.train()
