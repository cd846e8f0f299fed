"""Every worked number in the deep-learning questions, recomputed from the assumptions the
text states. Each test fails if the text and the function disagree at the precision the
text writes, or if the sentence carrying the number is no longer there."""

from __future__ import annotations

import math

import numpy as np
import pytest

from .written import check


def sigmoid_chain(slope: float, layers: int) -> float:
    """Largest factor the activation slopes alone apply to a gradient through `layers`."""
    return slope**layers


def max_sigmoid_slope() -> float:
    xs = np.linspace(-10, 10, 200_001)
    s = 1 / (1 + np.exp(-xs))
    return float(np.max(s * (1 - s)))


def gelu_minimum() -> tuple[float, float]:
    """Where GELU, x times the standard normal CDF, is lowest, and its value there."""
    xs = np.linspace(-3, 0, 30_001)
    phi = 0.5 * (1 + np.vectorize(math.erf)(xs / math.sqrt(2)))
    y = xs * phi
    i = int(np.argmin(y))
    return float(xs[i]), float(y[i])


def swiglu_hidden(d: int, plain_ratio: int = 4, multiple_of: int = 256) -> tuple[float, int]:
    """Hidden width that gives three matrices the weights of a plain two-matrix MLP, and
    that width rounded up to a hardware-friendly multiple."""
    exact = 2 * d * plain_ratio * d / (3 * d)
    return exact, multiple_of * math.ceil(exact / multiple_of)


def test_activation_functions(real_bank) -> None:
    q = "activation-functions"
    assert max_sigmoid_slope() == pytest.approx(0.25, abs=1e-9)
    check(real_bank, q, "answer.why", r"\approx {n} \times 10^{-7}", sigmoid_chain(0.25, 10) / 1e-7)
    x_min, y_min = gelu_minimum()
    check(real_bank, q, "answer.why", "its minimum is about {n} near", y_min)
    check(real_bank, q, "answer.why", "near $x = {n}$)", x_min)
    exact, rounded = swiglu_hidden(4096)
    assert 3 * 4096 * exact == pytest.approx(8 * 4096**2)
    check(real_bank, q, "answer.tradeoffs", "that is {n}, which", exact)
    check(real_bank, q, "answer.tradeoffs", "round up to {n}, a multiple of 256", rounded)
    check(real_bank, q, "quiz[1]", "tenth power is {n}e-7", sigmoid_chain(0.25, 10) / 1e-7)
    check(real_bank, q, "quiz[1]", "About {n}, since each layer", sigmoid_chain(0.55, 10))
    check(real_bank, q, "quiz[1]", "About {n}, since ten layers", 10 * 0.25)  # adding, wrongly
    check(real_bank, q, "quiz[4]", "minimum is about {n} near", y_min)
    for hidden, written in ((2, "With 2d, three matrices hold {n}d²"), (6, "That gives {n}d²")):
        check(real_bank, q, "quiz[3]", written, 3 * hidden)
    check(real_bank, q, "quiz[3]", "so equal width means {n}d²", 3 * 4)


def relu_variance_factor(weight_var_times_fan_in: float) -> float:
    """Per-layer factor on the signal's second moment in a plain ReLU network: fan-in times
    weight variance, halved because ReLU zeroes half of a symmetric input."""
    return weight_var_times_fan_in / 2


def simulated_relu_factor(fan: int, weight_var: float, layers: int = 10, seed: int = 0) -> float:
    """The same factor measured on random layers, as a check on the formula: the mean ratio
    of second moments of successive pre-activations."""
    rng = np.random.default_rng(seed)
    z = rng.standard_normal((2_000, fan))
    ratios = []
    for _ in range(layers):
        w = rng.normal(0.0, math.sqrt(weight_var), (fan, fan))
        nxt = np.maximum(z, 0.0) @ w
        ratios.append(float(np.mean(nxt**2) / np.mean(z**2)))
        z = nxt
    return float(np.mean(ratios))


