def _rank(hypothesis):
    """Sort key: higher score first, then the smaller token list."""
    tokens, score = hypothesis
    return (-score, tokens)


def beam_search(model, start, end, beam_width, max_len):
    """Return (tokens, score) of the best hypothesis found by beam search; scores are
    sums of log-probabilities, ties go to the smaller token list."""
    if beam_width < 1:
        raise ValueError(f"beam_width must be at least 1, got {beam_width}")
    if max_len < 0:
        raise ValueError(f"max_len must be >= 0, got {max_len}")
    live = [([], 0.0)]
    finished = []
    for _ in range(max_len):
        if not live:
            break
        candidates = []
        for tokens, score in live:
            last = tokens[-1] if tokens else start
            for token, log_prob in model[last].items():
                candidates.append(([*tokens, token], score + log_prob))
        candidates.sort(key=_rank)
        kept = candidates[:beam_width]  # finished ones use up slots too
        finished += [h for h in kept if h[0][-1] == end]
        live = [h for h in kept if h[0][-1] != end]
    pool = finished or live
    tokens, score = min(pool, key=_rank)
    return tokens, score
