import math


def lr_at(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    """Learning rate at `step` (from 0): a linear warmup to base_lr over warmup_steps,
    then a half cosine from base_lr down to min_lr at total_steps, and min_lr after."""
    if step < 0 or warmup_steps < 0 or total_steps < 1:
        raise ValueError("step and warmup_steps must be 0 or more, total_steps 1 or more")
    if warmup_steps > total_steps:
        raise ValueError(f"warmup_steps ({warmup_steps}) exceeds total_steps ({total_steps})")
    if not 0 <= min_lr <= base_lr:
        raise ValueError(f"need 0 <= min_lr <= base_lr, got {min_lr!r} and {base_lr!r}")
    if step >= total_steps:  # past the end: hold the floor (a cosine would rise again)
        return min_lr
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    # here warmup_steps <= step < total_steps, so the denominator is at least 1
    t = (step - warmup_steps) / (total_steps - warmup_steps)
    return min_lr + 0.5 * (base_lr - min_lr) * (1 + math.cos(math.pi * t))
