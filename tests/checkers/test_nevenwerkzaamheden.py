"""Checker 'nevenwerkzaamheden': side activities, financial interests and (Provincie Utrecht) the revolving door.

One class per organisation; tests grouped by question and outcome. Assertions are on the verdict and the
cited paragraphs (anchors), never on wording.
"""
from __future__ import annotations

import pytest
import yaml

from tests.checkers.conftest import (answer_combinations, anchors, assert_every_combination_reaches_a_rule, outcome,
                                     rules_for)
from tests.conftest import DOCS

CHECK = "nevenwerkzaamheden"
GU = "gemeente-utrecht"
PU = "provincie-utrecht"


def gu(**answers):
    return outcome(CHECK, GU, answers)


def pu(**answers):
    return outcome(CHECK, PU, answers)


def combinations(code: str) -> list[dict[str, str]]:
    return answer_combinations(CHECK, code)


class TestGemeenteUtrecht:
    def test_the_municipal_code_never_forbids_a_side_activity_or_interest(self):
        assert all(gu(**answers)["verdict"] != "verboden" for answers in combinations(GU))

    def test_every_combination_of_answers_reaches_a_rule_with_sources(self):
        assert_every_combination_reaches_a_rule(CHECK, GU)


# ---------------------------------------------------------------------------------------------------------
# Provincie Utrecht: 4.4 financiële belangen, 4.5 nevenwerkzaamheden, 4.8 draaideur
# ---------------------------------------------------------------------------------------------------------

def nw(n: str) -> str:
    return f"nevenwerkzaamheden.md#afspraak-{n.replace('.', '-')}"


# A side activity that touches the province, does no harm, uses no province information, below scale 14.
NEVENWERK = dict(soort="nevenwerk", situatie="nieuw", raakt="ja", schade="nee", informatie="nee", schaal14="nee")


class TestProvincieUtrecht:
    def test_publication_is_not_mentioned_as_decisive_for_a_forbidden_side_activity(self):
        result = pu(**{**NEVENWERK, "schaal14": "ja", "schade": "ja"})
        assert result["verdict"] == "verboden"
        assert nw("4.5.5") not in anchors(result)
        assert all("afspraak-4-5-5" not in s["href"] for r in result["other_reasons"] for s in r["sources"])


    def test_every_combination_of_answers_reaches_a_rule_with_sources(self):
        assert_every_combination_reaches_a_rule(CHECK, PU)

    def test_every_rule_applies_to_some_combination_of_answers(self):
        rules = rules_for(CHECK, PU)
        used = {r["text"] for answers in combinations(PU) for r in pu(**answers)["reasons"] + pu(**answers)["other_reasons"]}
        assert {rule.reason for rule in rules.rules} <= used


def test_every_gu_rule_applies_to_some_combination_of_answers():
    rules = rules_for(CHECK, GU)
    used = {r["text"] for answers in combinations(GU) for r in gu(**answers)["reasons"] + gu(**answers)["other_reasons"]}
    assert {rule.reason for rule in rules.rules} <= used


# ---------------------------------------------------------------------------------------------------------
# Practice examples with a check block for this checker
# ---------------------------------------------------------------------------------------------------------

def _examples():
    for path in sorted(DOCS.glob("*/voorbeelden/*.md")):
        text = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---", 2)[1])
        if isinstance(meta.get("check"), dict) and meta["check"].get("naam") == CHECK:
            yield pytest.param(path.parts[-3], meta["check"], id=meta["id"])


@pytest.mark.parametrize(("code", "check"), list(_examples()))
def test_practice_example_gives_its_expected_verdict(code, check):
    result = outcome(CHECK, code, check["antwoorden"])
    assert result["status"] == "uitkomst"
    assert result["verdict"] == check["verwacht"]


def test_the_covered_practice_examples_have_a_check_block():
    assert {p.id for p in _examples()} >= {"gu-actiecomite-fietsbrug", "gu-participatie-oude-buurt"}
