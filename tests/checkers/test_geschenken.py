"""Check 'geschenken' (gifts and invitations): Gemeente Utrecht and Provincie Utrecht.

Organised per organisation by question and outcome. Asserts verdicts and cited anchors, never wording.
"""
from __future__ import annotations

import pytest

from build_scripts.content_model import read_pages
from tests.checkers.conftest import answer_combinations, anchors, outcome
from tests.conftest import DOCS

GU = "gemeente-utrecht"
PU = "provincie-utrecht"
GU_PAGE = "geschenken.md#"
PU_PAGE = "geschenken-en-uitnodigingen.md#"


def gu(**answers):
    return outcome("geschenken", GU, answers)


def pu(**answers):
    return outcome("geschenken", PU, answers)


def gu_gift(soort="geschenk", waarde="25", huisadres="nee", onderhandeling="nee", tegenprestatie="nee",
            aanleiding="ja"):
    return gu(soort=soort, waarde=waarde, huisadres=huisadres, onderhandeling=onderhandeling,
              tegenprestatie=tegenprestatie, aanleiding=aanleiding)


def pu_gift(soort="geschenk", waarde="25", huisadres="nee", aanbesteding="nee", bedoeling="nee", beleefdheid="nee"):
    return pu(soort=soort, waarde=waarde, huisadres=huisadres, aanbesteding=aanbesteding, bedoeling=bedoeling,
              beleefdheid=beleefdheid)


def pu_invitation(soort="uitnodiging", kosten="40", aanbesteding="nee", bedoeling="nee", functioneel="ja"):
    return pu(soort=soort, kosten=kosten, aanbesteding=aanbesteding, bedoeling=bedoeling, functioneel=functioneel)


def gu_anchors(*ids):
    return {GU_PAGE + i for i in ids}


def pu_anchors(*ids):
    return {PU_PAGE + i for i in ids}


def other_verdicts(result):
    return {r["verdict"] for r in result["other_reasons"]}


