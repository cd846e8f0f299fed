"""Worked numbers of the recommendation, ranking and search track, recomputed from the
assumptions each question states. Every test fails if the text writes a number that the
function, rounded as the text rounds it, does not give."""

from __future__ import annotations

import math

from macros.bank import Bank

from . import assert_shows, text_of


def quiz_text(bank: Bank, qid: str, n: int) -> str:
    """Stem, options and reasons of quiz item n, joined: option order may change freely."""
    item = bank.get(qid).quiz[n]
    parts = [item.stem] + [f"{o.text} {o.why}" for o in item.options]
    return "\n".join(parts)


def key_text(bank: Bank, qid: str, n: int) -> str:
    """The text of the correct option of single-answer quiz item n."""
    item = bank.get(qid).quiz[n]
    (key,) = [o.text for o in item.options if o.correct]
    return key


# --- collaborative-filtering -------------------------------------------------------------


def factor_bytes(users: float, items: float, k: int, bytes_per_value: int) -> float:
    """Memory of one k-dimensional vector per user and per item (biases ignored)."""
    return (users + items) * k * bytes_per_value


def test_collaborative_filtering_sizes(real_bank: Bank) -> None:
    why = text_of(real_bank, "collaborative-filtering", "answer.why")
    density = 1e9 / (10e6 * 1e6)  # a billion interactions, 10M users, 1M items
    assert_shows(why, f"{density * 100:.2f}% of the cells")
    trade = text_of(real_bank, "collaborative-filtering", "answer.tradeoffs")
    params = (10e6 + 1e6) * 64
    assert_shows(trade, f"{params / 1e6:.0f} million parameters")
    assert_shows(trade, f"{factor_bytes(10e6, 1e6, 64, 4) / 1e9:.1f} GB in float32")
    quiz = quiz_text(real_bank, "collaborative-filtering", 1)
    assert key_text(real_bank, "collaborative-filtering", 1) == (
        f"About {factor_bytes(10e6, 1e6, 64, 4) / 1e9:.1f} GB."
    )
    assert_shows(quiz, f"{factor_bytes(10e6, 1e6, 64, 4) / 1e9:.3f} billion bytes")
    assert_shows(quiz, f"About {factor_bytes(0, 1e6, 64, 4) / 1e6:.0f} MB")  # items only
    assert_shows(quiz, f"About {factor_bytes(10e6, 1e6, 64, 8) / 1e9:.1f} GB")  # float64
    assert_shows(quiz, f"About {10e6 * 1e6 * 4 / 1e12:.0f} TB")  # the dense matrix


# --- two-tower-retrieval -----------------------------------------------------------------


def copies_in_batch(batch: int, share: float) -> float:
    """Expected appearances in a batch of an item with this share of all positives."""
    return batch * share


def batch_hit_probability(batch: int, share: float) -> float:
    """Chance that an item appears at least once in a batch."""
    return 1 - (1 - share) ** batch


def test_two_tower_in_batch_numbers(real_bank: Bank) -> None:
    why = text_of(real_bank, "two-tower-retrieval", "answer.why")
    assert_shows(why, f"{4096 - 1:,} negatives per example")
    when = text_of(real_bank, "two-tower-retrieval", "answer.when")
    assert_shows(when, f"about {copies_in_batch(4096, 0.01):.0f} times in every batch of 4,096")
    assert_shows(when, f"about {batch_hit_probability(4096, 1e-6) * 100:.1f}% of batches")
    quiz = quiz_text(real_bank, "two-tower-retrieval", 0)
    assert key_text(real_bank, "two-tower-retrieval", 0).startswith(
        f"About {copies_in_batch(4096, 0.01):.0f} times"
    )
    assert_shows(quiz, f"{copies_in_batch(4096, 0.01):.2f}")
    assert_shows(quiz, f"About {copies_in_batch(4096, 0.001):.0f} times")
    assert_shows(quiz, f"About {copies_in_batch(4096, 0.1):.0f} times")


