"""Helpers for checker tests: load an organisation's rule data and evaluate answers, as the CLI does."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Iterator

import pytest

from checkers import CHECKERS, evaluate
from checkers.dates import evaluation_date
from checkers.engine import read_answers
from checkers.model import RuleSet
from checkers.rules import load_rules
from tests.conftest import DOCS

TODAY = evaluation_date()     # CODEWIJZER_DATUM or today: the same day as the build and the CLI


def rules_for(checker: str, code: str) -> RuleSet:
    return load_rules(DOCS, code, checker, CHECKERS[checker])


def outcome(checker: str, code: str, answers: dict[str, Any], today: dt.date = TODAY) -> dict[str, Any]:
    return evaluate(checker, rules_for(checker, code), answers, today)


def anchors(result: dict[str, Any]) -> set[str]:
    """The sources of an outcome as 'page.md#anchor' relative to the organisation folder."""
    return {s["doc"].split("/", 1)[1] + "#" + s["anchor"] for s in result["sources"]}


@pytest.fixture
def evaluate_for():
    return outcome


def amount_classes(rules: RuleSet, today: dt.date = TODAY) -> list[str]:
    """Zero, a small and a large amount, and around every limit and fixed amount: just under, exactly, just over."""
    values = {Decimal("0"), Decimal("1"), Decimal("1000")}
    for bound in [limit.at(today).value for limit in rules.limits.values()]:
        values |= {bound - Decimal("0.01"), bound, bound + Decimal("0.01")}
    return [str(v).replace(".", ",") for v in sorted(v for v in values if v >= 0)]


def walk(rules: RuleSet, answers: dict[str, Any], day: dt.date = TODAY) -> Iterator[dict[str, Any]]:
    """Every complete set of answers that starts from `answers`, walking the questions as the form
    shows them (amounts by boundary class); only the answers to visible questions are kept."""
    visible, _, _ = read_answers(rules, answers, day)
    open_questions = [q for q in rules.questions if q.id in visible and q.id not in answers]
    if not open_questions:
        yield {k: v for k, v in answers.items() if k in visible}
        return
    question = open_questions[0]
    choices = amount_classes(rules, day) if question.kind == "bedrag" else [o.value for o in question.options]
    for choice in choices:
        yield from walk(rules, {**answers, question.id: choice}, day)


def answer_combinations(checker: str, code: str) -> list[dict[str, Any]]:
    """Every complete set of answers of a live rule file."""
    return list(walk(rules_for(checker, code), {}))


def assert_every_combination_reaches_a_rule(checker: str, code: str) -> None:
    """Every combination of answers ends in an outcome from a rule (not the default), with sources."""
    default = rules_for(checker, code).default.reason
    for answers in answer_combinations(checker, code):
        result = outcome(checker, code, answers)
        assert result["status"] == "uitkomst", answers
        assert result["sources"], answers
        assert result["reasons"][0]["text"] != default, answers
