def bpe(word_counts, num_merges, word):
    """Learn up to num_merges BPE merges from {word: count} and encode `word` with them;
    return (merges in the order learned, the tokens of `word`)."""
    raise NotImplementedError(
        "split each word into characters plus '</w>', then merge the top pair"
    )
