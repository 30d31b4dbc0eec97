"""A corpus of hostile answers per checker: malformed amounts, non-numbers, Unicode digits, unknown
options, wrong types, missing answers, unknown questions, huge and nested input.

Every item is the raw `--answers` text a caller could send. None of them is a valid, complete set of
answers, so the only right response is a Dutch message: never a verdict, never a traceback.
Each mutation targets a question that is shown for the answers around it (an answer to a hidden
question is ignored, which is right, so it would not be hostile).
"""
from __future__ import annotations

import functools
import json
from typing import Any, Iterator

from checkers.engine import read_answers
from tests.checkers.conftest import TODAY, answer_combinations, rules_for

HUGE = "9" * 100_000
# Amounts as text that must be refused (a guess could turn "mag niet" into "mag").
BAD_AMOUNT_TEXTS = [
    "49.99", "1,2,3", "10,999", "1.0000", "1.00.000", "abc", "€€ 5", "- 5", "-5", "-0,01", "5-", "1e3", "1E3",
    "0x10", "1_000", "NaN", "Infinity", "-Infinity", "nan", "  ", "\t", ",50", "50,", "5 euro 10",
    "٤٥", "٤٥,٥٠", "４５", "५०", "໕໐", "𝟓𝟎", "½", "5²", "\u202e05", "50\u200b", "5\u00000",
    "1000001", "9" * 41, HUGE, "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "'; DROP TABLE x; --",
    "{{7*7}}", "${7*7}", "None", "null", "true", "[]", "{}",
]
# Amounts as JSON values of the wrong kind (raw JSON text, spliced in as is).
BAD_AMOUNT_VALUES = ["true", "false", "[]", "[50]", "{}", '{"waarde": 50}', "-1", "-0.5", "1e400", "-1e400", "NaN",
                     "Infinity", "1000000.01", "1" + "0" * 30]
# Choices: near misses, other types, markup, control characters, huge.
BAD_CHOICE_TEXTS = ["bestaat-niet", "JA", "Ja", " ja", "ja ", "ja\u0000", "ja\n", "<b>ja</b>", "<script>alert(1)</script>",
                    "j\u0430", "nee,ja", "ja|nee", "*", ".*", "__proto__", "constructor", "toString", HUGE]
BAD_CHOICE_VALUES = ["1", "0", "true", "false", '["ja"]', '{"ja": true}', "[]", "{}", "1.5"]
# Whole requests that are not an object of answers at all.
BAD_DOCUMENTS = ["", "{kapot", "[1, 2]", '"tekst"', "42", "null", "true", "1" * 5_000, "{'soort': 'geld'}",
                 '{"soort": "geld",}', "\ufeff{}", "{}\u0000"]
NESTED_DOCUMENTS = ["[" * 100_000 + "]" * 100_000, '{"a": ' * 50_000 + "1" + "}" * 50_000]
NESTED = "diep genest"


def _splice(answers: dict[str, Any], question: str, raw_json: str) -> str:
    """The answers as JSON with one value replaced by raw JSON text (which json.dumps cannot write)."""
    marker = "\u0001HOSTILE\u0001"
    return json.dumps({**answers, question: marker}).replace(json.dumps(marker), raw_json)


@functools.cache
def _combinations(checker: str, code: str) -> tuple[dict[str, Any], ...]:
    return tuple(answer_combinations(checker, code))


def _base_for(checker: str, code: str, question_id: str) -> dict[str, Any] | None:
    """A complete, valid set of answers in which this question is shown."""
    rules = rules_for(checker, code)
    for answers in _combinations(checker, code):
        visible, _, _ = read_answers(rules, answers, TODAY)
        if question_id in visible:
            return answers
    return None


UNKNOWN_QUESTION = "onbekende vraag"


def hostile_answers(checker: str, code: str) -> Iterator[tuple[str, str]]:
    """(label, raw --answers text) pairs."""
    rules = rules_for(checker, code)
    for question in rules.questions:
        qid = question.id
        base = _base_for(checker, code, qid)
        if base is None:
            continue
        if question.kind == "bedrag":
            texts, values = BAD_AMOUNT_TEXTS, BAD_AMOUNT_VALUES
        else:
            texts, values = BAD_CHOICE_TEXTS, BAD_CHOICE_VALUES
        for text in texts:
            yield f"{qid}={text[:20]!r}", json.dumps({**base, qid: text})
        for value in values:
            yield f"{qid}={value[:20]}", _splice(base, qid, value)
        missing = {k: v for k, v in base.items() if k != qid}
        yield f"{qid} ontbreekt", json.dumps(missing)
        yield f"{qid} leeg", json.dumps({**base, qid: ""}) if question.kind == "bedrag" else \
            _splice(base, qid, "null")
    complete = _combinations(checker, code)[0]
    for extra in ["bestaat_niet", "__proto__", "constructor", "SOORT", HUGE]:
        yield f"{UNKNOWN_QUESTION} {extra[:20]}", json.dumps({**complete, extra: "ja"})
    yield "leeg object", "{}"
    for document in BAD_DOCUMENTS:
        yield f"document {document[:20]!r}", document
    for document in NESTED_DOCUMENTS:
        yield f"document {NESTED} {document[:10]!r}", document
