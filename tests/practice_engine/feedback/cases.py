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
    "dropout": {
        "key_points": [
            {
                "id": "keep-scale",
                "label": "Scales by the keep probability",
                "level": "L3",
                "section": "what",
                "sense": "asserted",
                "match": {"all": [["multipl*", "scal*"], ["1 - p", "p - 1"]]},
            },
        ],
        "trap_claims": [],
        "traps": [],
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
    "ab-tests": {
        "key_points": [
            {
                "id": "miss-not-verdict",
                "label": "A miss is not proof of no effect",
                "level": "L3",
                "section": "why",
                "sense": "asserted",
                "match": {
                    "all": [
                        ["not significant", "fail* to clear", "p = >0.05"],
                        ["doesn't ... prove", "doesn't ... show", "not ... prove"],
                    ]
                },
            },
            {
                "id": "sized-from-mde",
                "label": "Sizes the test from the smallest effect worth acting on",
                "level": "L3",
                "section": "why",
                "sense": "asserted",
                "contradicted_by": [1],
                "match": {"all": [["power", "sample size"], ["effect", "mde", "lift"]]},
            },
        ],
        "trap_claims": [
            {
                "id": "ignore-latency",
                "trap": 0,
                "label": "Ignores latency",
                "match": {"all": [["latency"], ["not bother", "doesn't matter", "irrelevant"]]},
            },
            {
                "id": "mde-expected",
                "trap": 1,
                "label": "Sizes the test from the effect it expects",
                "match": {
                    "all": [["mde", "effect", "lift"], ["we expect", "expected"]],
                    "unless": [["smallest"]],
                },
            },
            {
                "id": "large-p-no-effect",
                "trap": 2,
                "label": "Reads a large p as no effect",
                "match": {"all": [["p = >0.05", "p of >0.05"], ["show*", "prove*"], ["no effect"]]},
            },
            {
                "id": "more-metrics",
                "trap": 4,
                "label": "Says more metrics are always better",
                "match": {"all": [["more ... better"], ["metrics"]]},
            },
            {
                "id": "metrics-first",
                "trap": 3,
                "label": "Reads the metrics before the split check",
                "match": {
                    "all": [["check* ... split", "check* ... sizes"], ["look* at ... first"]]
                },
            },
        ],
        "traps": [
            "Ignoring latency.",
            "MDE from the expected effect.",
            "p > 0.05 as proof.",
            "Metrics before the split check.",
            "More metrics are always better.",
        ],
        "caveat": None,
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
    # a term's own negation and the cues it uses up; numbers in a range
    ("ab-tests", "L3", "I wouldn't bother tracking latency in the test.", [], ["ignore-latency"]),
    ("ab-tests", "L3", "It is a mistake to say latency doesn't matter.", [], []),
    ("ab-tests", "L3", "Nobody should say that latency doesn't matter.", [], []),
    (
        "ab-tests",
        "L3",
        "Failing to clear the bar in a small test doesn't prove the change is harmless.",
        ["miss-not-verdict"],
        [],
    ),
    (
        "ab-tests",
        "L3",
        "With p = 0.3 the test shows there is no effect.",
        [],
        ["large-p-no-effect"],
    ),
    ("ab-tests", "L3", "With p = 0.01 the test shows there is no effect.", [], []),
    ("ab-tests", "L3", "A p of 0.3 doesn't show that there is no effect.", [], []),
    # a claim across the segments of one sentence; a point the same sentence contradicts
    (
        "ab-tests",
        "L3",
        "I'd check the split sizes, but I'd look at the numbers first.",
        [],
        ["metrics-first"],
    ),
    (
        "ab-tests",
        "L3",
        "People check the split sizes late; but I'd look at the numbers first.",
        [],
        ["metrics-first"],
    ),
    (
        "ab-tests",
        "L3",
        "Power comes from the smallest lift worth shipping.",
        ["sized-from-mde"],
        [],
    ),
    ("ab-tests", "L3", "For power I'd use the lift we expect.", [], ["mde-expected"]),
    # an unless group that is itself negated cancels nothing; terms stay in one clause;
    # contractions typed without the apostrophe
    (
        "ab-tests",
        "L3",
        "For power I'd use the lift we expect, never the smallest one.",
        [],
        ["mde-expected"],
    ),
    ("ab-tests", "L3", "I'd use the smallest lift rather than what we expect.", [], []),
    ("ab-tests", "L3", "We need a large sample, size of the lift matters.", [], []),
    ("ab-tests", "L3", "Latency doesnt matter in this test.", [], ["ignore-latency"]),
    ("ab-tests", "L3", "Latency rarely is irrelevant.", [], []),
    # another, negated mention of a word does not take back the claim made in its segment
    (
        "ab-tests",
        "L3",
        "Latency is irrelevant here, though nobody measures latency anyway.",
        [],
        ["ignore-latency"],
    ),
    ("ab-tests", "L3", "Nobody thinks latency is irrelevant.", [], []),
    # "wrongly" reports a belief only before a verb of believing or saying
    (
        "ab-tests",
        "L3",
        "Latency is irrelevant, even with wrongly refused requests.",
        [],
        ["ignore-latency"],
    ),
    ("ab-tests", "L3", "Some teams wrongly assume latency is irrelevant.", [], []),
    # "is false" reports a belief; "is a false alarm" does not
    (
        "p-values",
        "L5",
        "The p-value is the probability that the null is true, so it is a false alarm rate.",
        [],
        ["prob-null-true"],
    ),
    (
        "p-values",
        "L5",
        "That the p-value is the probability the null is true is false.",
        ["not-null-prob"],
        [],
    ),
    # a negation inside a term's gap denies it
    ("ab-tests", "L3", "More metrics is always better.", [], ["more-metrics"]),
    ("ab-tests", "L3", "More metrics is not automatically better.", [], []),
    # "actually" inside a clause is an adverb, at its head it opens a new segment
    (
        "p-values",
        "L5",
        "The p-value would not actually be the probability that the null is true.",
        ["not-null-prob"],
        [],
    ),
    (
        "p-values",
        "L5",
        "People think it is the chance the null is true, actually it is the chance the null "
        "is true.",
        ["not-null-prob"],
        ["prob-null-true"],
    ),
    # a spaced hyphen next to a number is a minus, not a dash that ends the clause
    ("dropout", "L3", "At inference you multiply activations by 1 - p.", ["keep-scale"], []),
    ("dropout", "L3", "You scale by p - 1, which is negative.", ["keep-scale"], []),
    # empty and unrelated answers
    ("p-values", "L5", "", [], []),
    ("bias-variance", "L5", "I would use a neural network and tune it.", [], []),
]