def test_weight_initialisation(real_bank) -> None:
    q = "weight-initialisation"
    n = 512
    check(real_bank, q, "answer.why", "a standard deviation of {n}.", math.sqrt(2 / n))
    xavier_factor = relu_variance_factor(n * 2 / (n + n))
    assert simulated_relu_factor(n, 2 / (n + n)) == pytest.approx(xavier_factor, rel=0.05)
    check(real_bank, q, "answer.when", r"\approx {n} \times 10^{-7}$", xavier_factor**20 / 1e-7)
    check(
        real_bank, q, "answer.when", "standard deviation about {n}.", math.sqrt(xavier_factor**20)
    )
    check(real_bank, q, "answer.when", r"\ln(0.01/0.99) \approx {n}$", math.log(0.01 / 0.99))
    # PyTorch's default linear init: uniform on ±1/sqrt(fan_in), variance bound²/3.
    default_var_times_n = (1 / math.sqrt(n)) ** 2 / 3 * n
    assert relu_variance_factor(default_var_times_n) == pytest.approx(1 / 6)
    default_factor = relu_variance_factor(default_var_times_n)
    check(real_bank, q, "followups[2].a", "variance by about 1/{n},", 1 / default_factor)
    check(real_bank, q, "quiz[1]", "{n}, the square root of two over 512", math.sqrt(2 / n))
    check(real_bank, q, "quiz[1]", "About {n}, the square root of one over 512", math.sqrt(1 / n))
    check(real_bank, q, "quiz[1]", "About {n}, which is two divided by 512", 2 / n)
    check(real_bank, q, "quiz[1]", "About {n}, twice the standard", 2 * math.sqrt(1 / n))
    check(real_bank, q, "quiz[1]", "twice the standard deviation of {n}.", math.sqrt(1 / n))
    check(real_bank, q, "quiz[2]", "power is about {n}e-7", xavier_factor**20 / 1e-7)
    check(real_bank, q, "quiz[3]", "ln(0.01/0.99) is {n},", math.log(0.01 / 0.99))


def resnet_paths(depth: int, stages: int = 3, layers_per_block: int = 2) -> tuple[int, int]:
    """Residual blocks of a CIFAR ResNet of `depth` layers (6n + 2), and the number of
    paths through them when each block can be taken or skipped."""
    blocks = (depth - 2) // layers_per_block
    assert blocks % stages == 0
    return blocks, 2**blocks


def test_residual_connections(real_bank) -> None:
    q = "residual-connections"
    blocks, paths = resnet_paths(110)
    check(real_bank, q, "answer.why", "a {n}-block ResNet-110", blocks)
    check(real_bank, q, "answer.why", r"has about ${n} \times 10^{16}$", paths / 1e16)


def dropout_scale(p: float) -> float:
    """Inverted dropout: kept units are divided by the keep probability."""
    return 1 / (1 - p)


def test_dropout(real_bank) -> None:
    q = "dropout"
    check(real_bank, q, "answer.what", "scaled by about {n}, with", dropout_scale(0.1))
    check(real_bank, q, "answer.what", "with $p = 0.5$ by {n}.", dropout_scale(0.5))
    check(real_bank, q, "quiz[0]", "1/0.8 = {n},", dropout_scale(0.2))
    rng = np.random.default_rng(0)
    kept = rng.random(1_000_000) >= 0.1
    assert float(np.mean(kept * dropout_scale(0.1))) == pytest.approx(1.0, abs=0.005)


def conv_weights(k: int, c_in: int, c_out: int) -> int:
    return k * k * c_in * c_out


def depthwise_separable_weights(k: int, c_in: int, c_out: int) -> int:
    return k * k * c_in + c_in * c_out


def conv_output(width: int, kernel: int, padding: int, stride: int) -> tuple[float, int]:
    raw = (width - kernel + 2 * padding) / stride + 1
    return raw, (width - kernel + 2 * padding) // stride + 1


def receptive_field(layers: int, kernel: int = 3) -> int:
    """Stride-1 stack: each layer adds kernel − 1 pixels."""
    return 1 + layers * (kernel - 1)


