FUNCTION = "beam_search"
INPUTS_READ_ONLY = True

# Toy models: model[token] = {next token: log-probability}.
M1 = {
    "<s>": {"a": -0.5, "b": -1.0},
    "a": {"x": -2.0, "</s>": -3.0},
    "b": {"</s>": -0.25, "x": -2.0},
    "x": {"</s>": -0.5},
}
M2 = {
    "<s>": {"b": -1.0, "a": -1.0, "c": -2.0},
    "a": {"</s>": -1.0},
    "b": {"</s>": -1.0},
    "c": {"</s>": -0.5},
}
M3 = {
    "<s>": {"la": -0.5, "lo": -0.75},
    "la": {"la": -0.5, "lo": -1.0},
    "lo": {"la": -0.25, "lo": -0.5},
}
M4 = {
    "<s>": {"a": -1.0, "</s>": -2.5},
    "a": {"b": -0.25, "</s>": -3.0},
    "b": {"c": -0.25, "</s>": -2.0},
    "c": {"</s>": -0.25},
}
M5 = {
    "<s>": {"a": -0.1, "b": -0.2, "</s>": -0.3},
    "a": {"</s>": -2.0, "c": -1.5},
    "b": {"</s>": -1.0, "c": -2.0},
    "c": {"</s>": -0.1},
}

EXAMPLES = [
    {
        "name": "a beam of 2 finds what greedy misses",
        "args": [M1, "<s>", "</s>", 2, 5],
        "expected": (["b", "</s>"], -1.25),
    },
    {
        "name": "a beam of 1 is greedy",
        "args": [M1, "<s>", "</s>", 1, 5],
        "expected": (["a", "x", "</s>"], -3.0),
    },
]
CASES = [
    {
        "name": "equal scores: the smaller token list wins",
        "args": [M2, "<s>", "</s>", 2, 3],
        "expected": (["a", "</s>"], -2.0),
    },
    {
        "name": "the end token is never reached: the best unfinished",
        "args": [M3, "<s>", "</s>", 2, 3],
        "expected": (["la", "la", "la"], -1.5),
    },
    {
        "name": "a hypothesis that finishes later can win",
        "args": [M4, "<s>", "</s>", 2, 6],
        "expected": (["a", "b", "c", "</s>"], -1.75),
    },
    {
        "name": "finished hypotheses take beam slots",
        "args": [M5, "<s>", "</s>", 2, 4],
        "expected": (["b", "</s>"], -1.2),
    },
    {
        "name": "a beam wider than the candidates",
        "args": [M5, "<s>", "</s>", 10, 4],
        "expected": (["</s>"], -0.3),
    },
    {
        "name": "max_len cuts a search short",
        "args": [M4, "<s>", "</s>", 3, 2],
        "expected": (["</s>"], -2.5),
    },
    {
        "name": "no steps allowed",
        "args": [M1, "<s>", "</s>", 2, 0],
        "expected": ([], 0.0),
    },
    {
        "name": "a beam width of 0",
        "args": [M1, "<s>", "</s>", 0, 3],
        "raises": "ValueError",
    },
    {
        "name": "a negative max_len",
        "args": [M1, "<s>", "</s>", 2, -1],
        "raises": "ValueError",
    },
]