class TestGemeenteUtrecht:
    # --- soort: which questions are asked ---

    def test_a_gift_asks_value_home_address_negotiation_expectation_and_occasion(self):
        result = gu(soort="geschenk")
        assert result["status"] == "onvolledig"
        assert result["visible"] == ["soort", "waarde", "huisadres", "onderhandeling", "tegenprestatie", "aanleiding"]
        assert result["next_question"] == "waarde"

    def test_a_voucher_asks_the_same_questions_as_a_gift(self):
        assert gu(soort="waardebon")["visible"] == gu(soort="geschenk")["visible"]

    def test_money_asks_nothing_more(self):
        assert gu(soort="geld")["visible"] == ["soort"]

    def test_a_lunch_asks_only_whether_it_is_relevant_for_the_job(self):
        assert gu(soort="maaltijd")["visible"] == ["soort", "functioneel"]

    def test_a_trip_asks_whether_it_is_relevant_for_the_job_and_abroad(self):
        assert gu(soort="reis")["visible"] == ["soort", "functioneel", "buitenland"]

    # --- geld ---

    def test_money_is_never_accepted(self):
        result = gu(soort="geld")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == gu_anchors("afspraak-2-4")

    # --- waarde: the limit of 50 euro (2.5a) against the footnote (less than 50) ---

    def test_a_gift_just_under_50_euro_may_be_accepted_and_reported(self):
        result = gu_gift(waarde="49,99")
        assert result["verdict"] == "mag-melden"
        assert not result["ambiguous"]
        assert anchors(result) == gu_anchors("afspraak-2-5", "afspraak-2-6", "maatwerkafspraken")

    def test_a_gift_of_exactly_50_euro_is_ambiguous_between_2_5a_and_the_footnote(self):
        result = gu_gift(waarde="50")
        assert result["verdict"] == "onduidelijk"
        assert result["ambiguous"]
        assert anchors(result) == gu_anchors("afspraak-2-5a", "afspraak-2-3") | {"inleiding.md#voetnoot-geschenken"}

    def test_a_gift_of_50_euro_written_with_a_euro_sign_and_cents_is_still_exactly_50(self):
        assert gu_gift(waarde="€ 50,00")["verdict"] == "onduidelijk"

    def test_a_gift_just_over_50_euro_is_not_accepted(self):
        result = gu_gift(waarde="50,01")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == gu_anchors("afspraak-2-5a")

    def test_a_gift_of_zero_euro_may_be_accepted_and_reported(self):
        assert gu_gift(waarde="0")["verdict"] == "mag-melden"

    # --- huisadres, onderhandeling, tegenprestatie (2.5b-d) ---

    def test_a_gift_at_your_home_address_is_not_accepted(self):
        result = gu_gift(huisadres="ja")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == gu_anchors("afspraak-2-5b")

    def test_a_gift_during_negotiation_is_not_accepted(self):
        result = gu_gift(onderhandeling="ja")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == gu_anchors("afspraak-2-5c")

    def test_a_gift_that_can_raise_a_quid_pro_quo_expectation_is_not_accepted(self):
        result = gu_gift(tegenprestatie="ja")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == gu_anchors("afspraak-2-5d")

    def test_several_prohibitions_are_all_cited(self):
        result = gu_gift(waarde="80", huisadres="ja", onderhandeling="ja", tegenprestatie="ja")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == gu_anchors("afspraak-2-5a", "afspraak-2-5b", "afspraak-2-5c", "afspraak-2-5d")

    # --- aanleiding: reporting alone is not enough (2.3, 2.6) ---

    def test_a_gift_without_a_clear_occasion_is_discussed_with_the_manager(self):
        result = gu_gift(aanleiding="nee")
        assert result["verdict"] == "bespreken"
        assert anchors(result) == gu_anchors("afspraak-2-3", "afspraak-2-6")

    def test_a_prohibition_outweighs_an_unclear_occasion(self):
        result = gu_gift(waarde="75", aanleiding="nee")
        assert result["verdict"] == "mag-niet"
        assert other_verdicts(result) == {"bespreken"}

    def test_exactly_50_euro_outweighs_an_unclear_occasion(self):
        result = gu_gift(waarde="50", aanleiding="nee")
        assert result["verdict"] == "onduidelijk"
        assert other_verdicts(result) == {"bespreken"}

    # --- waardebon: the code does not say whether a voucher counts as money (2.4) or as a gift (2.5) ---

    def test_a_voucher_under_50_euro_is_ambiguous_between_money_and_gift(self):
        result = gu_gift(soort="waardebon", waarde="20")
        assert result["verdict"] == "onduidelijk"
        assert result["ambiguous"]
        assert anchors(result) == gu_anchors("afspraak-2-4", "afspraak-2-5", "afspraak-2-3")

    def test_a_voucher_of_exactly_50_euro_cites_both_ambiguities(self):
        result = gu_gift(soort="waardebon", waarde="50")
        assert result["verdict"] == "onduidelijk"
        assert anchors(result) == gu_anchors("afspraak-2-4", "afspraak-2-5", "afspraak-2-5a", "afspraak-2-3") | {
            "inleiding.md#voetnoot-geschenken"}

    def test_a_voucher_over_50_euro_is_not_accepted(self):
        result = gu_gift(soort="waardebon", waarde="50,01")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == gu_anchors("afspraak-2-5a")

    def test_a_voucher_at_your_home_address_is_not_accepted(self):
        result = gu_gift(soort="waardebon", waarde="10", huisadres="ja")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == gu_anchors("afspraak-2-5b")

    # --- maaltijd: lunches, dinners, receptions (2.7), also for teams (2.9) ---

    def test_a_relevant_lunch_is_discussed_beforehand(self):
        result = gu(soort="maaltijd", functioneel="ja")
        assert result["verdict"] == "bespreken"
        assert anchors(result) == gu_anchors("afspraak-2-7", "afspraak-2-9")

    def test_a_lunch_not_relevant_for_the_job_is_not_accepted(self):
        result = gu(soort="maaltijd", functioneel="nee")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == gu_anchors("afspraak-2-7", "afspraak-2-9")

    # --- reis: trips, congresses, excursions, events (2.8), also for teams (2.9) ---

    def test_a_trip_in_the_netherlands_needs_prior_written_permission(self):
        result = gu(soort="reis", functioneel="ja", buitenland="nee")
        assert result["verdict"] == "toestemming-vooraf"
        assert anchors(result) == gu_anchors("afspraak-2-8", "afspraak-2-9")

    def test_a_trip_abroad_needs_prior_permission_decided_by_the_irm(self):
        result = gu(soort="reis", functioneel="ja", buitenland="ja")
        assert result["verdict"] == "toestemming-vooraf"
        assert anchors(result) == gu_anchors("afspraak-2-8", "afspraak-2-9")

    def test_a_trip_or_event_not_relevant_for_the_job_is_declined_like_a_lunch(self):
        """More risk than a lunch that is not relevant (2.7: 'mag-niet') never gives a milder verdict;
        the theme's introduction declines a supplier's skybox invitation outright."""
        for abroad in ("ja", "nee"):
            result = gu(soort="reis", functioneel="nee", buitenland=abroad)
            assert result["verdict"] == "mag-niet"
            assert gu_anchors("afspraak-2-7", "afspraak-2-3") <= anchors(result)

    # --- invalid answers ---

    def test_an_unknown_kind_is_refused(self):
        result = gu(soort="auto")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"soort"}

    def test_an_amount_with_a_decimal_point_is_refused_not_guessed(self):
        result = gu_gift(waarde="49.99")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"waarde"}

    def test_a_negative_amount_is_refused(self):
        result = gu_gift(waarde="-5")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"waarde"}

    def test_an_empty_amount_is_refused(self):
        result = gu_gift(waarde="")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"waarde"}

    def test_a_yes_no_question_only_takes_ja_or_nee(self):
        result = gu_gift(huisadres="misschien")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"huisadres"}