def test_cnn_fundamentals(real_bank) -> None:
    q = "cnn-fundamentals"
    fc = 224 * 224 * 3 * 1000
    check(real_bank, q, "answer.what", "units needs {n} weights", fc)
    check(real_bank, q, "answer.what", "64 channels needs {n}, whatever", conv_weights(3, 3, 64))
    check(real_bank, q, "answer.why", "cover 5×5 with {n} weights", 2 * conv_weights(3, 1, 1))
    assert receptive_field(2) == 5
    full, separable = conv_weights(3, 256, 256), depthwise_separable_weights(3, 256, 256)
    check(real_bank, q, "answer.tradeoffs", "from {n} weights to", full)
    check(real_bank, q, "answer.tradeoffs", "weights to {n}, about", separable)
    check(real_bank, q, "answer.tradeoffs", "about {n} times fewer", full / separable)
    raw, floored = conv_output(224, 7, 3, 2)
    check(real_bank, q, "followups[2].a", "/ 2 = {n}, floored", raw - 1)
    check(real_bank, q, "followups[2].a", "floored to {n}, plus", math.floor(raw - 1))
    check(real_bank, q, "followups[2].a", "plus 1 gives {n},", floored)
    check(real_bank, q, "quiz[0]", "{n}, and the count", conv_weights(3, 3, 64))
    check(real_bank, q, "quiz[0]", "{n}, since the kernel", conv_weights(3, 3, 64) * 224 * 224)
    check(real_bank, q, "quiz[1]", "{n}×9, since each layer", receptive_field(4))
    check(real_bank, q, "quiz[4]", "About {n} times, since", full / separable)
    check(real_bank, q, "quiz[0]", "{n}, one 3×3 kernel", 3 * 3 * 64)
    check(real_bank, q, "quiz[0]", "{n} per output channel", 224 * 224 * 3)


def lstm_parameters(n_in: int, hidden: int, gates: int = 4, biases: int = 1) -> int:
    return gates * (hidden * (n_in + hidden) + biases * hidden)


def test_rnn_lstm(real_bank) -> None:
    q = "rnn-lstm"
    check(real_bank, q, "answer.what", "leaves {n} of the signal", 0.9**50)
    check(real_bank, q, "answer.what", "multiplies it by {n}.", 1.1**50)
    check(real_bank, q, "answer.when", "keeps only {n} after 500 steps", 0.99**500)
    lstm = lstm_parameters(512, 512)
    check(real_bank, q, "answer.tradeoffs", "= {n}$ parameters", lstm)
    assert lstm_parameters(512, 512, biases=2) > lstm  # PyTorch keeps two bias vectors
    check(real_bank, q, "quiz[0]", "0.5%, because 0.9 to the 50th power is {n}.", 0.9**50)
    # the distractor that counts 60 steps instead of the 50 between step 60 and step 10
    check(real_bank, q, "quiz[0]", "60th power is {n}.", 0.9**60)
    check(real_bank, q, "quiz[0]", "About {n}%, because 0.9 to the 60th", 100 * 0.9**60)
    check(
        real_bank,
        q,
        "quiz[0]",
        "About {n}%, because 0.9 to the 50th power is 0.0052",
        100 * 0.9**50,
    )
    check(real_bank, q, "quiz[3]", "About {n} million, four blocks", lstm / 1e6)
    check(real_bank, q, "quiz[3]", "is {n}.", lstm)
    check(real_bank, q, "quiz[3]", "About {n} million, one weight matrix", 512 * 1024 / 1e6)
    check(real_bank, q, "quiz[3]", "About {n} million, eight blocks", 8 * 512 * 1024 / 1e6)
    check(
        real_bank,
        q,
        "quiz[3]",
        "About {n} million, three blocks",
        lstm_parameters(512, 512, 3) / 1e6,
    )


def linear_scaled_lr(base_lr: float, base_batch: int, batch: int) -> float:
    return base_lr * batch / base_batch


def sqrt_scaled_lr(base_lr: float, base_batch: int, batch: int) -> float:
    return base_lr * math.sqrt(batch / base_batch)


def test_lr_schedules_warmup(real_bank) -> None:
    q = "lr-schedules-warmup"
    check(real_bank, q, "answer.when", "8192/256 = {n}$", linear_scaled_lr(0.1, 256, 8192))
    check(
        real_bank, q, "answer.when", "becomes about {n} at 8,192", sqrt_scaled_lr(3e-4, 256, 8192)
    )
    sqrt_sgd = sqrt_scaled_lr(0.1, 256, 8192)
    check(real_bank, q, "quiz[0]", "About {n}, scaling by the square root", sqrt_sgd)
    check(real_bank, q, "quiz[0]", "{n} with a gradual warm-up", linear_scaled_lr(0.1, 256, 8192))
    check(real_bank, q, "quiz[0]", "{n}, dividing by 32", 0.1 / 32)
    check(real_bank, q, "quiz[1]", "steps, which is {n} for the usual 0.9", 1 / (1 - 0.9))


def test_word_embeddings(real_bank) -> None:
    q = "word-embeddings"
    check(real_bank, q, "answer.what", "each table holds {n} million numbers", 100_000 * 300 / 1e6)
    check(real_bank, q, "answer.why", "drawn only about {n} times less often", 100**0.75)


