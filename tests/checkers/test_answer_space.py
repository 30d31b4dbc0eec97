"""The whole answer space: every combination of answers (amounts by boundary class) reaches an
outcome with at least one source, and every source is an anchor that exists in the built site."""
from __future__ import annotations

from decimal import Decimal

import pytest

from checkers import CHECKERS
from tests.checkers.conftest import TODAY, answer_combinations, outcome, rules_for
from tests.conftest import DOCS
from tests.site_html import parse

RULE_FILES = sorted((p.parent.parent.name, p.stem) for p in DOCS.glob("*/regels/*.toml"))


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
    count = 0
    for answers in answer_combinations(checker, code):
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
    """Just under, at and just over the gift limit of the evaluation day (whatever the rule file says it is)."""
    limit = rules_for("geschenken", "gemeente-utrecht").limits["maximale_waarde"].at(TODAY).value
    expected = {str(v).replace(".", ",") for v in (limit - Decimal("0.01"), limit, limit + Decimal("0.01"))}
    amounts = {a.get("waarde") for a in answer_combinations("geschenken", "gemeente-utrecht")}
    assert expected <= amounts
