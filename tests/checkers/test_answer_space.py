"""The whole answer space: every combination of answers (amounts by boundary class) reaches an
outcome with at least one source, and every source is an anchor that exists in the built site."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterator

import pytest

from checkers import CHECKERS
from checkers.engine import limit, read_answers
from tests.checkers.conftest import TODAY, outcome, rules_for
from tests.conftest import DOCS
from tests.site_html import parse

RULE_FILES = sorted((p.parent.parent.name, p.stem) for p in DOCS.glob("*/regels/*.toml"))


def amount_classes(rules: dict[str, Any]) -> list[str]:
    """Zero, a small amount, and around every limit: just under, exactly, just over."""
    values = {Decimal("0"), Decimal("1")}
    for name in rules.get("grenzen", {}):
        bound = limit(rules, name, TODAY)
        values |= {bound - Decimal("0.01"), bound, bound + Decimal("0.01")}
    return [str(v).replace(".", ",") for v in sorted(v for v in values if v >= 0)]


def combinations(rules: dict[str, Any]) -> Iterator[dict[str, Any]]:
    def walk(answers: dict[str, Any]) -> Iterator[dict[str, Any]]:
        visible, values, _ = read_answers(rules, answers, TODAY)
        open_questions = [q for q in rules["vragen"] if q["id"] in visible and q["id"] not in answers]
        if not open_questions:
            yield dict(answers)
            return
        question = open_questions[0]
        choices = (amount_classes(rules) if question["type"] == "bedrag"
                   else ["ja", "nee"] if question["type"] == "janee" else [o["waarde"] for o in question["opties"]])
        for choice in choices:
            yield from walk({**answers, question["id"]: choice})
    yield from walk({})


@pytest.fixture(scope="module")
def site_anchors(built_site) -> dict[str, set[str]]:
    cache: dict[str, set[str]] = {}

    def anchors_of(url: str) -> set[str]:
        if url not in cache:
            page = built_site / url / "index.html"
            cache[url] = set(parse(page).ids) if page.is_file() else set()
        return cache[url]
    return anchors_of


@pytest.mark.parametrize("code, checker", RULE_FILES, ids=[f"{c}-{k}" for c, k in RULE_FILES])
def test_every_combination_reaches_a_sourced_outcome(code, checker, site_anchors):
    rules = rules_for(checker, code)
    count = 0
    for answers in combinations(rules):
        count += 1
        result = outcome(checker, code, answers)
        assert result["status"] == "uitkomst", f"{answers}: {result}"
        assert result["verdict"] in CHECKERS[checker]
        assert result["sources"], f"{answers}: no source"
        for source in result["sources"]:
            url, anchor = source["href"].split("#")
            assert anchor in site_anchors(url), f"{code}/{checker}: {source['href']} does not exist ({answers})"
    assert count >= 2


def test_combinations_cover_the_gift_boundaries():
    rules = rules_for("geschenken", "gemeente-utrecht")
    amounts = {a.get("waarde") for a in combinations(rules)}
    assert {"49,99", "50", "50,01"} <= amounts