def gaussian_kl(mu: float, sigma: float) -> float:
    """KL(N(mu, sigma²) ‖ N(0, 1)) in nats, closed form."""
    return 0.5 * (mu**2 + sigma**2 - 1 - math.log(sigma**2))


def gaussian_kl_numeric(mu: float, sigma: float) -> float:
    """The same divergence by numerical integration, as a check on the closed form."""
    z = np.linspace(mu - 12 * sigma, mu + 12 * sigma, 400_001)
    log_q = -0.5 * ((z - mu) / sigma) ** 2 - math.log(sigma * math.sqrt(2 * math.pi))
    log_p = -0.5 * z**2 - math.log(math.sqrt(2 * math.pi))
    return float(np.trapezoid(np.exp(log_q) * (log_q - log_p), z))


def test_autoencoders_vae(real_bank) -> None:
    q = "autoencoders-vae"
    kl = gaussian_kl(0.5, 0.5)
    assert gaussian_kl_numeric(0.5, 0.5) == pytest.approx(kl, abs=1e-6)
    check(real_bank, q, "answer.why", "costs about {n} nats", kl)
    check(
        real_bank,
        q,
        "answer.when",
        "latent, {n} times fewer numbers",
        512 * 512 * 3 / (64 * 64 * 4),
    )
    check(real_bank, q, "quiz[3]", "About {n} nats.", kl)
    check(real_bank, q, "quiz[3]", "About {n} nats, minus the log", -math.log(0.25))
    check(real_bank, q, "quiz[4]", "{n}, from 786,432", 512 * 512 * 3 / (64 * 64 * 4))
    check(real_bank, q, "quiz[4]", "from {n} numbers to", 512 * 512 * 3)
    check(real_bank, q, "quiz[4]", "numbers to {n}.", 64 * 64 * 4)
    check(real_bank, q, "quiz[3]", "About {n} nats, the squared mean", 0.5**2)
    check(real_bank, q, "quiz[4]", "{n}, the 64-fold spatial reduction", (512 // 64) ** 2 * 3)
    check(real_bank, q, "quiz[4]", "{n}-fold spatial reduction times", (512 // 64) ** 2)


def ddpm_alpha_bar(steps: int = 1000, beta_1: float = 1e-4, beta_t: float = 0.02) -> float:
    """Cumulative signal fraction after the last step of DDPM's linear beta schedule."""
    betas = np.linspace(beta_1, beta_t, steps)
    return float(np.prod(1 - betas))


def test_diffusion_models(real_bank) -> None:
    q = "diffusion-models"
    ab = ddpm_alpha_bar()
    check(real_bank, q, "answer.what", r"\approx {n} \times 10^{-5}$", ab / 1e-5)
    check(real_bank, q, "answer.what", "keeps a weight of about {n} against", math.sqrt(ab))
    assert math.sqrt(1 - ab) > 0.9999  # the noise weight is "nearly 1"
    guided_passes = 2
    check(real_bank, q, "answer.why", "so 50 steps cost {n} evaluations", 50 * guided_passes)
    check(real_bank, q, "answer.when", "grid needs {n} sequential steps", 32 * 32)
    check(
        real_bank,
        q,
        "followups[3].a",
        "about {n}-fold in the original",
        512 * 512 * 3 / (64 * 64 * 4),
    )
    check(real_bank, q, "quiz[1]", "About {n}, essentially pure noise", math.sqrt(ab))
    check(real_bank, q, "quiz[1]", "about {n}e-5,", ab / 1e-5)
    check(real_bank, q, "quiz[2]", "{n}, two per step", 30 * guided_passes)


def test_contrastive_learning(real_bank) -> None:
    q = "contrastive-learning"
    batch = 4096
    views = 2 * batch
    negatives = views - 2  # every view but itself and its positive
    check(real_bank, q, "answer.what", "one positive and {n} negatives", negatives)
    check(real_bank, q, "answer.why", "about {n} nats at CLIP's", math.log(32_768))
    check(real_bank, q, "answer.why", "they span about ±{n}.", 1 / 0.07)
    check(real_bank, q, "followups[0].a", "ln 8,191 ≈ {n} for SimCLR", math.log(views - 1))
    check(real_bank, q, "quiz[0]", "{n}, all views but itself", negatives)
    check(real_bank, q, "quiz[0]", "{n}, every ordered pair", views**2)
    check(real_bank, q, "quiz[0]", "There are 2 × 4,096 = {n} views", views)
    check(real_bank, q, "quiz[0]", "{n}, the other images", batch - 1)
    check(real_bank, q, "quiz[0]", "{n}, every view in the batch", views)


def test_multi_task_learning(real_bank) -> None:
    q = "multi-task-learning"
    mse_at_mean = 3.0**2  # squared error of a head predicting the mean: the variance
    bce_at_half = math.log(2)
    check(real_bank, q, "answer.when", "sits near {n} even when", mse_at_mean)
    check(real_bank, q, "answer.when", "starts at ln 2 ≈ {n}, about", bce_at_half)
    check(real_bank, q, "answer.when", "about {n} times smaller", mse_at_mean / bce_at_half)
    check(real_bank, q, "quiz[0]", "starts about {n} times larger", mse_at_mean / bce_at_half)


def iou(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """Boxes as (x0, y0, x1, y1)."""
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union


def average_precision(hits: list[bool], n_objects: int, points: int | None = None) -> float:
    """AP of a ranked list: area under the interpolated precision-recall curve, over all
    recall steps or, with `points`, averaged at evenly spaced recall levels (COCO uses 101)."""
    tp = np.cumsum(hits)
    precision = tp / np.arange(1, len(hits) + 1)
    recall = tp / n_objects
    interp = [float(np.max(precision[recall >= r], initial=0.0)) for r in recall]
    if points is None:
        steps = np.diff(np.concatenate([[0.0], recall]))
        return float(np.sum(steps * np.array(interp)))
    levels = np.linspace(0, 1, points)
    return float(np.mean([np.max(precision[recall >= r], initial=0.0) for r in levels]))


def test_object_detection(real_bank) -> None:
    q = "object-detection"
    box = (0, 0, 10, 10)
    half_across = iou(box, (5, 0, 15, 10))
    half_diagonal = iou(box, (5, 5, 15, 15))
    check(real_bank, q, "answer.when", "IoU 50/150 ≈ {n},", half_across)
    check(real_bank, q, "answer.when", "only 25/175 ≈ {n}.", half_diagonal)
    ranked = [True, True, False, True, False]
    ap = average_precision(ranked, 4)
    check(real_bank, q, "answer.when", "so AP is about {n}.", ap)
    check(real_bank, q, "answer.when", "so AP is about {n}.", average_precision(ranked, 4, 101))
    check(real_bank, q, "answer.when", "(under 32×32 = {n} pixels)", 32 * 32)
    assert (1280 / 640) ** 2 == 4  # "roughly quadruples compute": cost grows with pixels
    check(real_bank, q, "quiz[0]", "About {n}, an overlap of 50", half_across)
    check(real_bank, q, "quiz[0]", "{n}, the overlap divided by one box", 50 / 100)
    check(real_bank, q, "quiz[0]", "{n}, the overlap divided by the two areas", 50 / 200)
    check(real_bank, q, "quiz[0]", "About {n}, the same as for a diagonal", half_diagonal)
    check(real_bank, q, "quiz[2]", "About {n}, the area under", ap)
    check(real_bank, q, "quiz[2]", "About {n}, three hits", sum(ranked) / len(ranked))
    check(real_bank, q, "quiz[2]", "0.25 + 0.1875 = {n}.", ap)


def test_data_augmentation(real_bank) -> None:
    q = "data-augmentation"
    positions = (256 - 224 + 1) ** 2
    check(real_bank, q, "answer.what", "image give {n} positions", positions)
    check(real_bank, q, "answer.what", "positions, {n} with horizontal flips", 2 * positions)


def float16_max() -> float:
    """Largest finite IEEE half-precision value: full mantissa times the top exponent."""
    return float(np.finfo(np.float16).max)


def test_debugging_nn_training(real_bank) -> None:
    q = "debugging-nn-training"
    check(real_bank, q, "answer.what", "about {n} for 10 classes", math.log(10))
    check(real_bank, q, "answer.what", "{n} for 1,000, and", math.log(1000))
    check(real_bank, q, "answer.what", "and {n} for a language model", math.log(50_257))
    assert float16_max() == (2 - 2**-10) * 2**15
    check(real_bank, q, "answer.when", "float16 overflow above {n} without", float16_max())
    check(real_bank, q, "quiz[0]", "ln 10 ≈ {n}.", math.log(10))
    check(real_bank, q, "quiz[3]", "overflows above {n} and", float16_max())
