def beam_search(model, start, end, beam_width, max_len):
    """Return (tokens, score) of the best hypothesis found by beam search; scores are
    sums of log-probabilities, ties go to the smaller token list."""
    raise NotImplementedError("expand every live hypothesis, then keep the beam_width best")
