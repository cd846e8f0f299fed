"""Behaviour cases for the feedback engine, shared by the CPython tests and the Pyodide run.

Each case names a block (a question's key points and trap claims), the reader's level and
an answer, and states which key points must be hit and which traps asserted. Everything
else must be missed / not asserted, so a case fails if the engine fires too much as well as
too little.
"""

from __future__ import annotations

GROUP_PVALUE = ["p-value", "pvalue", "it"]
NULL_TRUE = ["null ... true", "=h0 ... true", "null ... correct"]

BLOCKS = {
    "p-values": {
        "key_points": [
            {
                "id": "conditional",
                "label": "Computed assuming the null is true",
                "level": "L3",
                "section": "what",
                "sense": "asserted",
                "match": {
                    "all": [
                        GROUP_PVALUE,
                        ["assum*", "under", "conditional on", "given", "if"],
                        ["null", "=h0", "no effect"],
                    ]
                },
            },
            {
                "id": "extreme",
                "label": "Data at least as extreme as observed",
                "level": "L3",
                "section": "what",
                "sense": "asserted",
                "match": {"all": [["extreme", "as large as", "as big as"]]},
            },
            {
                "id": "not-null-prob",
                "label": "Says it is not the probability that the null is true",
                "level": "L5",
                "section": "why",
                "sense": "denied",
                "match": {"all": [["probability", "chance", "likelihood"], NULL_TRUE]},
            },
            {
                "id": "threshold",
                "label": "Knows the 0.05 convention",
                "level": "L3",
                "section": "tradeoffs",
                "sense": "either",
                "match": {"all": [["0.05", "5%", "5 percent"]]},
            },
            {
                "id": "peeking",
                "label": "Peeking inflates false positives",
                "level": "L5",
                "section": "when",
                "sense": "asserted",
                "match": {
                    "all": [
                        ["peek*", "optional stopping", "stop* early", "check* daily"],
                        ["inflat*", "increas*", "rais*", "more", "higher"],
                        ["false positive*", "type i error*", "false alarm*"],
                    ]
                },
            },
        ],
        "trap_claims": [
            {
                "id": "prob-null-true",
                "trap": 0,
                "label": "Says the p-value is the probability that the null is true",
                "match": {
                    "all": [GROUP_PVALUE, ["probability", "chance", "likelihood"], NULL_TRUE],
                    "unless": [["assum*", "given", "conditional", "under", "if"]],
                },
            },
            {
                "id": "no-effect",
                "trap": 1,
                "label": "Treats a non-significant result as proof of no effect",
                "match": {
                    "all": [
                        ["not significant", "non-significant", "insignificant", "p > 0.05"],
                        ["prove*", "show*", "mean*", "confirm*"],
                        ["no effect", "no difference", "null ... true"],
                    ]
                },
            },
        ],
        "traps": ["Reading p as P(H0).", "Taking p > 0.05 as proof of no effect."],
        "caveat": None,
    },
    "bias-variance": {
        "key_points": [
            {
                "id": "variance-grows",
                "label": "Variance grows with model complexity",
                "level": "L3",
                "section": "what",
                "sense": "asserted",
                "match": {
                    "all": [
                        ["variance"],
                        ["increas*", "grow*", "rise*", "higher", "goes up"],
                        ["complex*", "flexib*", "capacity", "deeper", "more parameters"],
                    ]
                },
            },
            {
                "id": "bias-falls",
                "label": "Bias falls as complexity grows",
                "level": "L3",
                "section": "what",
                "sense": "asserted",
                "match": {
                    "all": [
                        ["bias"],
                        ["decreas*", "fall*", "drop*", "lower", "shrink*"],
                        ["complex*", "flexib*", "capacity"],
                    ]
                },
            },
            {
                "id": "irreducible",
                "label": "Names irreducible noise as the third term",
                "level": "L4",
                "section": "what",
                "sense": "either",
                "match": {"all": [["irreducible", "noise floor", "bayes error"]]},
            },
            {
                "id": "decomposition",
                "label": "Decomposes expected error into the three terms",
                "level": "L5",
                "section": "what",
                "sense": "asserted",
                "match": {
                    "within": "answer",
                    "all": [["bias squared", "squared bias"], ["variance"], ["noise"]],
                },
            },
            {
                "id": "ensembles",
                "label": "Bagging reduces variance",
                "level": "L6+",
                "section": "tradeoffs",
                "sense": "asserted",
                "match": {
                    "all": [
                        ["bagging", "random forest*", "averag*"],
                        ["reduc*", "lower*", "cut*", "decreas*"],
                        ["variance"],
                    ]
                },
            },
        ],
        "trap_claims": [
            {
                "id": "more-data-bias",
                "trap": 0,
                "label": "Says more data reduces bias",
                "match": {
                    "all": [
                        ["more data", "more examples", "larger dataset", "more samples"],
                        ["reduc*", "lower*", "fix*", "cut*", "decreas*"],
                        ["bias"],
                    ]
                },
            },
        ],
        "traps": ["Thinking more data fixes bias."],
        "caveat": "Word matching misses some paraphrases on this question.",
    },
}

