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

    @pytest.mark.parametrize("code", CODES)
    def test_an_unknown_subject_is_invalid(self, code):
        result = run(code, onderwerp="iets-anders")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"onderwerp"}

    @pytest.mark.parametrize("code", CODES)
    def test_without_answers_the_first_question_is_the_subject(self, code):
        result = run(code)
        assert result["status"] == "onvolledig"
        assert result["next_question"] == "onderwerp"


class TestUniversiteitTwente:
    CODE = "universiteit-twente"

    def go(self, **answers):
        return run(self.CODE, **answers)

    # Vraag 'onderwerp': de code gaat alleen over privérelaties.
    @pytest.mark.parametrize("onderwerp", ["ongewenst", "omstander"])
    def test_unwanted_behaviour_is_not_covered_and_points_to_the_help_page(self, onderwerp):
        result = self.go(onderwerp=onderwerp)
        assert result["verdict"] == "advies"
        assert anchors(result) == {"index.md#inleiding", "hulp.md#vertrouwenspersoon"}
        assert result["visible"] == ["onderwerp"]

    @pytest.mark.parametrize("onderwerp", ["vermoeden", "anders"])
    def test_a_suspicion_or_other_doubt_is_not_covered_and_points_to_the_help_page(self, onderwerp):
        result = self.go(onderwerp=onderwerp)
        assert result["verdict"] == "advies"
        assert anchors(result) == {"index.md#inleiding", "hulp.md#vertrouwenspersoon"}

    # Vraag 'doel': twijfel, melden of klacht.
    def test_doubt_about_a_relationship_means_confidential_advice_from_hr_or_a_confidant(self):
        result = self.go(onderwerp="relatie", doel="twijfel")
        assert result["verdict"] == "advies"
        assert anchors(result) == {"meldplicht.md#afspraak-9-1", "meldplicht.md#afspraak-9-2"}

    def test_disagreeing_with_how_a_report_was_handled_means_a_complaint(self):
        result = self.go(onderwerp="relatie", doel="klacht")
        assert result["verdict"] == "klacht"
        assert anchors(result) == {"melding-en-maatregelen.md#afspraak-13-1",
                                   "melding-en-maatregelen.md#afspraak-13-2"}

    def test_reporting_asks_about_the_board_then_the_other_person(self):
        assert self.go(onderwerp="relatie", doel="melden")["next_question"] == "cvb"
        assert self.go(onderwerp="relatie", doel="melden", cvb="nee")["next_question"] == "ander"
        assert self.go(onderwerp="relatie", doel="melden", cvb="ja")["visible"] == ["onderwerp", "doel", "cvb"]

    # Vraag 'cvb'.
    def test_a_board_member_reports_to_the_supervisory_board_chair_and_the_board(self):
        result = self.go(onderwerp="relatie", doel="melden", cvb="ja")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"meldplicht.md#afspraak-6-6", "meldplicht.md#afspraak-8a-6",
                                   "meldplicht.md#afspraak-8-5"}

    # Vraag 'ander'.
    def test_a_relationship_with_a_student_is_reported_to_your_manager(self):
        result = self.go(onderwerp="relatie", doel="melden", cvb="nee", ander="student")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"meldplicht.md#afspraak-6-3", "meldplicht.md#afspraak-6-4",
                                   "meldplicht.md#afspraak-6-5", "meldplicht.md#afspraak-6-7"}

    def test_a_manager_reports_a_relationship_with_a_subordinate_to_their_own_manager(self):
        result = self.go(onderwerp="relatie", doel="melden", cvb="nee", ander="ondergeschikte")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"meldplicht.md#afspraak-8a-2", "meldplicht.md#afspraak-8a-5",
                                   "meldplicht.md#afspraak-8a-7"}

    def test_with_your_own_manager_the_manager_reports_higher_up(self):
        result = self.go(onderwerp="relatie", doel="melden", cvb="nee", ander="leidinggevende")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"meldplicht.md#afspraak-8a-2", "meldplicht.md#afspraak-8a-4",
                                   "meldplicht.md#afspraak-8a-5", "meldplicht.md#afspraak-8a-7"}

    def test_colleagues_checking_each_others_work_is_ambiguous_8_and_8a_versus_article_7(self):
        result = self.go(onderwerp="relatie", doel="melden", cvb="nee", ander="collega")
        assert result["verdict"] == "onduidelijk"
        assert result["ambiguous"] is True
        assert anchors(result) == {"meldplicht.md#afspraak-7-2", "meldplicht.md#afspraak-8a-3",
                                   "meldplicht.md#afspraak-8a-4", "meldplicht.md#afspraak-9-1",
                                   "meldplicht.md#afspraak-9-2"}

    def test_an_external_relation_is_reported_to_your_manager(self):
        result = self.go(onderwerp="relatie", doel="melden", cvb="nee", ander="extern")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"meldplicht.md#afspraak-8-1", "meldplicht.md#afspraak-8-3",
                                   "meldplicht.md#afspraak-8-4", "meldplicht.md#afspraak-8-6"}

    def test_any_other_relationship_falls_back_on_the_integrity_risk_rule_and_advice(self):
        result = self.go(onderwerp="relatie", doel="melden", cvb="nee", ander="anders")
        assert result["verdict"] == "advies"
        assert result["ambiguous"] is False
        assert anchors(result) == {"meldplicht.md#afspraak-5-2", "meldplicht.md#afspraak-9-1",
                                   "meldplicht.md#afspraak-9-2"}

    # Ongeldige antwoorden.
    def test_an_unknown_other_person_is_invalid(self):
        result = self.go(onderwerp="relatie", doel="melden", cvb="nee", ander="buurman")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"ander"}

    def test_a_board_answer_other_than_yes_or_no_is_invalid(self):
        result = self.go(onderwerp="relatie", doel="melden", cvb="misschien")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"cvb"}