# --- recsys-funnel -----------------------------------------------------------------------


def scoring_seconds(items: float, seconds_per_item: float) -> float:
    return items * seconds_per_item


def test_funnel_scoring_cost(real_bank: Bank) -> None:
    why = text_of(real_bank, "recsys-funnel", "answer.why")
    full = scoring_seconds(100e6, 5e-6)
    short = scoring_seconds(2000, 5e-6)
    assert_shows(why, f"take {full:.0f} s to score 100 million items but {short * 1e3:.0f} ms")
    assert key_text(real_bank, "recsys-funnel", 0) == (
        f"About {full:.0f} s against {short * 1e3:.0f} ms."
    )
    quiz = quiz_text(real_bank, "recsys-funnel", 0)
    assert_shows(quiz, f"About {full / 10:.0f} s against {short * 1e3 / 10:.0f} ms")
    assert_shows(quiz, f"About {full * 10:,.0f} s against {short * 1e3 * 10:.0f} ms")
    assert_shows(quiz, f"About {full:.0f} ms against {short * 1e3:.0f} μs")  # μs read as ns


# --- ranking-metrics ---------------------------------------------------------------------


def dcg(grades: list[int], k: int) -> float:
    """DCG@k with exponential gain 2^g - 1 and discount log2(rank + 1)."""
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades[:k]))


def ndcg(returned: list[int], judged: list[int], k: int) -> float:
    """The ideal order comes from all judged items, not from the returned list."""
    return dcg(returned, k) / dcg(sorted(judged, reverse=True), k)


def average_precision(rels: list[int], total_relevant: int) -> float:
    hits, total = 0, 0.0
    for i, r in enumerate(rels, start=1):
        if r:
            hits += 1
            total += hits / i
    return total / total_relevant


def test_ranking_metrics_worked_example(real_bank: Bank) -> None:
    rels, relevant = [0, 1, 0, 0, 1], 3  # relevant items at ranks 2 and 5, three exist
    what = text_of(real_bank, "ranking-metrics", "answer.what")
    assert_shows(what, f"P@5 = {sum(rels) / 5:.1f}")
    assert_shows(what, f"R@5 = {sum(rels) / relevant:.2f}")
    assert_shows(what, f"reciprocal rank = {1 / (rels.index(1) + 1):.1f}")
    ap = average_precision(rels, relevant)
    assert_shows(what, f"AP = (1/2 + 2/5)/3 = {ap:.1f}")
    assert_shows(what, f"binary NDCG@5 = {ndcg(rels, [1, 1, 1], 5):.2f}")
    assert key_text(real_bank, "ranking-metrics", 0) == f"{ap:.2f}"
    quiz = quiz_text(real_bank, "ranking-metrics", 0)
    assert_shows(quiz, f"{(1 / 2 + 2 / 5) / 2:.2f}")  # divided by the two found
    assert_shows(quiz, f"{sum(rels) / 5:.2f}")  # precision at 5


def test_ranking_metrics_ideal_normalisation(real_bank: Bank) -> None:
    returned, judged = [2, 1, 0], [3, 2, 1, 0]
    answer = text_of(real_bank, "ranking-metrics", "followups.0.a")
    assert_shows(answer, f"≈ {dcg(returned, 3):.2f}")
    assert_shows(answer, f"about {dcg(sorted(judged, reverse=True), 3):.2f}")
    assert_shows(answer, f"NDCG@3 ≈ {ndcg(returned, judged, 3):.2f}")
    assert ndcg(returned, returned, 3) == 1.0  # the bug the follow-up warns about
    assert_shows(
        quiz_text(real_bank, "ranking-metrics", 2), f"about {ndcg(returned, judged, 3):.2f}"
    )


def single_target_auc(rank: int, n_docs: float) -> float:
    """AUC of a ranking with one relevant document at `rank` among n_docs: the share of the
    n_docs - 1 irrelevant documents placed below it."""
    return 1 - (rank - 1) / (n_docs - 1)


