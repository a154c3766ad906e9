#!/usr/bin/env python3
"""Multi-task fine-tuning with skeletons as auxiliary targets, end to end, on corpus code.

    python examples/train_multitask.py                      # tiny Llama + local BPE, a few CPU steps
    python examples/train_multitask.py --trainer hf --mixing alternate --lora
    python examples/train_multitask.py --model /path/to/checkpoint --steps 100 --max-length 1024

Steps: read Python solutions from the NeetCode corpus; add canonical skeletons (``skel extract``'s
language) and masked-code skeletons mined per problem (lexical strategy, for the token masks of the mask
loss); build code-generation and skeleton-prediction examples; attach the skeleton head; train with the
loss ``L_code + λ·L_skel + μ·L_mask`` through the chosen trainer; print a JSON summary of the losses per
task.  ``--model`` loads a local checkpoint (tokenizer and causal LM) instead of the tiny model; nothing is
downloaded.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import math
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "multilang" / \
    "neetcode_approaches.jsonl.gz"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="local checkpoint folder (default: a tiny model built here)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="NeetCode-style JSONL(.gz)")
    parser.add_argument("--records", type=int, default=48, help="Python solutions to use")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--lambda", dest="lam", type=float, default=1.0, help="skeleton loss weight λ")
    parser.add_argument("--mu", type=float, default=0.5, help="mask-weighted code loss weight μ")
    parser.add_argument("--head", choices=("copy", "shared"), default="copy")
    parser.add_argument("--mixing", choices=("mixed", "alternate"), default="mixed")
    parser.add_argument("--trainer", choices=("loop", "hf", "sft"), default="loop",
                        help="plain PyTorch loop, transformers Trainer, or TRL SFTTrainer")
    parser.add_argument("--lora", action="store_true", help="train LoRA adapters (r=8, alpha=32) via PEFT")
    parser.add_argument("--max-length", type=int, default=160)
    parser.add_argument("--num-proc", type=int, default=None, help="worker processes for dataset maps")
    parser.add_argument("--output", help="save the trained model (with its skeleton head) here")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=None,
                        help="torch CPU threads (default: 1 for the tiny model, whose matmuls are too small to "
                             "share; torch's default with --model)")
    return parser.parse_args(argv)


def read_rows(path: Path, n: int) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    rows = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("lang") == "python":
                rows.append({"code": record["code"], "lang": "python", "slug": record["slug"],
                             "prompt": f"{record['slug'].replace('-', ' ')} ({record.get('approach', '')})"})
            if len(rows) == n:
                break
    return rows


def load_model(args: argparse.Namespace, rows: list[dict]):
    from skeldsl.adapters import attach_skeleton_head, tiny_causal_lm, train_code_tokenizer

    if args.model:
        from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer

        from skeldsl.adapters import load_multitask
        from skeldsl.adapters.head import CONFIG_KEY

        tokenizer = AutoTokenizer.from_pretrained(args.model)
        if tokenizer.pad_token is None:
            tokenizer.pad_token = tokenizer.eos_token
        if getattr(AutoConfig.from_pretrained(args.model), CONFIG_KEY, None) == args.head:
            return tokenizer, load_multitask(args.model)  # continue with the trained skeleton head
        model = AutoModelForCausalLM.from_pretrained(args.model)
    else:
        with gzip.open(args.corpus, "rt", encoding="utf-8") as handle:  # every language, like real BPE data
            texts = [json.loads(line)["code"] for line in itertools.islice(handle, 400)]
        tokenizer = train_code_tokenizer(texts + [r["code"] for r in rows], vocab_size=512)
        model = tiny_causal_lm(tokenizer, seed=args.seed)
    return tokenizer, attach_skeleton_head(model, args.head)


def summarise(records: list[dict]) -> dict:
    """Per term: first and last value, and means over the first and last quarter of the steps it occurs in."""
    out = {}
    for term, count in (("total", None), ("code", "code_tokens"), ("skeleton", "skeleton_tokens"),
                        ("mask", "mask_tokens")):
        key = "loss" if term == "total" else term
        values = [r[key] for r in records if count is None or r[count]]
        if not values:
            continue
        k = max(1, len(values) // 4)
        out[term] = {"steps": len(values), "first": round(values[0], 4), "last": round(values[-1], 4),
                     "mean_first_quarter": round(sum(values[:k]) / k, 4),
                     "mean_last_quarter": round(sum(values[-k:]) / k, 4),
                     "finite": all(math.isfinite(v) for v in values)}
    return out


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (pass --corpus)", file=sys.stderr)
        return 2
    started = time.time()
    import torch
    from datasets import Dataset

    from skeldsl.adapters import (
        LossWeights,
        MultitaskCollator,
        SkeletonTrainer,
        add_masked_skeletons,
        add_skeletons,
        apply_lora,
        build_multitask_examples,
        multitask_dataloader,
        train_loop,
    )

    torch.manual_seed(args.seed)
    threads = args.threads or (None if args.model else 1)
    if threads:
        torch.set_num_threads(threads)
    rows = read_rows(args.corpus, args.records)
    data = add_skeletons(Dataset.from_list(rows), num_proc=args.num_proc)
    data = add_masked_skeletons(data, "slug", "lexical", num_proc=args.num_proc)
    tokenizer, model = load_model(args, rows)
    examples = build_multitask_examples(data, tokenizer, spans_column="skeleton_spans",
                                        max_length=args.max_length, num_proc=args.num_proc)
    if args.lora:
        model = apply_lora(model)
    weights = LossWeights(skeleton=args.lam, mask=args.mu)
    collator = MultitaskCollator(tokenizer.pad_token_id)

    if args.trainer == "loop":
        loader = multitask_dataloader(examples, collator, args.batch_size, args.mixing, seed=args.seed)
        optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr)
        records = train_loop(model, loader, optimizer, weights, steps=args.steps)
        if args.output:
            model.save_pretrained(args.output)
    else:
        scratch = tempfile.mkdtemp(prefix="skeldsl-train-")
        common = dict(per_device_train_batch_size=args.batch_size, learning_rate=args.lr, max_steps=args.steps,
                      logging_steps=max(1, args.steps // 10), report_to=[], save_strategy="no",
                      seed=args.seed, disable_tqdm=True, use_cpu=not torch.cuda.is_available(),
                      dataloader_pin_memory=torch.cuda.is_available())
        if args.trainer == "hf":
            from transformers import TrainingArguments

            trainer = SkeletonTrainer(model=model, args=TrainingArguments(scratch, **common),
                                      train_dataset=examples, data_collator=collator, loss_weights=weights,
                                      task_mixing=args.mixing)
        else:
            from skeldsl.adapters import SkeletonSFTTrainer, sft_config

            trainer = SkeletonSFTTrainer(model=model, args=sft_config(scratch, **common), train_dataset=examples,
                                         processing_class=tokenizer, data_collator=collator,
                                         loss_weights=weights, task_mixing=args.mixing)
        from transformers import PrinterCallback

        trainer.remove_callback(PrinterCallback)  # stdout carries only the JSON summary
        trainer.train()
        records = trainer.loss_records
        if args.output:
            trainer.save_model(args.output)
    if args.output:
        tokenizer.save_pretrained(args.output)

    skeleton_errors = sum(e is not None for e in data["error"])
    summary = {
        "model": args.model or "tiny-llama (2 layers, hidden 64, local BPE)",
        "trainer": args.trainer, "lora": args.lora, "head": args.head, "mixing": args.mixing,
        "weights": {"lambda": args.lam, "mu": args.mu},
        "rows": len(rows), "skeleton_errors": skeleton_errors,
        "examples": {"code": examples["task_id"].count(0), "skeleton": examples["task_id"].count(1)},
        "micro_batches": len(records), "losses": summarise(records),
        "saved": args.output, "seconds": round(time.time() - started, 1),
    }
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
