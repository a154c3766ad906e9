"""Task mixing: ``mixed`` batches (any rows together) or ``alternate`` (one task per batch, in turn).

The release alternates micro-batches between code generation and skeleton prediction; mixing per batch
lets one optimiser step see both tasks.  :class:`AlternatingTaskSampler` orders row indices so that every
consecutive run of ``batch_size`` rows holds one task, the tasks taking turns; shuffled within each task
per epoch (seeded), and once one task is used up the other's remaining batches follow.  A task's last,
short batch is topped up with rows of the same task from the start of its shuffled order, so batch
boundaries never straddle two tasks (a few rows appear twice per epoch).
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence

__all__ = ["MIXING_MODES", "AlternatingTaskSampler", "alternating_order"]

MIXING_MODES = ("mixed", "alternate")


def alternating_order(task_ids: Sequence[int], batch_size: int, seed: int = 0) -> list[int]:
    """Row indices in alternating single-task batches (tasks in ascending id order, code first)."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    rng = random.Random(seed)
    by_task: dict[int, list[int]] = {}
    for index, task in enumerate(task_ids):
        by_task.setdefault(int(task), []).append(index)
    queues = []
    for task in sorted(by_task):
        rows = by_task[task]
        rng.shuffle(rows)
        chunks = [rows[i:i + batch_size] for i in range(0, len(rows), batch_size)]
        short = batch_size - len(chunks[-1])
        chunks[-1] = chunks[-1] + [rows[i % len(rows)] for i in range(short)]
        queues.append(chunks)
    order: list[int] = []
    turn = 0
    while any(queues):
        queue = queues[turn % len(queues)]
        if queue:
            order.extend(queue.pop(0))
        turn += 1
    return order


class AlternatingTaskSampler:
    """A ``torch`` sampler (plain iterable of indices with ``len``) giving :func:`alternating_order`.

    Each row index appears at least once per epoch; call ``set_epoch`` (the ``Trainer`` does) to reshuffle.
    Use it with the same ``batch_size`` as the data loader, and ``drop_last`` off.
    """

    def __init__(self, task_ids: Sequence[int], batch_size: int, seed: int = 0) -> None:
        self.task_ids = [int(t) for t in task_ids]
        self.batch_size = batch_size
        self.seed = seed
        self.epoch = 0

    def set_epoch(self, epoch: int) -> None:
        self.epoch = epoch

    def __iter__(self) -> Iterator[int]:
        return iter(alternating_order(self.task_ids, self.batch_size, self.seed + self.epoch))

    def __len__(self) -> int:
        return len(alternating_order(self.task_ids, self.batch_size, self.seed))
