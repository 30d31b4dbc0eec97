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


GU_31 = "belangenverstrengeling.md#afspraak-3-1"
GU_32 = "belangenverstrengeling.md#afspraak-3-2"
GU_33 = "belangenverstrengeling.md#afspraak-3-3"
GU_34 = "belangenverstrengeling.md#afspraak-3-4"
GU_VB_FIN = "belangenverstrengeling.md#voorbeeld-financieel-belang"
GU_VB_PRIVE = "belangenverstrengeling.md#voorbeeld-belang-priveomgeving"
GU_TWIJFEL = "hulp.md#twijfel-over-een-keuze"


class TestGemeenteUtrecht:
    # --- which questions are asked ---

    def test_a_side_activity_asks_whether_it_touches_the_municipality_and_about_higher_management(self):
        result = gu(soort="nevenwerk")
        assert result["status"] == "onvolledig"
        assert result["visible"] == ["soort", "raakt", "hoger_management"]
        assert result["next_question"] == "raakt"

    def test_a_financial_interest_asks_only_whether_it_touches_the_municipality_and_your_work(self):
        assert gu(soort="financieel")["visible"] == ["soort", "raakt_financieel"]

    def test_an_interest_of_family_or_friends_asks_only_whether_it_touches_your_work(self):
        assert gu(soort="prive")["visible"] == ["soort", "raakt_prive"]

    def test_without_answers_the_first_question_is_the_kind_of_situation(self):
        result = gu()
        assert result["status"] == "onvolledig"
        assert result["next_question"] == "soort"

    # --- side activities (3.1, 3.4) ---

    def test_a_side_activity_that_can_touch_the_municipality_is_reported_via_mijnhr(self):
        result = gu(soort="nevenwerk", raakt="ja", hoger_management="nee")
        assert result["verdict"] == "melden"
        assert anchors(result) == {GU_31}
        assert not result["ambiguous"]

    def test_a_reported_side_activity_of_higher_management_is_also_published(self):
        result = gu(soort="nevenwerk", raakt="ja", hoger_management="ja")
        assert result["verdict"] == "melden"
        assert anchors(result) == {GU_31, GU_34}

    def test_a_side_activity_that_cannot_touch_the_municipality_need_not_be_reported(self):
        result = gu(soort="nevenwerk", raakt="nee", hoger_management="nee")
        assert result["verdict"] == "geen-melding"
        assert anchors(result) == {GU_31}

    def test_doubt_whether_a_side_activity_touches_the_municipality_means_discussing_it(self):
        result = gu(soort="nevenwerk", raakt="twijfel", hoger_management="nee")
        assert result["verdict"] == "onduidelijk"
        assert result["ambiguous"]
        assert anchors(result) == {GU_31}

    @pytest.mark.parametrize("raakt", ["nee", "twijfel"])
    def test_higher_management_with_a_side_activity_that_may_not_touch_the_municipality_is_ambiguous(self, raakt):
        # 3.1 limits reporting to side activities that can touch the municipality; 3.4 publishes those of
        # higher management without that limit.
        result = gu(soort="nevenwerk", raakt=raakt, hoger_management="ja")
        assert result["verdict"] == "onduidelijk"
        assert anchors(result) == {GU_31, GU_34}

    # --- financial interests (3.2) ---

    def test_a_financial_interest_that_touches_the_municipality_and_your_work_is_reported(self):
        result = gu(soort="financieel", raakt_financieel="ja")
        assert result["verdict"] == "melden"
        assert anchors(result) == {GU_32, GU_VB_FIN}

    def test_a_financial_interest_unrelated_to_your_work_need_not_be_reported(self):
        result = gu(soort="financieel", raakt_financieel="nee")
        assert result["verdict"] == "geen-melding"
        assert anchors(result) == {GU_32}

    def test_doubt_about_a_financial_interest_points_to_help_with_a_choice(self):
        result = gu(soort="financieel", raakt_financieel="twijfel")
        assert result["verdict"] == "onduidelijk"
        assert anchors(result) == {GU_32, GU_TWIJFEL}

    # --- interests of family and friends (3.3) ---

    @pytest.mark.parametrize("raakt", ["ja", "twijfel"])
    def test_an_interest_of_family_or_friends_that_may_touch_your_work_can_be_relevant_but_is_no_duty(self, raakt):
        result = gu(soort="prive", raakt_prive=raakt)
        assert result["verdict"] == "onduidelijk"
        assert anchors(result) == {GU_33, GU_VB_PRIVE}

    def test_an_interest_of_family_or_friends_unrelated_to_your_work_need_not_be_reported(self):
        result = gu(soort="prive", raakt_prive="nee")
        assert result["verdict"] == "geen-melding"
        assert anchors(result) == {GU_33}

    # --- nothing forbidden, everything reached ---

    def test_the_municipal_code_never_forbids_a_side_activity_or_interest(self):
        assert all(gu(**answers)["verdict"] != "verboden" for answers in combinations(GU))

    def test_every_combination_of_answers_reaches_a_rule_with_sources(self):
        assert_every_combination_reaches_a_rule(CHECK, GU)

    # --- invalid answers ---

    def test_an_unknown_kind_is_invalid(self):
        result = gu(soort="lening")
        assert result["status"] == "ongeldig"
        assert "soort" in result["errors"]

    def test_ja_nee_is_required_for_higher_management(self):
        result = gu(soort="nevenwerk", raakt="ja", hoger_management="misschien")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"hoger_management"}

    def test_a_number_is_not_an_answer_to_a_choice(self):
        result = gu(soort="financieel", raakt_financieel=1)
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"raakt_financieel"}