class TestGemeenteUtrecht:
    CODE = "gemeente-utrecht"

    def go(self, **answers):
        return run(self.CODE, **answers)

    # Twijfel over een keuze.
    def test_doubt_about_a_choice_means_checking_questions_a_colleague_the_adviespunt_or_a_confidant(self):
        result = self.go(onderwerp="twijfel")
        assert result["verdict"] == "advies"
        assert anchors(result) == {"hulp.md#twijfel-over-een-keuze", "kernwaarden.md#controlevragen",
                                   "hulp.md#vertrouwenspersoon"}

    # Vermoeden van een integriteitsschending, vraag 'wens'.
    def test_a_suspicion_to_talk_over_in_confidence_goes_to_a_confidant(self):
        result = self.go(onderwerp="vermoeden", wens="sparren")
        assert result["verdict"] == "advies"
        assert anchors(result) == {"hulp.md#vermoeden-sparren", "hulp.md#vertrouwenspersoon",
                                   "hulp.md#zorgvuldig-met-vermoeden"}

    def test_a_suspicion_to_report_goes_via_the_colleague_to_manager_higher_manager_or_adviespunt(self):
        result = self.go(onderwerp="vermoeden", wens="melden")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"hulp.md#collega-eerst-vragen", "hulp.md#vermoeden-melden",
                                   "hulp.md#leidinggevende-melding-integriteitsschending",
                                   "hulp.md#collega-overtreedt-afspraak"}

    def test_the_code_offers_no_direct_external_report(self):
        for answers in all_answer_sets(self.CODE):
            assert self.go(**answers)["verdict"] != "extern", answers

    # Zelf ongewenst gedrag.
    def test_unwanted_behaviour_to_talk_over_goes_to_a_confidant(self):
        result = self.go(onderwerp="ongewenst", wens="sparren")
        assert result["verdict"] == "advies"
        assert anchors(result) == {"hulp.md#ongewenst-gedrag-vertrouwenspersoon", "hulp.md#vertrouwenspersoon",
                                   "omgangsvormen.md#van-onprettig-naar-ongewenst-gedrag"}

    def test_unwanted_behaviour_to_report_goes_to_the_manager_or_the_adviespunt(self):
        result = self.go(onderwerp="ongewenst", wens="melden")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"hulp.md#ongewenst-gedrag-leidinggevende", "hulp.md#ongewenst-gedrag-adviespunt",
                                   "hulp.md#na-een-melding"}

    # Ongelijke behandeling, vraag 'gesprek_gehad'.
    def test_unequal_treatment_starts_with_examples_a_confidant_and_a_talk_with_the_manager(self):
        result = self.go(onderwerp="ongelijk", gesprek_gehad="nee")
        assert result["verdict"] == "advies"
        assert anchors(result) == {"hulp.md#ongelijke-behandeling"}

    def test_unequal_treatment_after_a_fruitless_talk_means_mediation_or_a_report(self):
        result = self.go(onderwerp="ongelijk", gesprek_gehad="ja")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"hulp.md#ongelijke-behandeling-melden", "hulp.md#ongewenst-gedrag-adviespunt"}

    # Omstander, vraag 'gaat_door'.
    def test_a_bystander_first_speaks_up_and_supports_the_colleague(self):
        result = self.go(onderwerp="omstander", gaat_door="nee")
        assert result["verdict"] == "advies"
        assert anchors(result) == {"hulp.md#omstander", "hulp.md#collega-wordt-gepest"}

    def test_a_bystander_reports_to_the_manager_when_the_behaviour_goes_on(self):
        result = self.go(onderwerp="omstander", gaat_door="ja")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"hulp.md#omstander-melden"}

    # Aangesproken op eigen gedrag.
    def test_being_called_out_on_your_own_behaviour_points_to_a_confidant(self):
        result = self.go(onderwerp="aangesproken")
        assert result["verdict"] == "advies"
        assert anchors(result) == {"hulp.md#aangesproken-op-gedrag", "hulp.md#vertrouwenspersoon"}
        assert result["visible"] == ["onderwerp"]

    # Niet tevreden over de afhandeling, vraag 'nagevraagd'.
    def test_dissatisfied_first_ask_the_manager_and_the_adviespunt(self):
        result = self.go(onderwerp="afhandeling", nagevraagd="nee")
        assert result["verdict"] == "klacht"
        assert anchors(result) == {"hulp.md#niet-tevreden-over-melding"}

    def test_still_dissatisfied_ask_the_huis_voor_klokkenluiders_or_the_national_committee_for_advice(self):
        result = self.go(onderwerp="afhandeling", nagevraagd="ja")
        assert result["verdict"] == "klacht"
        assert anchors(result) == {"hulp.md#extern-advies", "hulp.md#niet-tevreden-over-melding"}

    def test_the_verdict_labels_fit_this_code(self):
        assert self.go(onderwerp="afhandeling", nagevraagd="ja")["verdict_label"].startswith("Vraag na")

    # Ongeldige antwoorden.
    def test_a_wish_that_is_not_an_option_is_invalid(self):
        result = self.go(onderwerp="vermoeden", wens="extern")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"wens"}

    def test_a_non_text_answer_is_invalid(self):
        result = self.go(onderwerp="omstander", gaat_door=True)
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"gaat_door"}