def test_auc_barely_sees_the_top(real_bank: Bank) -> None:
    quiz = quiz_text(real_bank, "ranking-metrics", 1)
    assert_shows(quiz, f"rank 200 still gives an AUC of {single_target_auc(200, 1e6):.4f}")
    assert single_target_auc(200, 1e6) > 0.9998  # printed as 0.9998, not rounded up from below


# --- learning-to-rank --------------------------------------------------------------------


def swap_delta_dcg(g_high: int, g_low: int, rank_a: int, rank_b: int) -> float:
    """Change in DCG when documents of grades g_high and g_low swap ranks a and b."""
    gain = (2**g_high - 1) - (2**g_low - 1)
    return gain * (1 / math.log2(rank_a + 1) - 1 / math.log2(rank_b + 1))


def test_lambda_weighting(real_bank: Bank) -> None:
    top = swap_delta_dcg(3, 0, 1, 2)
    deep = swap_delta_dcg(3, 0, 9, 10)
    why = text_of(real_bank, "learning-to-rank", "answer.why")
    assert_shows(why, f"changes DCG by {top:.2f} at ranks 1 and 2")
    assert_shows(why, f"by {deep:.3f} at ranks 9 and 10, {top / deep:.0f} times less")
    assert key_text(real_bank, "learning-to-rank", 1) == f"About {top / deep:.0f} times larger."
    quiz = quiz_text(real_bank, "learning-to-rank", 1)
    assert_shows(quiz, f"7 × (1 − {1 / math.log2(3):.3f}) = {top:.2f}")
    assert_shows(quiz, f"7 × ({1 / math.log2(10):.3f} − {1 / math.log2(11):.3f}) = {deep:.3f}")


# --- position-bias -----------------------------------------------------------------------


def pbm_relevance(click_rate: float, propensity: float) -> float:
    """Position-based model: click rate = examination propensity × relevance."""
    return click_rate / propensity


def test_position_bias_example(real_bank: Bank) -> None:
    a, b = pbm_relevance(0.10, 1.0), pbm_relevance(0.04, 0.3)
    what = text_of(real_bank, "position-bias", "answer.what")
    assert_shows(what, f"0.04/0.3 ≈ {b:.2f} against A's {a:.2f}")
    why = text_of(real_bank, "position-bias", "answer.why")
    assert_shows(why, f"counts {1 / 0.3:.1f} times one at rank 1")
    assert_shows(
        text_of(real_bank, "position-bias", "followups.1.a"), f"counts {1 / 0.02:.0f} times"
    )
    quiz = quiz_text(real_bank, "position-bias", 0)
    assert key_text(real_bank, "position-bias", 0).endswith(f"about {b:.2f} against {a:.2f}.")
    assert_shows(quiz, f"0.04 / 0.3 ≈ {b:.3f}")


# --- cold-start --------------------------------------------------------------------------


def beta_smoothed_rate(clicks: int, impressions: int, prior_clicks: float, prior_n: float) -> float:
    """Posterior mean click rate under a Beta prior worth prior_clicks in prior_n impressions."""
    return (clicks + prior_clicks) / (impressions + prior_n)


def test_cold_start_smoothing(real_bank: Bank) -> None:
    when = text_of(real_bank, "cold-start", "answer.when")
    assert_shows(when, f"raw rate of {2 / 3 * 100:.0f}%")
    assert_shows(when, f"(2 + 5)/(3 + 100) ≈ {beta_smoothed_rate(2, 3, 5, 100) * 100:.1f}%")
    assert key_text(real_bank, "cold-start", 0) == (
        f"About {beta_smoothed_rate(2, 3, 5, 100) * 100:.1f}%."
    )
    quiz = quiz_text(real_bank, "cold-start", 0)
    assert_shows(quiz, f"About {2 / 3 * 100:.0f}%")
    assert_shows(quiz, f"About {(2 / 3 + 5 / 100) / 2 * 100:.0f}%")  # naive average
    assert_shows(quiz, f"About {5 / 100 * 100:.1f}%")  # prior mean alone
    assert_shows(quiz, f"≈ {beta_smoothed_rate(2, 3, 5, 100):.3f}")