CASES = [
    # plain assertions and paraphrases
    (
        "p-values",
        "L5",
        "The p-value is the probability that the null hypothesis is true.",
        [],
        ["prob-null-true"],
    ),
    (
        "p-values",
        "L3",
        "A p-value is computed assuming the null is true: the chance of a "
        "result at least as extreme as ours.",
        ["conditional", "extreme"],
        [],
    ),
    (
        "p-values",
        "L3",
        "Conditional on H0, it is how likely a statistic as large as the one observed would be.",
        ["conditional", "extreme"],
        [],
    ),
    ("p-values", "L3", "We call it significant below 5%.", ["threshold"], []),
    # negation in its scope, and out of it
    (
        "p-values",
        "L5",
        "The p-value is not the probability that the null is true.",
        ["not-null-prob"],
        [],
    ),
    ("p-values", "L5", "The p-value isn't the probability that H0 is true.", ["not-null-prob"], []),
    (
        "p-values",
        "L5",
        "A p-value never tells you the chance that the null is true.",
        ["not-null-prob"],
        [],
    ),
    (
        "p-values",
        "L5",
        "No p-value gives the probability that the null is correct.",
        ["not-null-prob"],
        [],
    ),
    (
        "p-values",
        "L5",
        "It is the probability that the null is true, not a measure of size.",
        [],
        ["prob-null-true"],
    ),
    (
        "p-values",
        "L5",
        "Not only is the p-value the probability that the null is true, it is also small.",
        [],
        ["prob-null-true"],
    ),
    ("p-values", "L5", "Peeking at the test every day does not inflate false positives.", [], []),
    ("p-values", "L5", "Peeking at the test every day inflates false positives.", ["peeking"], []),
    (
        "p-values",
        "L5",
        "A result that is not significant does not prove there is no effect.",
        [],
        [],
    ),
    (
        "p-values",
        "L5",
        "If the result is not significant, that shows there is no effect.",
        [],
        ["no-effect"],
    ),
    (
        "p-values",
        "L5",
        "A non-significant result means no difference between the arms.",
        [],
        ["no-effect"],
    ),
    # reported beliefs and hedges
    (
        "p-values",
        "L5",
        "A common mistake is to say the p-value is the probability that the null is true.",
        ["not-null-prob"],
        [],
    ),
    (
        "p-values",
        "L5",
        "It's wrong to say that the p-value is the chance the null is true.",
        ["not-null-prob"],
        [],
    ),
    (
        "p-values",
        "L5",
        "People think the p-value is the probability that H0 is true.",
        ["not-null-prob"],
        [],
    ),
    (
        "p-values",
        "L5",
        "That the p-value is the probability that the null is true is a myth.",
        ["not-null-prob"],
        [],
    ),
    (
        "p-values",
        "L5",
        "I think the p-value is the probability that the null is true.",
        [],
        ["prob-null-true"],
    ),
    (
        "p-values",
        "L5",
        "People believe the p-value is the chance the null is true; in fact "
        "the p-value is the probability that the null is true.",
        ["not-null-prob"],
        ["prob-null-true"],
    ),
    (
        "p-values",
        "L5",
        "The p-value is the probability of data this extreme, given that the null is true.",
        ["conditional", "extreme"],
        [],
    ),
    # numbers
    ("p-values", "L3", "We reject when p is below .05.", ["threshold"], []),
    ("p-values", "L3", "We reject when p is below 0.01.", [], []),
    ("p-values", "L3", "We reject when p is below 0.050.", ["threshold"], []),
    ("p-values", "L3", "A cut-off of 5 % is usual.", ["threshold"], []),
    ("p-values", "L3", "A cut-off of 15% is usual.", [], []),
    # misspellings
    (
        "p-values",
        "L5",
        "The p-valeu is the probabilty that the nul hypotesis is true.",
        [],
        ["prob-null-true"],
    ),
    (
        "p-values",
        "L3",
        "It is computed assumming the null hypothesis holds, for results at least as extreem.",
        ["conditional", "extreme"],
        [],
    ),
    # flipped comparisons, opposites and numbers never count as the same meaning
    (
        "bias-variance",
        "L3",
        "Variance increases as the model gets more complex.",
        ["variance-grows"],
        [],
    ),
    ("bias-variance", "L3", "Variance decreases as the model gets more complex.", [], []),
    ("bias-variance", "L3", "Variance is decreasing with model complexity.", [], []),
    (
        "bias-variance",
        "L3",
        "Variance is increasing with model complexity.",
        ["variance-grows"],
        [],
    ),
    ("bias-variance", "L3", "Variance gets lower for a more flexible model.", [], []),
    ("bias-variance", "L3", "Bias gets lower for a more flexible model.", ["bias-falls"], []),
    ("bias-variance", "L3", "Variance does not grow with complexity.", [], []),
    ("bias-variance", "L3", "Varience incresaes with complexity.", ["variance-grows"], []),
    ("bias-variance", "L3", "Bias rises with complexity.", [], []),
    # traps with flipped comparisons
    ("bias-variance", "L3", "More data reduces bias.", [], ["more-data-bias"]),
    ("bias-variance", "L3", "More data reduces variance, not bias.", [], []),
    ("bias-variance", "L3", "More data does not reduce bias.", [], []),
    ("bias-variance", "L3", "More data won't fix bias.", [], []),
    ("bias-variance", "L3", "Contrary to what many think, more data cannot cut bias.", [], []),
    # scope across the answer, levels
    (
        "bias-variance",
        "L5",
        "Expected error is bias squared plus variance. The rest is noise.",
        ["decomposition"],
        [],
    ),
    (
        "bias-variance",
        "L5",
        "Averaging many trees in a random forest reduces variance.",
        ["ensembles"],
        [],
    ),
    ("bias-variance", "L4", "The noise floor is the irreducible part.", ["irreducible"], []),
    # empty and unrelated answers
    ("p-values", "L5", "", [], []),
    ("bias-variance", "L5", "I would use a neural network and tune it.", [], []),
]