class TestProvincieUtrecht:
    CODE = "provincie-utrecht"

    def go(self, **answers):
        return run(self.CODE, **answers)

    def vermoeden(self, **answers):
        return self.go(onderwerp="vermoeden", aanspreken="nee", **answers)

    # Vraag of dilemma.
    def test_a_question_goes_to_the_manager_or_a_confidant(self):
        result = self.go(onderwerp="vraag")
        assert result["verdict"] == "advies"
        assert anchors(result) == {"hulp.md#afspraak-7-3-1", "hulp.md#afspraak-7-3-2"}

    # Vermoeden, vraag 'aanspreken'.
    def test_a_suspicion_you_can_address_starts_with_speaking_to_the_other(self):
        result = self.go(onderwerp="vermoeden", aanspreken="ja")
        assert result["verdict"] == "advies"
        assert anchors(result) == {"melden.md#afspraak-7-4-1", "melden.md#afspraak-7-4-2", "hulp.md#afspraak-7-3-3"}
        assert "situatie" not in result["visible"]

    # Vraag 'situatie': direct extern melden (7.4.6 tot en met 7.4.10), 'alleen' in 7.4.5 niet eenduidig.
    @pytest.mark.parametrize("situatie, anchor", [
        ("gevaar", "externe-melding.md#afspraak-7-4-6"),
        ("werkgever", "externe-melding.md#afspraak-7-4-7"),
        ("tegenmaatregelen", "externe-melding.md#afspraak-7-4-8"),
        ("bewijs", "externe-melding.md#afspraak-7-4-9"),
        ("eerdere", "externe-melding.md#afspraak-7-4-10"),
    ])
    def test_each_direct_situation_allows_an_external_report_but_only_in_7_4_5_makes_it_ambiguous(self, situatie,
                                                                                                  anchor):
        result = self.vermoeden(situatie=situatie)
        assert result["verdict"] == "extern"
        assert result["ambiguous"] is True
        expected = {anchor, "externe-melding.md#afspraak-7-4-5"}
        if situatie != "eerdere":  # the reason also says the code does not define 'misstand' (7.4.2)
            expected.add("melden.md#afspraak-7-4-2")
        assert anchors(result) == expected
        assert "intern" not in result["visible"]

    # Vraag 'intern'.
    def test_after_an_internal_report_you_disagree_with_you_may_report_externally(self):
        result = self.vermoeden(situatie="geen", intern="oneens")
        assert result["verdict"] == "extern"
        assert anchors(result) == {"externe-melding.md#afspraak-7-4-5", "melden.md#afspraak-7-4-2"}

    def test_without_a_timely_answer_you_may_report_externally(self):
        result = self.vermoeden(situatie="geen", intern="te_laat")
        assert result["verdict"] == "extern"
        assert anchors(result) == {"externe-melding.md#afspraak-7-4-5", "melden.md#afspraak-7-4-2"}

    def test_while_the_internal_report_is_pending_you_stay_internal(self):
        result = self.vermoeden(situatie="geen", intern="loopt")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"externe-melding.md#afspraak-7-4-5", "melden.md#afspraak-7-4-2"}
        assert "bij_wie" not in result["visible"]

    # Vraag 'bij_wie': de interne route.
    def test_not_yet_reported_goes_to_your_team_leader_first(self):
        result = self.vermoeden(situatie="geen", intern="nee", bij_wie="teamleider")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"melden.md#afspraak-7-4-2", "melden.md#afspraak-7-4-4", "melden.md#afspraak-7-4-3"}

    def test_if_the_team_leader_is_not_possible_go_to_a_higher_manager(self):
        result = self.vermoeden(situatie="geen", intern="nee", bij_wie="hoger")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"melden.md#afspraak-7-4-4", "hulp.md#afspraak-7-3-1", "melden.md#afspraak-7-4-3"}

    def test_not_with_a_manager_or_anonymously_goes_to_a_confidant(self):
        result = self.vermoeden(situatie="geen", intern="nee", bij_wie="vertrouwenspersoon")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"melden.md#afspraak-7-4-4", "hulp.md#afspraak-7-3-3", "hulp.md#afspraak-7-3-2"}

    # Zelf slachtoffer van ongewenst gedrag, vraag 'wens'.
    def test_a_victim_who_wants_to_talk_goes_to_a_confidant(self):
        result = self.go(onderwerp="ongewenst", wens="advies")
        assert result["verdict"] == "advies"
        assert anchors(result) == {"omgangsvormen.md#afspraak-6-1-5", "hulp.md#afspraak-7-3-2"}

    def test_a_victim_can_go_to_the_manager_or_the_managers_manager(self):
        result = self.go(onderwerp="ongewenst", wens="leidinggevende")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"omgangsvormen.md#afspraak-6-1-5", "hulp.md#afspraak-7-3-1",
                                   "omgangsvormen.md#afspraak-6-1-4"}

    def test_a_victim_may_use_a_complaint_procedure_the_code_does_not_describe(self):
        result = self.go(onderwerp="ongewenst", wens="klacht")
        assert result["verdict"] == "klacht"
        assert anchors(result) == {"omgangsvormen.md#afspraak-6-1-5", "hulp.md#afspraak-7-3-2"}

    # Omstander.
    def test_a_bystander_speaks_up_supports_and_can_go_to_the_manager_or_a_confidant(self):
        result = self.go(onderwerp="omstander")
        assert result["verdict"] == "advies"
        assert anchors(result) == {"omgangsvormen.md#afspraak-6-1-3", "hulp.md#afspraak-7-3-1",
                                   "hulp.md#afspraak-7-3-2"}

    # Niet tevreden over de afhandeling, vraag 'soort_melding'.
    def test_dissatisfied_with_a_misconduct_report_may_mean_an_external_report(self):
        result = self.go(onderwerp="afhandeling", soort_melding="misstand")
        assert result["verdict"] == "extern"
        assert anchors(result) == {"externe-melding.md#afspraak-7-4-5", "melden.md#afspraak-7-4-2"}

    def test_dissatisfied_with_an_unwanted_behaviour_report_the_code_only_names_a_complaint_procedure(self):
        result = self.go(onderwerp="afhandeling", soort_melding="ongewenst")
        assert result["verdict"] == "klacht"
        assert anchors(result) == {"omgangsvormen.md#afspraak-6-1-5", "hulp.md#afspraak-7-3-2"}

    # Ongeldige antwoorden.
    def test_an_unknown_situation_is_invalid(self):
        result = self.vermoeden(situatie="brand")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"situatie"}

    def test_a_later_invalid_answer_is_reported_on_that_question(self):
        result = self.vermoeden(situatie="geen", intern="nee", bij_wie="de krant")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"bij_wie"}