class TestProvincieUtrecht:
    # --- soort: which questions are asked ---

    def test_a_gift_asks_value_home_address_tender_intention_and_politeness(self):
        result = pu(soort="geschenk")
        assert result["status"] == "onvolledig"
        assert result["visible"] == ["soort", "waarde", "huisadres", "aanbesteding", "bedoeling", "beleefdheid"]

    def test_money_asks_the_same_questions_as_a_gift(self):
        assert pu(soort="geld")["visible"] == pu(soort="geschenk")["visible"]

    def test_an_invitation_asks_costs_tender_intention_and_function(self):
        assert pu(soort="uitnodiging")["visible"] == ["soort", "kosten", "aanbesteding", "bedoeling", "functioneel"]
        assert pu(soort="evenement")["visible"] == ["soort", "kosten", "aanbesteding", "bedoeling", "functioneel"]

    def test_a_speaking_request_asks_the_role_first(self):
        assert pu(soort="optreden")["visible"] == ["soort", "rol"]

    def test_speaking_as_part_of_the_job_asks_about_payment_and_agreement(self):
        assert pu(soort="optreden", rol="werk")["visible"] == ["soort", "rol", "betaald", "afgesproken"]

    def test_speaking_in_your_own_time_asks_nothing_more(self):
        assert pu(soort="optreden", rol="nevenfunctie")["visible"] == ["soort", "rol"]

    # --- geschenk: permission (4.1.1) against notification (4.1.5a) ---

    def test_a_small_gift_may_be_accepted_and_reported_but_is_marked_ambiguous(self):
        result = pu_gift(waarde="15")
        assert result["verdict"] == "mag-melden"
        assert result["ambiguous"]
        assert anchors(result) == pu_anchors("afspraak-4-1-3", "afspraak-4-1-6", "afspraak-4-1-5a", "afspraak-4-1-1")

    # --- waarde: never more than 50 euro (4.1.3); exactly 50 is allowed ---

    def test_a_gift_just_under_50_euro_may_be_accepted_and_reported(self):
        assert pu_gift(waarde="49,99")["verdict"] == "mag-melden"

    def test_a_gift_of_exactly_50_euro_may_be_accepted_and_reported(self):
        result = pu_gift(waarde="50")
        assert result["verdict"] == "mag-melden"
        assert pu_anchors("afspraak-4-1-3") <= anchors(result)

    def test_a_gift_just_over_50_euro_is_not_accepted(self):
        result = pu_gift(waarde="50,01")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == pu_anchors("afspraak-4-1-3")
        assert other_verdicts(result) == {"mag-melden"}

    # --- beleefdheid (4.1.4) ---

    def test_a_gift_you_cannot_politely_refuse_but_feels_wrong_is_discussed(self):
        result = pu_gift(beleefdheid="ja")
        assert result["verdict"] == "bespreken"
        assert anchors(result) == pu_anchors("afspraak-4-1-4", "afspraak-4-1-5b")

    def test_a_too_expensive_gift_accepted_out_of_politeness_is_handed_in(self):
        result = pu_gift(waarde="120", beleefdheid="ja")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == pu_anchors("afspraak-4-1-3", "afspraak-4-1-4")

    # --- huisadres (4.1.5c) ---

    def test_a_gift_at_your_home_address_is_not_accepted(self):
        result = pu_gift(huisadres="ja")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == pu_anchors("afspraak-4-1-5c")

    # --- aanbesteding and bedoeling (4.1.7) ---

    def test_a_gift_from_a_bidder_in_a_running_tender_is_not_accepted_whatever_its_value(self):
        result = pu_gift(waarde="5", aanbesteding="ja")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == pu_anchors("afspraak-4-1-7")

    def test_a_gift_meant_to_win_you_over_is_not_accepted(self):
        result = pu_gift(waarde="5", bedoeling="ja")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == pu_anchors("afspraak-4-1-7", "afspraak-4-1-2")

    # --- geld: not named separately; a gift (4.1.1), permission beforehand ---

    def test_money_under_50_euro_needs_prior_permission_and_is_marked_ambiguous(self):
        result = pu_gift(soort="geld", waarde="20")
        assert result["verdict"] == "toestemming-vooraf"
        assert result["ambiguous"]
        assert anchors(result) == pu_anchors("afspraak-4-1-1", "afspraak-4-1-3", "afspraak-4-1-5a")

    def test_money_of_exactly_50_euro_needs_prior_permission(self):
        assert pu_gift(soort="geld", waarde="50")["verdict"] == "toestemming-vooraf"

    def test_money_over_50_euro_is_not_accepted(self):
        result = pu_gift(soort="geld", waarde="50,01")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == pu_anchors("afspraak-4-1-3")

    def test_money_from_a_bidder_in_a_running_tender_is_not_accepted(self):
        assert pu_gift(soort="geld", waarde="10", aanbesteding="ja")["verdict"] == "mag-niet"

    def test_money_you_cannot_politely_refuse_still_needs_prior_permission(self):
        result = pu_gift(soort="geld", waarde="10", beleefdheid="ja")
        assert result["verdict"] == "toestemming-vooraf"
        assert other_verdicts(result) == {"bespreken"}

    # --- uitnodiging: discuss beforehand, functional and sober (4.2.1-4.2.7) ---

    def test_a_functional_business_dinner_is_discussed_beforehand(self):
        result = pu_invitation()
        assert result["verdict"] == "bespreken"
        assert not result["ambiguous"]
        assert anchors(result) == pu_anchors("afspraak-4-2-3", "afspraak-4-2-1", "afspraak-4-2-2", "afspraak-4-2-5",
                                             "afspraak-4-2-6")

    def test_an_invitation_that_is_not_functional_or_sober_is_not_accepted(self):
        result = pu_invitation(functioneel="nee")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == pu_anchors("afspraak-4-2-1", "afspraak-4-2-4")

    def test_an_invitation_from_a_bidder_in_a_running_tender_is_not_accepted(self):
        result = pu_invitation(aanbesteding="ja")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == pu_anchors("afspraak-4-1-8", "afspraak-4-1-7")

    def test_an_invitation_meant_to_win_you_over_is_not_accepted(self):
        result = pu_invitation(bedoeling="ja")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == pu_anchors("afspraak-4-1-8", "afspraak-4-1-7", "afspraak-4-2-7")

    # --- kosten: whether the 50 euro limit covers invitations (4.1.8 + 4.1.3 against 4.2.7 / 4.2.2) ---

    def test_an_invitation_costing_just_under_50_euro_is_discussed_beforehand(self):
        assert pu_invitation(kosten="49,99")["verdict"] == "bespreken"

    def test_an_invitation_costing_exactly_50_euro_is_discussed_beforehand(self):
        assert pu_invitation(kosten="50")["verdict"] == "bespreken"

    def test_an_invitation_costing_just_over_50_euro_is_ambiguous(self):
        result = pu_invitation(kosten="50,01")
        assert result["verdict"] == "onduidelijk"
        assert result["ambiguous"]
        assert anchors(result) == pu_anchors("afspraak-4-1-8", "afspraak-4-1-3", "afspraak-4-2-7", "afspraak-4-2-2",
                                             "afspraak-4-2-5")
        assert other_verdicts(result) == {"bespreken"}

    def test_an_expensive_invitation_that_is_not_functional_is_not_accepted(self):
        result = pu_invitation(kosten="300", functioneel="nee")
        assert result["verdict"] == "mag-niet"
        assert other_verdicts(result) == {"onduidelijk"}

    # --- evenement: a sports event in the VIP lounge is discouraged (4.2.2) ---

    def test_a_vip_lounge_invitation_is_discouraged_and_discussed_beforehand(self):
        result = pu_invitation(soort="evenement", kosten="45")
        assert result["verdict"] == "bespreken"
        assert anchors(result) == pu_anchors("afspraak-4-2-2", "afspraak-4-2-3", "afspraak-4-2-5")

    def test_an_expensive_vip_lounge_invitation_is_ambiguous_on_the_limit(self):
        result = pu_invitation(soort="evenement", kosten="250")
        assert result["verdict"] == "onduidelijk"
        assert other_verdicts(result) == {"bespreken"}

    def test_a_vip_lounge_invitation_from_a_bidder_is_not_accepted(self):
        assert pu_invitation(soort="evenement", aanbesteding="ja")["verdict"] == "mag-niet"

    # --- optreden: speaking at a commercial congress (4.2.8-4.2.12) ---

    def test_speaking_at_work_without_an_explicit_agreement_needs_prior_permission(self):
        result = pu(soort="optreden", rol="werk", betaald="nee", afgesproken="nee")
        assert result["verdict"] == "toestemming-vooraf"
        assert anchors(result) == pu_anchors("afspraak-4-2-9", "afspraak-4-2-10", "afspraak-4-2-8")

    def test_speaking_at_work_with_an_explicit_agreement_and_unpaid_is_allowed(self):
        result = pu(soort="optreden", rol="werk", betaald="nee", afgesproken="ja")
        assert result["verdict"] == "mag"
        assert anchors(result) == pu_anchors("afspraak-4-2-9", "afspraak-4-2-11", "afspraak-4-2-8")

    def test_being_paid_for_speaking_at_work_is_not_accepted(self):
        result = pu(soort="optreden", rol="werk", betaald="ja", afgesproken="ja")
        assert result["verdict"] == "mag-niet"
        assert anchors(result) == pu_anchors("afspraak-4-2-11")
        assert other_verdicts(result) == {"mag"}

    def test_being_paid_without_an_agreement_is_not_accepted_and_still_needs_permission(self):
        result = pu(soort="optreden", rol="werk", betaald="ja", afgesproken="nee")
        assert result["verdict"] == "mag-niet"
        assert other_verdicts(result) == {"toestemming-vooraf"}

    def test_speaking_in_your_own_time_follows_the_rules_for_outside_work(self):
        result = pu(soort="optreden", rol="nevenfunctie")
        assert result["verdict"] == "bespreken"
        assert anchors(result) == pu_anchors("afspraak-4-2-12") | {"nevenwerkzaamheden.md#afspraak-4-5-1",
                                                                  "nevenwerkzaamheden.md#afspraak-4-5-2"}

    # --- invalid answers ---

    def test_an_unknown_kind_is_refused(self):
        result = pu(soort="waardebon")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"soort"}

    def test_invitation_costs_with_a_decimal_point_are_refused(self):
        result = pu_invitation(kosten="50.01")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"kosten"}

    def test_an_unknown_role_is_refused(self):
        result = pu(soort="optreden", rol="vrijwilliger")
        assert result["status"] == "ongeldig"
        assert set(result["errors"]) == {"rol"}

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