# --- ann-vector-search -------------------------------------------------------------------


def hnsw_bytes_per_vector(dim: int, m: int) -> int:
    """float32 vector plus 2M bottom-layer links of 4 bytes (upper layers add ~1/(M-1))."""
    return dim * 4 + 2 * m * 4


def ivfpq_bytes_per_vector(sub_quantisers: int, id_bytes: int) -> int:
    """One byte per sub-quantiser (256-entry codebooks) plus the stored ID."""
    return sub_quantisers + id_bytes


def test_ann_memory_and_scan(real_bank: Bank) -> None:
    n, dim, m = 100e6, 768, 32
    what = text_of(real_bank, "ann-vector-search", "answer.what")
    assert_shows(what, f"{n * dim / 1e9:.1f} billion multiply-adds")
    assert_shows(what, f"{n * dim * 4 / 1e9:.0f} GB of float32")
    why = text_of(real_bank, "ann-vector-search", "answer.why")
    hnsw = hnsw_bytes_per_vector(dim, m)
    assert_shows(
        why, f"add {2 * m * 4} bytes, so {hnsw:,} bytes per vector and {n * hnsw / 1e9:.0f} GB"
    )
    pq = ivfpq_bytes_per_vector(64, 8)
    assert_shows(why, f"{pq} bytes per vector and {n * pq / 1e9:.1f} GB in all")
    assert_shows(why, f"a {dim * 4 // 64}-fold compression")
    when = text_of(real_bank, "ann-vector-search", "answer.when")
    sq8 = dim * 1 + 2 * m * 4  # 8-bit scalar codes plus the same 2M links
    assert_shows(when, f"needs {sq8:,} bytes per vector here instead of {hnsw:,}")
    scanned = n * 64 / 65536
    assert_shows(why, f"about {round(scanned, -3):,.0f} codes")
    assert_shows(why, f"{64 / 65536 * 100:.1f}% of the base")
    quiz0 = quiz_text(real_bank, "ann-vector-search", 0)
    assert key_text(real_bank, "ann-vector-search", 0) == f"About {n * hnsw / 1e9:.0f} GB."
    assert_shows(quiz0, f"About {n * dim * 4 / 1e9:.0f} GB")  # vectors alone
    assert_shows(quiz0, f"About {n * 2 * m * 4 / 1e9:.0f} GB")  # links alone
    assert_shows(quiz0, f"About {n * pq / 1e9:.1f} GB")  # IVF-PQ
    quiz1 = quiz_text(real_bank, "ann-vector-search", 1)
    assert key_text(real_bank, "ann-vector-search", 1).startswith(f"{pq} bytes")
    assert_shows(quiz1, f"{64 * 8 + 8} bytes")  # sub-vectors kept as 8-byte floats
    assert_shows(quiz1, f"{dim * 4 + 8:,} bytes")  # vector kept whole
    assert_shows(quiz1, f"{64 // 8 + 8} bytes")  # codes read as bits


# --- popularity-bias-diversity -----------------------------------------------------------


def zipf_top_share(n_items: int, top: int, exponent: float = 1.0) -> float:
    weights = [1 / r**exponent for r in range(1, n_items + 1)]
    return sum(weights[:top]) / sum(weights)


def gini(values: list[float]) -> float:
    """Gini coefficient of non-negative values (0 equal, near 1 concentrated)."""
    xs = sorted(values)
    n, total = len(xs), sum(xs)
    return 2 * sum((i + 1) * x for i, x in enumerate(xs)) / (n * total) - (n + 1) / n


