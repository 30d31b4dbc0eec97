"""Helpers for checker tests: load an organisation's rule data and evaluate answers, as the CLI does."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from checkers import CHECKERS, evaluate
from checkers.rules import load_rules
from tests.conftest import DOCS

TODAY = dt.date(2026, 11, 22)


def rules_for(checker: str, code: str) -> dict[str, Any]:
    return load_rules(DOCS, code, checker, CHECKERS[checker])


def outcome(checker: str, code: str, answers: dict[str, Any], today: dt.date = TODAY) -> dict[str, Any]:
    return evaluate(checker, rules_for(checker, code), answers, today)


def anchors(result: dict[str, Any]) -> set[str]:
    """The sources of an outcome as 'page.md#anchor' relative to the organisation folder."""
    return {s["doc"].split("/", 1)[1] + "#" + s["anchor"] for s in result["sources"]}


@pytest.fixture
def evaluate_for():
    return outcome
