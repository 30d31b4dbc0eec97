"""Check 'geschenken' (gifts and invitations): Gemeente Utrecht and Provincie Utrecht.

Organised per organisation by question and outcome. Asserts verdicts and cited anchors, never wording.
"""
from __future__ import annotations

import pytest

from build_scripts.content_model import read_pages
from tests.checkers.conftest import answer_combinations, outcome
from tests.conftest import DOCS

GU = "gemeente-utrecht"
PU = "provincie-utrecht"


def gu(**answers):
    return outcome("geschenken", GU, answers)


def pu(**answers):
    return outcome("geschenken", PU, answers)


class TestProvincieUtrecht:
    def test_an_answer_to_a_question_of_another_organisation_is_reported_as_unknown(self):
        result = pu(soort="geschenk", waarde="10", huisadres="nee", aanbesteding="nee", bedoeling="nee",
                    beleefdheid="nee", onderhandeling="nee")
        assert result["unknown"] == ["onderhandeling"]


# --- every combination of answers reaches an outcome with at least one source ---

def _all_answer_sets(code):
    return answer_combinations("geschenken", code)


@pytest.mark.parametrize("code", [GU, PU])
def test_every_combination_of_answers_reaches_an_outcome_with_a_source(code):
    count = 0
    for answers in _all_answer_sets(code):
        result = outcome("geschenken", code, answers)
        assert result["status"] == "uitkomst", answers
        assert result["sources"], answers
        count += 1
    assert count > 10


# --- practice examples carry the expected verdict ---

EXAMPLES = [p for p in read_pages(DOCS)[0].values()
            if p.kind == "voorbeeld" and (p.meta.get("check") or {}).get("naam") == "geschenken"]


def test_the_gift_examples_of_both_organisations_are_checked():
    ids = {p.meta["id"] for p in EXAMPLES}
    assert {"gu-bos-bloemen", "gu-flessen-wijn", "gu-goodiebag-waardebonnen", "gu-rondvaart-projectteam",
            "pu-fles-wijn-na-presentatie", "pu-geschenk-tijdens-aanbesteding", "pu-sportevenement-vip-lounge",
            "pu-spreker-commercieel-congres"} <= ids


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.meta["id"])
def test_each_example_gives_the_verdict_its_answer_describes(example):
    check = example.meta["check"]
    result = outcome("geschenken", example.organisation, check["antwoorden"])
    assert result["status"] == "uitkomst", result
    assert not result["unknown"]
    assert result["verdict"] == check["verwacht"]
