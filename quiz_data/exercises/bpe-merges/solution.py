from itertools import pairwise

END = "</w>"


def _merge(symbols, left, right):
    """Replace each (left, right) in `symbols`, scanning left to right without overlap."""
    merged = []
    i = 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == left and symbols[i + 1] == right:
            merged.append(left + right)
            i += 2
        else:
            merged.append(symbols[i])
            i += 1
    return merged


def bpe(word_counts, num_merges, word):
    """Learn up to num_merges BPE merges from {word: count} and encode `word` with them;
    return (merges in the order learned, the tokens of `word`)."""
    if num_merges < 0:
        raise ValueError(f"num_merges must be >= 0, got {num_merges}")
    for w, count in word_counts.items():
        if count <= 0:
            raise ValueError(f"the count of {w!r} is {count}; counts must be positive")
    # each distinct word once, as a list of symbols, with its count
    corpus = [([*w, END], count) for w, count in word_counts.items()]
    merges = []
    while len(merges) < num_merges:
        pairs = {}
        for symbols, count in corpus:
            for pair in pairwise(symbols):  # every position: repeats count again
                pairs[pair] = pairs.get(pair, 0) + count
        if not pairs:
            break  # every word is a single symbol
        # highest count first, then the smallest pair
        best = min(pairs, key=lambda p: (-pairs[p], p))
        merges.append(best)
        corpus = [(_merge(symbols, *best), count) for symbols, count in corpus]
    tokens = [*word, END]
    for left, right in merges:  # in the order learned, as training applied them
        tokens = _merge(tokens, left, right)
    return merges, tokens
