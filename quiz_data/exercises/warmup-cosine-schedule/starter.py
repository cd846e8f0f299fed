import math


def lr_at(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    """Learning rate at `step` (from 0): a linear warmup to base_lr over warmup_steps,
    then a half cosine from base_lr down to min_lr at total_steps, and min_lr after.

    This version decays over the wrong range and never stops: fix it.
    """
    if step < warmup_steps:
        return base_lr * step / warmup_steps
    return min_lr + 0.5 * (base_lr - min_lr) * (1 + math.cos(math.pi * step / total_steps))