def test_popularity_concentration(real_bank: Bank) -> None:
    what = text_of(real_bank, "popularity-bias-diversity", "answer.what")
    assert_shows(what, f"collect {zipf_top_share(10_000, 100) * 100:.0f}% of interactions")
    zipf = [1 / r for r in range(1, 10_001)]
    assert_shows(what, f"coefficient of interactions is {gini(zipf):.2f}")
    assert key_text(real_bank, "popularity-bias-diversity", 0) == (
        f"About {zipf_top_share(10_000, 100) * 100:.0f}%."
    )
    quiz = quiz_text(real_bank, "popularity-bias-diversity", 0)
    assert_shows(quiz, f"About {zipf_top_share(10_000, 1_000) * 100:.0f}%")
    assert_shows(quiz, f"about {zipf_top_share(10_000, 1) * 100:.0f}%")
    harmonic = [sum(1 / r for r in range(1, n + 1)) for n in (100, 10_000)]
    assert_shows(quiz, f"{harmonic[0]:.2f} / {harmonic[1]:.2f}")


# --- bm25-tfidf --------------------------------------------------------------------------


def bm25_tf(count: int, k1: float, b: float, length_ratio: float) -> float:
    """BM25's term-frequency factor; length_ratio is |d| / avgdl."""
    return count * (k1 + 1) / (count + k1 * (1 - b + b * length_ratio))


def bm25_idf(n_docs: float, df: float) -> float:
    """Lucene's non-negative BM25 IDF."""
    return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))


def test_bm25_saturation_length_and_idf(real_bank: Bank) -> None:
    why = text_of(real_bank, "bm25-tfidf", "answer.why")
    assert_shows(why, f"one occurrence contributes {bm25_tf(1, 1.2, 0.75, 1):.1f} times the IDF")
    assert_shows(why, f"ten contribute {bm25_tf(10, 1.2, 0.75, 1):.2f}")
    assert_shows(why, f"$k_1 + 1 = {1.2 + 1:.1f}$")
    assert_shows(why, f"counts {bm25_tf(1, 1.2, 0.75, 3):.2f} instead of")
    assert_shows(why, f"10 of them weighs {bm25_idf(1e6, 10):.1f}")
    assert_shows(why, f"100,000 weighs {bm25_idf(1e6, 100_000):.1f}")
    assert key_text(real_bank, "bm25-tfidf", 0) == (
        f"About {bm25_tf(10, 1.2, 0.75, 1) / bm25_tf(1, 1.2, 0.75, 1):.2f} times."
    )
    assert_shows(quiz_text(real_bank, "bm25-tfidf", 0), f"= {bm25_tf(10, 1.2, 0.75, 1):.2f}")
    quiz = quiz_text(real_bank, "bm25-tfidf", 4)
    assert_shows(quiz, f"about {bm25_idf(1e6, 10):.1f}")
    assert key_text(real_bank, "bm25-tfidf", 4) == f"About {bm25_idf(1e6, 100_000):.1f}."
    assert_shows(quiz, f"About {100_000 / 1e6:.1f}")  # the document fraction
    assert_shows(
        quiz, f"About {math.log10(1 + (1e6 - 1e5 + 0.5) / (1e5 + 0.5)):.1f}"
    )  # log base 10
    assert_shows(quiz, f"About {round(bm25_idf(1e6, 10), 1) / 10_000:.4f}")  # linear in df


# --- sequential-recommendation -----------------------------------------------------------


def history_bytes(users: float, events: int, bytes_per_event: int) -> float:
    return users * events * bytes_per_event


def test_sequence_storage(real_bank: Bank) -> None:
    total = history_bytes(100e6, 200, 8 + 4)
    trade = text_of(real_bank, "sequential-recommendation", "answer.tradeoffs")
    assert_shows(trade, f"takes {total / 1e9:.0f} GB")
    assert key_text(real_bank, "sequential-recommendation", 1) == f"About {total / 1e9:.0f} GB."
    quiz = quiz_text(real_bank, "sequential-recommendation", 1)
    assert_shows(quiz, f"About {history_bytes(100e6, 200, 8) / 1e9:.0f} GB")  # IDs only
    assert_shows(quiz, f"About {total / 1e10:.0f} GB")
    assert_shows(quiz, f"About {total * 10 / 1e12:.1f} TB")