class TestUniversiteitMaastricht:
    CODE = "universiteit-maastricht"

    def go(self, **answers):
        return run(self.CODE, **answers)

    # Vraag 'wens': welke functionaris past, en wat blijft vertrouwelijk?
    def test_a_listening_ear_is_the_confidant_of_team_sv(self):
        result = self.go(onderwerp="ongewenst", wens="luisteren", phd="nee", strafbaar="nee")
        assert result["verdict"] == "advies"
        assert anchors(result) == {"hulp.md#afspraak-2-1e", "hulp.md#afspraak-2-1b",
                                   "hulp.md#vertrouwenspersonen-vertrouwelijkheid"}

    def test_a_phd_candidate_can_also_go_to_the_faculty_phd_confidant_with_a_confidentiality_caveat(self):
        result = self.go(onderwerp="ongewenst", wens="luisteren", phd="ja", strafbaar="nee")
        assert result["verdict"] == "advies"
        assert anchors(result) == {"hulp.md#phd-vertrouwenspersonen", "zorgen.md#afspraak-3-6c",
                                   "hulp.md#phd-vertrouwenspersonen-vertrouwelijkheid",
                                   "hulp.md#afspraak-2-1e", "hulp.md#afspraak-2-1b"}

    def test_the_phd_question_is_only_asked_for_a_listening_ear(self):
        assert "phd" not in self.go(onderwerp="ongewenst", wens="neutraal", strafbaar="nee")["visible"]

    @pytest.mark.parametrize("onderwerp", ["ongewenst", "integriteit"])
    def test_a_neutral_mediator_is_the_ombudsfunctionaris_with_the_extra_safety_exception(self, onderwerp):
        result = self.go(onderwerp=onderwerp, wens="neutraal", strafbaar="nee")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"hulp.md#afspraak-2-1d", "hulp.md#afspraak-2-1b",
                                   "hulp.md#ombudsfunctionaris-vertrouwelijkheid", "cijfers.md#afspraak-3-5a"}

    @pytest.mark.parametrize("onderwerp", ["ongewenst", "integriteit"])
    def test_reporting_or_not_knowing_where_to_start_is_the_ccp_and_not_anonymous(self, onderwerp):
        result = self.go(onderwerp=onderwerp, wens="melden", strafbaar="nee")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"hulp.md#afspraak-2-1a", "hulp.md#afspraak-2-1c",
                                   "hulp.md#ccp-vertrouwelijkheid", "hulp.md#anoniem-melden"}

    def test_a_formal_complaint_about_unwanted_behaviour_goes_to_the_klachtencommissie(self):
        result = self.go(onderwerp="ongewenst", wens="formeel", strafbaar="nee")
        assert result["verdict"] == "klacht"
        assert anchors(result) == {"cijfers.md#afspraak-3a", "hulp.md#afspraak-2-1c",
                                   "hulp.md#klachtencommissie", "aanbevelingen.md#afspraak-4-4d"}

    def test_for_a_formal_integrity_procedure_the_report_is_silent_so_go_to_the_ccp(self):
        result = self.go(onderwerp="integriteit", wens="formeel", strafbaar="nee")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"hulp.md#afspraak-2-1c", "cijfers.md#afspraak-3a",
                                   "hulp.md#ccp-vertrouwelijkheid"}

    def test_a_manager_or_hr_adviser_cannot_always_keep_it_confidential(self):
        result = self.go(onderwerp="ongewenst", wens="leidinggevende", strafbaar="nee")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"zorgen.md#afspraak-3-6e", "hulp.md#leidinggevende-en-hr-vertrouwelijkheid",
                                   "hulp.md#afspraak-2-1b"}

    # Omstander, bedreiging, algemene vraag.
    def test_a_bystander_asks_team_sv_for_advice_starting_at_the_ccp(self):
        result = self.go(onderwerp="omstander", strafbaar="nee")
        assert result["verdict"] == "advies"
        assert anchors(result) == {"cijfers.md#artikel-3-4", "hulp.md#afspraak-2-1a", "hulp.md#ccp-vertrouwelijkheid"}

    def test_a_threatened_scientist_reports_via_wetenschapveilig_to_the_ccp(self):
        result = self.go(onderwerp="bedreigd", strafbaar="nee")
        assert result["verdict"] == "melden"
        assert anchors(result) == {"activiteiten.md#wetenschapveilig", "hulp.md#afspraak-2-1a",
                                   "hulp.md#ccp-vertrouwelijkheid"}

    def test_a_general_question_goes_to_the_ccp(self):
        result = self.go(onderwerp="vraag")
        assert result["verdict"] == "advies"
        assert result["visible"] == ["onderwerp"]
        assert anchors(result) == {"hulp.md#afspraak-2-1a", "hulp.md#afspraak-2-1c",
                                   "hulp.md#ccp-vertrouwelijkheid", "hulp.md#anoniem-melden"}

    # Niet tevreden over de afhandeling.
    def test_dissatisfaction_with_handling_is_not_covered_beyond_the_formal_complaint_procedure(self):
        result = self.go(onderwerp="afhandeling")
        assert result["verdict"] == "klacht"
        assert anchors(result) == {"cijfers.md#afspraak-3a", "hulp.md#klachtencommissie", "hulp.md#afspraak-2-1c"}

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

    @pytest.mark.parametrize("onderwerp", ["omstander", "bedreigd"])
    def test_a_possible_crime_seen_as_bystander_or_threat_is_ambiguous_too(self, onderwerp):
        result = self.go(onderwerp=onderwerp, strafbaar="ja")
        assert result["verdict"] == "onduidelijk"
        assert anchors(result) == {"hulp.md#afspraak-2-1b", "hulp.md#vertrouwelijkheid",
                                   "missie.md#afspraak-2-2c", "hulp.md#aangifte"}

    def test_a_possible_crime_told_to_a_manager_keeps_the_manager_caveat(self):
        result = self.go(onderwerp="integriteit", wens="leidinggevende", strafbaar="ja")
        assert result["verdict"] == "melden"
        assert "zorgen.md#afspraak-3-6e" in anchors(result)

    # Ongeldige antwoorden.
    def test_an_unknown_wish_is_invalid(self):
        result = self.go(onderwerp="integriteit", wens="anoniem", strafbaar="nee")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"wens"}

    def test_a_crime_answer_other_than_yes_or_no_is_invalid(self):
        result = self.go(onderwerp="omstander", strafbaar="weet niet")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"strafbaar"}
