"""Checker 'relaties': must I report this private relationship at work, and to whom?

One class per organisation, organised by question and outcome. Tests assert verdicts and the
paragraphs an outcome cites (anchors), never wording.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from checkers.engine import holds
from tests.checkers.conftest import answer_combinations, TODAY, anchors, outcome, rules_for
from tests.conftest import DOCS

CHECKER = "relaties"
UT, PU, GU = "universiteit-twente", "provincie-utrecht", "gemeente-utrecht"


def ut(**answers: str) -> dict[str, Any]:
    return outcome(CHECKER, UT, answers)


def pu(**answers: str) -> dict[str, Any]:
    return outcome(CHECKER, PU, answers)


def gu(**answers: str) -> dict[str, Any]:
    return outcome(CHECKER, GU, answers)


def student(relatie="liefde", cvb="nee", student_rol="ja", risico="ja"):
    answers = dict(relatie=relatie, wie="student", cvb=cvb, risico=risico)
    if cvb == "nee":
        answers["student_rol"] = student_rol
    return ut(**answers)


def manager(relatie="liefde", cvb="nee", positie="ik", risico="ja"):
    answers = dict(relatie=relatie, wie="collega", cvb=cvb, collega_rol="leidinggevende", risico=risico)
    if cvb == "nee":
        answers["positie"] = positie
    return ut(**answers)


def colleague(relatie="liefde", cvb="nee", rang="ik", risico="ja"):
    answers = dict(relatie=relatie, wie="collega", cvb=cvb, collega_rol="beoordelen", risico=risico)
    if cvb == "nee":
        answers["rang"] = rang
    return ut(**answers)


def external(relatie="liefde", cvb="nee", extern_rol="ja", risico="ja"):
    return ut(relatie=relatie, wie="extern", cvb=cvb, extern_rol=extern_rol, risico=risico)


M = "meldplicht.md#afspraak-"
R = "relaties.md#afspraak-"
NA = "melding-en-maatregelen.md#afspraak-"


def all_answer_sets(code: str):
    return answer_combinations(CHECKER, code)


class TestEveryCombination:
    @pytest.mark.parametrize("code", [UT, PU, GU])
    def test_every_combination_of_answers_reaches_an_outcome_from_a_rule_with_a_source(self, code):
        rules = rules_for(CHECKER, code)
        combos = all_answer_sets(code)
        assert len(combos) > 5
        for answers in combos:
            result = outcome(CHECKER, code, answers)
            assert result["status"] == "uitkomst", answers
            assert result["sources"], answers
            assert any(holds(rule, answers, rules, TODAY) for rule in rules.rules), \
                f"only the standaard outcome applies to {answers}"

    @pytest.mark.parametrize("code", [UT, PU, GU])
    def test_every_rule_is_reached_by_some_combination_of_answers(self, code):
        rules = rules_for(CHECKER, code)
        combos = all_answer_sets(code)
        for number, rule in enumerate(rules.rules, 1):
            assert any(holds(rule, answers, rules, TODAY) for answers in combos), f"regel {number}"


class TestUniversiteitTwente:
    # --- Vraag: relatie ----------------------------------------------------------------------------
    def test_without_a_family_love_or_friendship_relation_there_is_nothing_to_report(self):
        result = ut(relatie="geen")
        assert result["verdict"] == "geen-meldplicht"
        assert {R + "2-1", M + "7-1"} <= anchors(result)

    def test_after_the_relation_question_the_other_questions_are_hidden_when_there_is_no_relation(self):
        assert ut(relatie="geen")["visible"] == ["relatie"]

    def test_an_empty_form_asks_for_the_relation_first(self):
        result = ut()
        assert result["status"] == "onvolledig"
        assert result["next_question"] == "relatie"

    # --- Student (artikel 6) -----------------------------------------------------------------------
    def test_an_employee_with_a_professional_and_a_love_relation_with_a_student_reports_to_the_manager(self):
        result = student(relatie="liefde", risico="ja")
        assert result["verdict"] == "melden"
        assert not result["ambiguous"]
        assert {M + "6-4", M + "6-3", M + "6-5", M + "6-7", NA + "10-1", NA + "10-2"} <= anchors(result)

    def test_a_family_relation_with_a_student_counts_the_same_as_a_love_relation(self):
        assert student(relatie="familie")["verdict"] == "melden"

    def test_reporting_a_student_relation_when_unsure_about_the_risk_is_marked_ambiguous_with_both_texts(self):
        result = student(risico="weet-niet")
        assert result["verdict"] == "melden"
        assert result["ambiguous"]
        assert {M + "6-4", M + "5-2", M + "9-2"} <= anchors(result)
        assert any(r["verdict"] == "twijfel" for r in result["other_reasons"])

    def test_a_student_relation_without_integrity_risk_is_ambiguous_between_5_2_and_6_4(self):
        result = student(risico="nee")
        assert result["verdict"] == "onduidelijk"
        assert {M + "6-4", M + "5-2", M + "6-1", M + "9-1", M + "9-2"} <= anchors(result)

    @pytest.mark.parametrize("risico", ["ja", "nee", "weet-niet"])
    def test_a_friendship_with_a_student_one_teaches_is_ambiguous_between_2_1_2_2_and_6_4(self, risico):
        result = student(relatie="vriendschap", risico=risico)
        assert result["verdict"] == "onduidelijk"
        assert {R + "2-1", R + "2-2", M + "6-4", M + "9-2"} <= anchors(result)

    def test_without_a_professional_role_a_student_relation_with_integrity_risk_is_reported_under_5_2(self):
        result = student(student_rol="nee", risico="ja")
        assert result["verdict"] == "melden"
        assert {M + "5-2", M + "5-3", M + "6-4"} <= anchors(result)

    def test_without_a_professional_role_and_without_risk_a_student_relation_need_not_be_reported(self):
        result = student(student_rol="nee", risico="nee")
        assert result["verdict"] == "geen-meldplicht"
        assert {M + "5-2", R + "4-2"} <= anchors(result)

    def test_without_a_professional_role_doubt_about_the_risk_means_ask_advice_and_report_if_doubt_remains(self):
        result = student(student_rol="nee", risico="weet-niet")
        assert result["verdict"] == "twijfel"
        assert anchors(result) == {M + "9-1", M + "9-2"}

    def test_a_friendship_with_a_student_without_a_professional_role_but_with_risk_is_ambiguous(self):
        result = student(relatie="vriendschap", student_rol="nee", risico="ja")
        assert result["verdict"] == "onduidelijk"
        assert {M + "5-2", R + "2-1", R + "2-2"} <= anchors(result)

    # --- CvB en student (6.6) ---------------------------------------------------------------------
    def test_the_professional_role_question_is_not_asked_of_a_board_member(self):
        result = ut(relatie="liefde", wie="student", cvb="ja")
        assert "student_rol" not in result["visible"]
        assert result["next_question"] == "risico"

    def test_a_board_member_reports_a_relation_with_a_student_to_the_supervisory_board_chair_and_the_board(self):
        result = student(cvb="ja", risico="ja")
        assert result["verdict"] == "melden"
        assert {M + "6-6", M + "6-7", NA + "11-1", NA + "11-2"} <= anchors(result)
        assert M + "6-4" not in anchors(result)

    def test_a_board_member_unsure_about_the_risk_reports_with_an_ambiguity_note(self):
        result = student(cvb="ja", risico="weet-niet")
        assert result["verdict"] == "melden"
        assert result["ambiguous"]
        assert {M + "6-6", M + "5-2", M + "9-2"} <= anchors(result)

    def test_a_board_member_who_sees_no_risk_gets_the_ambiguity_between_5_2_and_6_6(self):
        result = student(cvb="ja", risico="nee")
        assert result["verdict"] == "onduidelijk"
        assert {M + "6-6", M + "5-2"} <= anchors(result)

    def test_a_board_member_friendship_with_a_student_is_ambiguous(self):
        result = student(relatie="vriendschap", cvb="ja", risico="ja")
        assert result["verdict"] == "onduidelijk"
        assert {M + "6-6", R + "2-1", R + "2-2"} <= anchors(result)

    # --- Leidinggevende en ondergeschikte (artikel 8a) ----------------------------------------------
    def test_a_manager_reports_a_love_relation_with_a_subordinate_to_their_own_manager(self):
        result = manager(positie="ik")
        assert result["verdict"] == "melden"
        assert not result["ambiguous"]
        assert {M + "8a-2", M + "8a-4", M + "8a-5", M + "8a-7", NA + "10-1", NA + "12-3"} <= anchors(result)

    def test_a_subordinate_learns_that_the_manager_reports_the_relation(self):
        result = manager(positie="ander")
        assert result["verdict"] == "melden"
        assert {M + "8a-2", M + "8a-4", M + "8a-7", NA + "10-1"} <= anchors(result)

    def test_the_position_question_is_asked_only_for_a_manager_and_subordinate(self):
        shown = ut(relatie="liefde", wie="collega", cvb="nee", collega_rol="leidinggevende")["visible"]
        assert "positie" in shown and "rang" not in shown

    def test_a_manager_unsure_about_the_risk_reports_with_the_ambiguity_between_5_2_and_8a_2(self):
        result = manager(risico="weet-niet")
        assert result["verdict"] == "melden"
        assert result["ambiguous"]
        assert {M + "8a-2", M + "5-2", M + "9-2"} <= anchors(result)

    @pytest.mark.parametrize("positie", ["ik", "ander"])
    def test_a_manager_relation_without_integrity_risk_is_ambiguous_between_5_2_and_8a_2(self, positie):
        result = manager(positie=positie, risico="nee")
        assert result["verdict"] == "onduidelijk"
        assert {M + "8a-2", M + "5-2", R + "3-6", M + "9-2"} <= anchors(result)

    def test_a_board_member_with_a_subordinate_reports_to_the_supervisory_board_chair_under_8a_6(self):
        result = manager(cvb="ja")
        assert result["verdict"] == "melden"
        assert {M + "8a-6", M + "8a-7", NA + "11-1"} <= anchors(result)

    @pytest.mark.parametrize("positie", ["ik", "ander"])
    def test_friends_in_a_manager_relation_fall_under_7_2_and_carry_the_8_and_8a_ambiguity(self, positie):
        result = manager(relatie="vriendschap", positie=positie)
        assert result["verdict"] == "melden"
        assert result["ambiguous"]
        assert {M + "7-2", M + "8a-3", M + "8a-4", M + "8a-2", R + "2-1"} <= anchors(result)

    def test_friends_in_a_manager_relation_without_risk_is_ambiguous(self):
        result = manager(relatie="vriendschap", risico="nee")
        assert result["verdict"] == "onduidelijk"
        assert {M + "7-2", M + "8a-3", M + "5-2"} <= anchors(result)

    # --- Collega's in een beoordelende relatie (artikel 7 en de meldplicht onder 8a) -----------------
    def test_the_highest_in_rank_reports_and_the_rule_cites_both_article_7_and_8a(self):
        result = colleague(rang="ik")
        assert result["verdict"] == "melden"
        assert result["ambiguous"]
        assert {M + "7-2", M + "8a-3", M + "8a-4", M + "8a-5", M + "8a-7", M + "5-2", NA + "10-1"} <= anchors(result)

    def test_when_the_other_is_highest_in_rank_the_other_reports(self):
        result = colleague(rang="ander")
        assert result["verdict"] == "melden"
        assert {M + "7-2", M + "8a-4", M + "8a-3"} <= anchors(result)

    def test_colleagues_of_equal_rank_both_report_to_their_own_manager(self):
        result = colleague(rang="gelijk")
        assert result["verdict"] == "melden"
        assert {M + "7-2", M + "8a-4", M + "8a-3"} <= anchors(result)

    @pytest.mark.parametrize("relatie", ["familie", "liefde", "vriendschap"])
    def test_friends_partners_and_family_who_evaluate_each_other_are_all_covered_by_7_2(self, relatie):
        assert colleague(relatie=relatie)["verdict"] == "melden"

    def test_the_rank_question_is_asked_only_when_colleagues_evaluate_each_other(self):
        shown = ut(relatie="liefde", wie="collega", cvb="nee", collega_rol="beoordelen")["visible"]
        assert "rang" in shown and "positie" not in shown

    def test_colleagues_who_evaluate_each_other_and_are_unsure_report_with_the_ambiguity_noted(self):
        result = colleague(risico="weet-niet")
        assert result["verdict"] == "melden"
        assert result["ambiguous"]
        assert {M + "8a-4", M + "5-2", M + "9-2"} <= anchors(result)

    def test_colleagues_who_evaluate_each_other_without_risk_is_ambiguous(self):
        result = colleague(risico="nee")
        assert result["verdict"] == "onduidelijk"
        assert {M + "7-2", M + "8a-3", M + "8a-4", M + "5-2", M + "9-1", M + "9-2"} <= anchors(result)

    def test_a_board_member_who_evaluates_a_colleague_reports_under_8a_6(self):
        result = colleague(cvb="ja")
        assert result["verdict"] == "melden"
        assert "rang" not in result["visible"]
        assert {M + "8a-6", M + "7-2", M + "8a-3", NA + "11-1"} <= anchors(result)

    # --- Collega's zonder zo'n rol: de algemene regel 5.2 ---------------------------------------------
    @pytest.mark.parametrize("relatie", ["familie", "liefde", "vriendschap"])
    def test_colleagues_without_such_a_role_report_when_there_is_an_integrity_risk(self, relatie):
        result = ut(relatie=relatie, wie="collega", cvb="nee", collega_rol="anders", risico="ja")
        assert result["verdict"] == "melden"
        assert {M + "5-2", M + "5-3", M + "8a-4"} <= anchors(result)

    def test_colleagues_without_such_a_role_and_without_risk_need_not_report(self):
        result = ut(relatie="liefde", wie="collega", cvb="nee", collega_rol="anders", risico="nee")
        assert result["verdict"] == "geen-meldplicht"
        assert {M + "5-2", M + "7-2"} <= anchors(result)

    def test_colleagues_without_such_a_role_who_doubt_ask_advice_first(self):
        result = ut(relatie="liefde", wie="collega", cvb="nee", collega_rol="anders", risico="weet-niet")
        assert result["verdict"] == "twijfel"
        assert anchors(result) == {M + "9-1", M + "9-2"}

    # --- Externe relatie (artikel 8) ------------------------------------------------------------------
    def test_an_employee_who_supervises_a_supplier_informs_the_manager_of_a_family_relation(self):
        result = external(relatie="familie")
        assert result["verdict"] == "melden"
        assert not result["ambiguous"]
        assert {M + "8-3", M + "8-1", M + "8-4", M + "8-6", NA + "10-1"} <= anchors(result)

    def test_a_board_member_with_an_external_relation_reports_under_8_5(self):
        result = external(cvb="ja")
        assert result["verdict"] == "melden"
        assert {M + "8-5", M + "8-6", NA + "11-1"} <= anchors(result)
        assert M + "8-3" not in anchors(result)

    def test_an_external_relation_with_doubt_about_the_risk_is_reported_with_the_ambiguity_noted(self):
        result = external(risico="weet-niet")
        assert result["verdict"] == "melden"
        assert result["ambiguous"]
        assert {M + "8-3", M + "5-2", M + "9-2"} <= anchors(result)

    def test_an_external_relation_without_risk_is_ambiguous_between_5_2_and_8_3(self):
        result = external(risico="nee")
        assert result["verdict"] == "onduidelijk"
        assert {M + "8-3", M + "5-2"} <= anchors(result)

    @pytest.mark.parametrize("cvb", ["ja", "nee"])
    def test_a_friendship_with_an_external_relation_one_supervises_is_ambiguous(self, cvb):
        result = external(relatie="vriendschap", cvb=cvb)
        assert result["verdict"] == "onduidelijk"
        assert {M + "8-3", R + "2-1", R + "2-2", M + "9-2"} <= anchors(result)

    def test_without_a_supervising_role_an_external_relation_with_risk_is_reported_under_5_2(self):
        result = external(extern_rol="nee", risico="ja")
        assert result["verdict"] == "melden"
        assert {M + "5-2", M + "5-3", M + "8-3", M + "8-5"} <= anchors(result)

    def test_without_a_supervising_role_and_without_risk_an_external_relation_need_not_be_reported(self):
        result = external(extern_rol="nee", risico="nee")
        assert result["verdict"] == "geen-meldplicht"
        assert {M + "5-2", M + "8-1"} <= anchors(result)

    def test_a_friendship_with_an_external_relation_without_a_role_but_with_risk_is_ambiguous(self):
        result = external(relatie="vriendschap", extern_rol="nee", risico="ja")
        assert result["verdict"] == "onduidelijk"
        assert {M + "5-2", R + "2-1", R + "2-2"} <= anchors(result)

    # --- Vervolg -------------------------------------------------------------------------------------
    def test_every_verdict_comes_with_next_steps(self):
        for result in (student(), student(risico="nee"), student(student_rol="nee", risico="weet-niet"),
                       ut(relatie="geen")):
            assert result["next_steps"], result["verdict"]

    # --- Ongeldige antwoorden --------------------------------------------------------------------------
    def test_an_unknown_relation_is_invalid(self):
        result = ut(relatie="buurman")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"relatie"}

    def test_a_risk_answer_outside_the_options_is_invalid(self):
        result = student(risico="misschien")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"risico"}

    def test_a_yes_no_answer_with_a_capital_is_invalid(self):
        result = ut(relatie="liefde", wie="student", cvb="Ja")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"cvb"}

    def test_a_number_as_answer_is_invalid(self):
        result = outcome(CHECKER, UT, {"relatie": 1})
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"relatie"}

    def test_answers_that_are_not_an_object_are_invalid(self):
        assert outcome(CHECKER, UT, ["liefde"])["status"] == "ongeldig"


class TestProvincieUtrecht:
    # --- Privérelatie met een collega (6.2.1, 6.2.2) --------------------------------------------------
    def test_a_relation_with_a_colleague_that_can_be_an_integrity_risk_is_reported_to_the_manager(self):
        result = pu(wie="collega", relatie="relatie", risico="ja")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"priverelaties.md#afspraak-6-2-1", "priverelaties.md#afspraak-6-2-2"}

    def test_a_relation_with_a_colleague_without_risk_need_not_be_reported(self):
        result = pu(wie="collega", relatie="relatie", risico="nee")
        assert result["verdict"] == "geen-meldplicht"
        assert anchors(result) == {"priverelaties.md#priverelaties-op-het-werk", "priverelaties.md#afspraak-6-2-1"}

    def test_doubt_about_the_risk_is_not_covered_so_the_nearest_rule_says_discuss_it(self):
        result = pu(wie="collega", relatie="relatie", risico="weet-niet")
        assert result["verdict"] == "bespreken"
        assert anchors(result) == {"priverelaties.md#afspraak-6-2-1", "priverelaties.md#afspraak-6-2-5"}

    @pytest.mark.parametrize("risico", ["ja", "weet-niet"])
    def test_another_private_contact_with_a_colleague_is_not_covered_by_the_code(self, risico):
        result = pu(wie="collega", relatie="contact", risico=risico)
        assert result["verdict"] == "onduidelijk"
        assert anchors(result) == {"priverelaties.md#afspraak-6-2-1", "priverelaties.md#afspraak-6-2-5"}

    def test_another_private_contact_with_a_colleague_without_risk_needs_no_report(self):
        assert pu(wie="collega", relatie="contact", risico="nee")["verdict"] == "geen-meldplicht"

    def test_the_tender_question_is_asked_only_for_an_external_party(self):
        assert "aanbesteding" not in pu(wie="collega")["visible"]
        assert "aanbesteding" in pu(wie="extern")["visible"]

    # --- Externe partij (4.1.9, 4.7.10, 6.2.1) -------------------------------------------------------
    @pytest.mark.parametrize("relatie", ["relatie", "contact"])
    @pytest.mark.parametrize("risico", ["ja", "nee", "weet-niet"])
    def test_private_contact_with_a_party_in_a_tender_one_works_on_is_reported_in_advance(self, relatie, risico):
        result = pu(wie="extern", relatie=relatie, aanbesteding="ja", risico=risico)
        assert result["verdict"] == "melden"
        assert "belangenverstrengeling.md#afspraak-4-7-10" in anchors(result)

    def test_a_relation_with_an_external_party_that_can_be_an_integrity_risk_is_reported(self):
        result = pu(wie="extern", relatie="relatie", aanbesteding="nee", risico="ja")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"priverelaties.md#afspraak-6-2-1", "priverelaties.md#afspraak-6-2-2"}

    @pytest.mark.parametrize("relatie", ["relatie", "contact"])
    def test_private_contact_with_a_business_relation_is_something_to_talk_about(self, relatie):
        result = pu(wie="extern", relatie=relatie, aanbesteding="nee", risico="nee")
        assert result["verdict"] == "bespreken"
        assert "geschenken-en-uitnodigingen.md#afspraak-4-1-9" in anchors(result)

    # --- Ongewenste privécontacten (6.2.3 - 6.2.5) ----------------------------------------------------
    def test_contact_with_someone_who_structurally_breaks_the_law_is_discussed(self):
        result = pu(wie="omstreden")
        assert result["verdict"] == "bespreken"
        assert result["visible"] == ["wie"]
        assert anchors(result) == {"priverelaties.md#afspraak-6-2-5", "priverelaties.md#afspraak-6-2-4",
                                   "priverelaties.md#afspraak-6-2-3"}

    # --- Ongeldige antwoorden --------------------------------------------------------------------------
    def test_an_unknown_person_is_invalid(self):
        result = pu(wie="buurman")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"wie"}

    def test_a_tender_answer_that_is_not_yes_or_no_is_invalid(self):
        result = pu(wie="extern", relatie="contact", aanbesteding="misschien", risico="ja")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"aanbesteding"}


class TestGemeenteUtrecht:
    # --- Mogelijk onwenselijke privérelaties en contacten (8.2) -----------------------------------------
    @pytest.mark.parametrize("wie", ["werk", "prive"])
    @pytest.mark.parametrize("onwenselijk", ["ja", "weet-niet"])
    def test_a_possibly_undesirable_relation_or_contact_is_discussed_with_the_manager(self, wie, onwenselijk):
        result = gu(wie=wie, onwenselijk=onwenselijk, belang="nee")
        assert result["verdict"] == "bespreken"
        assert anchors(result) == {"privesfeer.md#afspraak-8-2"}

    def test_an_acquaintance_in_private_life_without_anything_undesirable_needs_no_report(self):
        result = gu(wie="prive", onwenselijk="nee", belang="nee")
        assert result["verdict"] == "geen-meldplicht"
        assert anchors(result) == {"privesfeer.md#afspraak-8-2", "privesfeer.md#afspraak-8-1"}

    def test_a_relation_with_someone_met_at_work_without_anything_undesirable_needs_no_report(self):
        result = gu(wie="werk", onwenselijk="nee", belang="nee")
        assert result["verdict"] == "geen-meldplicht"
        assert anchors(result) == {"privesfeer.md#afspraak-8-2"}

    # --- Belangen van familie of vrienden (3.3) ---------------------------------------------------------
    @pytest.mark.parametrize("wie", ["collega", "werk", "prive"])
    def test_interests_of_family_or_friends_that_touch_your_work_are_discussed(self, wie):
        answers = dict(wie=wie, onwenselijk="nee", belang="ja")
        if wie == "collega":
            answers["hierarchie"] = "nee"
        result = gu(**answers)
        assert result["verdict"] == "bespreken"
        assert {"belangenverstrengeling.md#afspraak-3-3", "belangenverstrengeling.md#afspraak-3-1"} <= anchors(result)

    # --- Collega's: de code zegt er niets over ----------------------------------------------------------
    def test_the_hierarchy_question_is_asked_only_for_a_colleague(self):
        assert "hierarchie" in gu(wie="collega")["visible"]
        assert "hierarchie" not in gu(wie="prive")["visible"]

    def test_a_relation_with_ones_manager_that_may_be_undesirable_is_discussed_under_the_nearest_rule(self):
        result = gu(wie="collega", hierarchie="ja", onwenselijk="ja", belang="nee")
        assert result["verdict"] == "bespreken"
        assert len(result["reasons"]) == 2
        assert anchors(result) == {"privesfeer.md#afspraak-8-2"}

    def test_a_relation_with_ones_manager_that_one_thinks_harmless_is_not_covered_by_the_code(self):
        result = gu(wie="collega", hierarchie="ja", onwenselijk="nee", belang="nee")
        assert result["verdict"] == "onduidelijk"
        assert result["ambiguous"]
        assert anchors(result) == {"privesfeer.md#afspraak-8-2", "hulp.md#twijfel-over-een-keuze"}

    def test_a_relation_with_a_colleague_without_hierarchy_or_anything_undesirable_needs_no_report(self):
        result = gu(wie="collega", hierarchie="nee", onwenselijk="nee", belang="nee")
        assert result["verdict"] == "geen-meldplicht"
        assert anchors(result) == {"privesfeer.md#afspraak-8-2"}

    # --- Ongeldige antwoorden --------------------------------------------------------------------------
    def test_an_undesirability_answer_outside_the_options_is_invalid(self):
        result = gu(wie="prive", onwenselijk="soms", belang="nee")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"onwenselijk"}

    def test_a_missing_answer_leaves_the_outcome_incomplete(self):
        result = gu(wie="prive", onwenselijk="ja")
        assert result["status"] == "onvolledig"
        assert result["next_question"] == "belang"


def _example_checks() -> list[tuple[Path, dict[str, Any]]]:
    found = []
    for path in sorted(DOCS.glob("*/voorbeelden/*.md")):
        text = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---", 2)[1])
        if isinstance(meta, dict) and isinstance(meta.get("check"), dict) and meta["check"].get("naam") == CHECKER:
            found.append((path, meta))
    return found


class TestPracticeExamples:
    def test_the_examples_about_relations_carry_a_check(self):
        ids = {meta["id"] for _, meta in _example_checks()}
        assert {"pu-privecontact-bij-aanbesteding", "gu-kennis-crimineel-circuit"} <= ids

    @pytest.mark.parametrize("path, meta", _example_checks(), ids=lambda v: v.stem if isinstance(v, Path) else "")
    def test_each_example_gets_the_verdict_its_own_answer_gives(self, path, meta):
        result = outcome(CHECKER, meta["organisatie"], meta["check"]["antwoorden"])
        assert result["status"] == "uitkomst"
        assert result["verdict"] == meta["check"]["verwacht"]