# ---------------------------------------------------------------------------------------------------------
# Provincie Utrecht: 4.4 financiële belangen, 4.5 nevenwerkzaamheden, 4.8 draaideur
# ---------------------------------------------------------------------------------------------------------

def nw(n: str) -> str:
    return f"nevenwerkzaamheden.md#afspraak-{n.replace('.', '-')}"


def bv(n: str) -> str:
    return f"belangenverstrengeling.md#afspraak-{n.replace('.', '-')}"


PU_221 = "inleiding.md#afspraak-2-2-1"

# A side activity that touches the province, does no harm, uses no province information, below scale 14.
NEVENWERK = dict(soort="nevenwerk", situatie="nieuw", raakt="ja", schade="nee", informatie="nee", schaal14="nee")
# An own financial interest in a designated function, related to the work, not harmful, no inside information.
FINANCIEEL = dict(soort="financieel", van_wie="zelf", aangewezen="ja", relatie="ja", schadelijk="nee",
                  koersgevoelig="nee")


class TestProvincieUtrecht:
    # --- which questions are asked ---

    def test_a_side_activity_asks_about_change_interests_harm_information_and_scale(self):
        assert pu(soort="nevenwerk")["visible"] == ["soort", "situatie", "raakt", "schade", "informatie", "schaal14"]

    def test_a_financial_interest_asks_whose_it_is_designation_relation_harm_and_inside_information(self):
        assert pu(soort="financieel")["visible"] == ["soort", "van_wie", "aangewezen", "relatie", "schadelijk",
                                                     "koersgevoelig"]

    def test_being_hired_while_employed_asks_only_about_the_exception(self):
        assert pu(soort="inhuur_tegelijk")["visible"] == ["soort", "uitzondering"]

    def test_being_hired_after_leaving_asks_only_about_the_two_years(self):
        assert pu(soort="inhuur_later")["visible"] == ["soort", "termijn"]

    # --- side activities: reporting (4.5.2, 4.5.6) and the ambiguity 4.5.2 / 2.2.1 / 4.5.6 ---

    def test_a_side_activity_that_can_touch_the_province_is_reported(self):
        result = pu(**NEVENWERK)
        assert result["verdict"] == "melden"
        assert anchors(result) == {nw("4.5.2"), nw("4.5.6")}

    @pytest.mark.parametrize("raakt", ["nee", "twijfel"])
    def test_which_side_activities_to_report_is_ambiguous_when_it_may_not_touch_the_province(self, raakt):
        result = pu(**{**NEVENWERK, "raakt": raakt})
        assert result["verdict"] == "onduidelijk"
        assert result["ambiguous"]
        assert anchors(result) == {nw("4.5.2"), PU_221, nw("4.5.6")}

    # --- side activities: harm (4.5.3, 4.5.7 - 4.5.9) ---

    def test_possible_harm_that_conditions_can_remedy_is_reported_for_prior_assessment(self):
        result = pu(**{**NEVENWERK, "schade": "voorwaarden"})
        assert result["verdict"] == "melden"
        assert anchors(result) == {nw("4.5.2"), nw("4.5.6"), nw("4.5.7")}

    @pytest.mark.parametrize("raakt", ["nee", "twijfel"])
    def test_possible_harm_makes_reporting_clear_even_if_you_think_it_does_not_touch_the_province(self, raakt):
        result = pu(**{**NEVENWERK, "raakt": raakt, "schade": "voorwaarden"})
        assert result["verdict"] == "melden"
        assert anchors(result) == {nw("4.5.6"), nw("4.5.7")}

    @pytest.mark.parametrize("raakt", ["ja", "nee", "twijfel"])
    def test_harm_that_conditions_cannot_remedy_is_forbidden(self, raakt):
        result = pu(**{**NEVENWERK, "raakt": raakt, "schade": "ja"})
        assert result["verdict"] == "verboden"
        assert anchors(result) == {nw("4.5.3"), nw("4.5.7"), nw("4.5.8"), nw("4.5.9")}

    # --- side activities: province information (4.5.10) ---

    def test_using_province_information_in_a_side_activity_is_forbidden(self):
        result = pu(**{**NEVENWERK, "informatie": "ja"})
        assert result["verdict"] == "verboden"
        assert anchors(result) == {nw("4.5.10")}

    def test_harm_and_using_information_cite_both_prohibitions(self):
        result = pu(**{**NEVENWERK, "schade": "ja", "informatie": "ja"})
        assert result["verdict"] == "verboden"
        assert anchors(result) == {nw("4.5.3"), nw("4.5.7"), nw("4.5.8"), nw("4.5.9"), nw("4.5.10")}

    # --- side activities: change of circumstances (4.5.4) ---

    def test_a_change_such_as_a_new_function_means_reassessing_the_side_activity(self):
        result = pu(**{**NEVENWERK, "situatie": "verandering"})
        assert result["verdict"] == "melden"
        assert anchors(result) == {nw("4.5.2"), nw("4.5.4"), nw("4.5.6")}

    def test_reassessment_does_not_settle_the_ambiguity_for_a_side_activity_that_may_not_touch_the_province(self):
        result = pu(**{**NEVENWERK, "situatie": "verandering", "raakt": "nee"})
        assert result["verdict"] == "onduidelijk"
        assert {r["verdict"] for r in result["other_reasons"]} == {"melden"}

    def test_an_unchanged_existing_side_activity_is_judged_like_a_new_one(self):
        assert pu(**{**NEVENWERK, "situatie": "ongewijzigd"})["verdict"] == "melden"
        assert nw("4.5.4") not in anchors(pu(**{**NEVENWERK, "situatie": "ongewijzigd"}))

    # --- side activities: publication from scale 14 (4.5.5) ---

    def test_scale_14_or_higher_means_an_allowed_side_activity_is_made_public(self):
        result = pu(**{**NEVENWERK, "schaal14": "ja"})
        assert result["verdict"] == "melden"
        assert anchors(result) == {nw("4.5.2"), nw("4.5.5"), nw("4.5.6")}

    def test_publication_is_not_mentioned_as_decisive_for_a_forbidden_side_activity(self):
        result = pu(**{**NEVENWERK, "schaal14": "ja", "schade": "ja"})
        assert result["verdict"] == "verboden"
        assert nw("4.5.5") not in anchors(result)
        assert all("afspraak-4-5-5" not in s["href"] for r in result["other_reasons"] for s in r["sources"])

    def test_below_scale_14_nothing_is_made_public(self):
        assert nw("4.5.5") not in anchors(pu(**NEVENWERK))

    # --- financial interests: who reports (4.4.1 vs 4.4.3 / 4.4.6) ---

    def test_a_designated_risk_function_reports_a_related_financial_interest(self):
        result = pu(**FINANCIEEL)
        assert result["verdict"] == "melden"
        assert anchors(result) == {nw("4.4.1"), nw("4.4.3"), nw("4.4.6")}

    @pytest.mark.parametrize("aangewezen", ["nee", "weet_niet"])
    def test_whether_a_non_designated_function_must_report_a_related_interest_is_ambiguous(self, aangewezen):
        result = pu(**{**FINANCIEEL, "aangewezen": aangewezen})
        assert result["verdict"] == "onduidelijk"
        assert anchors(result) == {nw("4.4.1"), nw("4.4.3"), nw("4.4.6")}

    @pytest.mark.parametrize("relatie", ["nee", "twijfel"])
    def test_a_designated_function_with_an_interest_unrelated_to_the_work_is_ambiguous(self, relatie):
        # 4.4.1 obliges designated functions to report; 4.4.6 requires a relation with the function.
        result = pu(**{**FINANCIEEL, "relatie": relatie})
        assert result["verdict"] == "onduidelijk"
        assert anchors(result) == {nw("4.4.1"), nw("4.4.6")}

    def test_a_non_designated_function_with_an_unrelated_interest_need_not_report(self):
        result = pu(**{**FINANCIEEL, "aangewezen": "nee", "relatie": "nee"})
        assert result["verdict"] == "geen-melding"
        assert anchors(result) == {nw("4.4.1"), nw("4.4.6")}

    def test_not_knowing_the_designation_of_an_unrelated_interest_is_ambiguous(self):
        result = pu(**{**FINANCIEEL, "aangewezen": "weet_niet", "relatie": "nee"})
        assert result["verdict"] == "onduidelijk"
        assert anchors(result) == {nw("4.4.1"), nw("4.4.2"), nw("4.4.6")}

    @pytest.mark.parametrize("aangewezen", ["nee", "weet_niet"])
    def test_doubt_about_the_relation_points_to_the_manager_or_a_confidential_adviser(self, aangewezen):
        result = pu(**{**FINANCIEEL, "aangewezen": aangewezen, "relatie": "twijfel"})
        assert result["verdict"] == "onduidelijk"
        assert anchors(result) == {nw("4.4.3"), nw("4.4.6"), nw("4.4.7")}

    # --- financial interests of a partner (4.4.7) ---

    def test_a_partners_related_interest_is_ambiguous_even_in_a_designated_function(self):
        result = pu(**{**FINANCIEEL, "van_wie": "partner"})
        assert result["verdict"] == "onduidelijk"
        assert anchors(result) == {nw("4.4.7")}

    def test_a_partners_unrelated_interest_in_a_non_designated_function_need_not_be_reported(self):
        result = pu(**{**FINANCIEEL, "van_wie": "partner", "aangewezen": "nee", "relatie": "nee"})
        assert result["verdict"] == "geen-melding"
        assert anchors(result) == {nw("4.4.1"), nw("4.4.6")}

    @pytest.mark.parametrize("aangewezen", ["ja", "weet_niet"])
    def test_a_partners_unrelated_interest_in_a_possibly_designated_function_is_ambiguous(self, aangewezen):
        result = pu(**{**FINANCIEEL, "van_wie": "partner", "aangewezen": aangewezen, "relatie": "nee"})
        assert result["verdict"] == "onduidelijk"
        assert nw("4.4.7") in anchors(result)

    # --- financial interests: forbidden (4.4.4, 4.4.5) ---

    def test_a_harmful_financial_interest_is_forbidden(self):
        result = pu(**{**FINANCIEEL, "schadelijk": "ja"})
        assert result["verdict"] == "verboden"
        assert anchors(result) == {nw("4.4.4"), nw("4.4.6")}

    def test_inside_information_must_not_be_used(self):
        result = pu(**{**FINANCIEEL, "aangewezen": "nee", "relatie": "nee", "koersgevoelig": "ja"})
        assert result["verdict"] == "verboden"
        assert anchors(result) == {nw("4.4.5")}

    # --- revolving door: hired while employed (4.8.1 vs 4.8.3) ---

    def test_an_employee_may_not_also_work_for_the_province_as_an_external(self):
        result = pu(soort="inhuur_tegelijk", uitzondering="geen")
        assert result["verdict"] == "verboden"
        assert anchors(result) == {bv("4.8.1"), bv("4.8.3")}

    def test_the_high_exception_is_ambiguous(self):
        result = pu(soort="inhuur_tegelijk", uitzondering="hoge")
        assert result["verdict"] == "onduidelijk"
        assert result["ambiguous"]
        assert anchors(result) == {bv("4.8.1"), bv("4.8.3")}

    # --- revolving door: the two-year rule (4.8.2, 4.8.3; 'ontslag' vs 'vertrek') ---

    def test_hiring_within_two_years_after_leaving_is_forbidden(self):
        result = pu(soort="inhuur_later", termijn="binnen")
        assert result["verdict"] == "verboden"
        assert anchors(result) == {bv("4.8.2"), bv("4.8.3")}

    def test_after_two_years_the_revolving_door_rule_no_longer_applies(self):
        result = pu(soort="inhuur_later", termijn="na")
        assert result["verdict"] == "geen-melding"
        assert anchors(result) == {bv("4.8.2"), bv("4.8.3")}

    def test_dismissal_and_departure_dates_on_either_side_of_two_years_are_ambiguous(self):
        result = pu(soort="inhuur_later", termijn="verschil")
        assert result["verdict"] == "onduidelijk"
        assert anchors(result) == {bv("4.8.2"), bv("4.8.3")}

    # --- everything reached ---

    def test_every_combination_of_answers_reaches_a_rule_with_sources(self):
        assert_every_combination_reaches_a_rule(CHECK, PU)

    def test_every_rule_applies_to_some_combination_of_answers(self):
        rules = rules_for(CHECK, PU)
        used = {r["text"] for answers in combinations(PU) for r in pu(**answers)["reasons"] + pu(**answers)["other_reasons"]}
        assert {rule.reason for rule in rules.rules} <= used

    # --- invalid answers ---

    def test_an_unknown_kind_is_invalid(self):
        result = pu(soort="detachering")
        assert result["status"] == "ongeldig"
        assert "soort" in result["errors"]

    def test_ja_nee_is_required_for_scale_14(self):
        result = pu(**{**NEVENWERK, "schaal14": "14"})
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"schaal14"}

    def test_an_unknown_term_for_the_two_year_rule_is_invalid(self):
        result = pu(soort="inhuur_later", termijn="1 jaar")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"termijn"}

    def test_an_answer_to_a_hidden_question_is_ignored(self):
        result = pu(soort="inhuur_later", termijn="na", schaal14="ja")
        assert result["status"] == "uitkomst"
        assert "schaal14" not in result["visible"]


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
