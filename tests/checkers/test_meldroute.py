"""Checker 'meldroute' ("Waar kan ik terecht?") for the four organisations.

One class per organisation, organised by question and outcome. Each test asserts the verdict and
the cited paragraphs (page.md#anchor), never the wording. A first class checks all four rule files
as a whole: every combination of answers ends in an outcome with sources, every rule is reachable,
and every source is a published, stable anchor.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from checkers import CHECKERS
from tests.checkers.conftest import answer_combinations, anchors, outcome, rules_for

CHECK = "meldroute"
CODES = ["universiteit-twente", "gemeente-utrecht", "provincie-utrecht", "universiteit-maastricht"]
STABLE_ANCHORS = {line for line in (Path(__file__).parents[1] / "content" / "anchors.txt")
                  .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}


def run(code: str, **answers: str) -> dict:
    return outcome(CHECK, code, answers)


def all_answer_sets(code: str) -> list[dict[str, str]]:
    return answer_combinations(CHECK, code)


class TestAlleOrganisaties:
    @pytest.mark.parametrize("code", CODES)
    def test_the_rule_file_loads_and_opens_on_the_help_page(self, code):
        rules = rules_for(CHECK, code)
        assert rules.page == "../hulp.md"
        assert rules.page_url == f"{code}/hulp/"

    @pytest.mark.parametrize("code", CODES)
    def test_every_combination_of_answers_ends_in_an_outcome_with_sources(self, code):
        for answers in all_answer_sets(code):
            result = run(code, **answers)
            assert result["verdict"] in CHECKERS[CHECK], answers
            assert result["sources"], answers
            assert result["next_steps"], answers

    @pytest.mark.parametrize("code", CODES)
    def test_no_combination_falls_through_to_the_default(self, code):
        rules = rules_for(CHECK, code)
        for answers in all_answer_sets(code):
            texts = [r["text"] for r in run(code, **answers)["reasons"]]
            assert rules.default.reason not in texts, answers

    @pytest.mark.parametrize("code", CODES)
    def test_every_rule_is_reached_by_some_answers(self, code):
        rules = rules_for(CHECK, code)
        reached = set()
        for answers in all_answer_sets(code):
            result = run(code, **answers)
            reached |= {r["text"] for r in result["reasons"] + result["other_reasons"]}
        assert [r.reason for r in rules.rules if r.reason not in reached] == []

    @pytest.mark.parametrize("code", CODES)
    def test_every_source_is_a_published_stable_anchor(self, code):
        rules = rules_for(CHECK, code)
        hrefs = {s.href for r in rules.rules + (rules.default,) for s in r.sources}
        assert sorted(hrefs - STABLE_ANCHORS) == []

    @pytest.mark.parametrize("code", CODES)
    def test_every_verdict_used_has_next_steps(self, code):
        rules = rules_for(CHECK, code)
        used = {r.outcome for r in rules.rules} | {rules.default.outcome}
        assert all(rules.outcome(key).next_steps for key in used)


class TestGemeenteUtrecht:
    CODE = "gemeente-utrecht"

    def go(self, **answers):
        return run(self.CODE, **answers)

    def test_the_code_offers_no_direct_external_report(self):
        for answers in all_answer_sets(self.CODE):
            assert self.go(**answers)["verdict"] != "extern", answers

    def test_unequal_treatment_starts_with_examples_a_confidant_and_a_talk_with_the_manager(self):
        result = self.go(onderwerp="ongelijk", gesprek_gehad="nee")
        assert result["verdict"] == "advies"
        assert anchors(result) == {"hulp.md#ongelijke-behandeling"}

    def test_the_verdict_labels_fit_this_code(self):
        assert self.go(onderwerp="afhandeling", nagevraagd="ja")["verdict_label"].startswith("Vraag na")


class TestUniversiteitMaastricht:
    CODE = "universiteit-maastricht"

    def go(self, **answers):
        return run(self.CODE, **answers)

    def test_the_report_offers_no_external_route(self):
        for answers in all_answer_sets(self.CODE):
            assert self.go(**answers)["verdict"] != "extern", answers

    # Vraag 'strafbaar': vertrouwelijkheid bij een strafbaar feit is niet eenduidig (2.1b tegenover 2.1e).
    @pytest.mark.parametrize("wens, phd", [("luisteren", "nee"), ("luisteren", "ja"), ("neutraal", None),
                                           ("melden", None), ("formeel", None)])
    def test_a_possible_crime_makes_confidentiality_ambiguous_for_every_team_sv_route(self, wens, phd):
        answers = {"onderwerp": "ongewenst", "wens": wens, "strafbaar": "ja"}
        if phd:
            answers["phd"] = phd
        result = self.go(**answers)
        assert result["verdict"] == "onduidelijk"
        assert result["ambiguous"] is True
        assert anchors(result) == {"hulp.md#afspraak-2-1b", "hulp.md#afspraak-2-1e", "hulp.md#vertrouwelijkheid",
                                   "missie.md#afspraak-2-2c", "hulp.md#aangifte"}
        assert result["other_reasons"], "the route itself stays visible"

