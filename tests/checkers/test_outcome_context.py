"""The outcome beyond the verdict (issue #14): a heading that says what to do and to whom (a rule's
'kop'), next steps that fit the answers (conditional steps), and the contact points and abbreviations
the outcome names, chosen in Python from the organisation's context. On fixtures, never live files."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from checkers import CHECKERS, evaluate, evaluate_json
from checkers.model import RuleSet
from checkers.rules import RuleError, parse_rules

DAY = dt.date(2026, 12, 2)
PATH = "test-org/regels/relaties.toml"
RULES = """
check = "relaties"
titel = "Test"
pagina = "../relaties.md"

[[vragen]]
id = "cvb"
vraag = "Ben je lid van het CvB?"
type = "janee"

[[regels]]
als = { cvb = "nee" }
uitkomst = "melden"
kop = "Meld deze relatie bij je leidinggevende"
reden = "Je meldt de relatie bij je leidinggevende. Advies kan bij een vertrouwenspersoon."
bron = ["../relaties.md#afspraak-6-4"]

[[regels]]
als = { cvb = "ja" }
uitkomst = "melden"
reden = "Als lid van het CvB meld je de relatie bij de Raad van Toezicht."
bron = ["../relaties.md#afspraak-6-6"]

[standaard]
uitkomst = "geen-meldplicht"
reden = "Niets te melden."
bron = ["../relaties.md#afspraak-6-4"]

[vervolg]
melden = [
  "De melding is vertrouwelijk.",
  { tekst = "De Raad van Toezicht bespreekt de zaak zonder jou.", als = { cvb = "ja" } },
]
"""
CONTEXT = {
    "contacts": {"organisatie": "Testorganisatie", "hulp": "test-org/hulp/", "contactpunten": {
        "vertrouwenspersoon": {"naam": "Vertrouwenspersoon", "herkennen": ["vertrouwenspersoon"], "uitleg": "Luistert.",
                               "link": "https://example.org/vp", "nog_aan_te_vullen": True},
        "leidinggevende": {"naam": "Leidinggevende", "herkennen": ["leidinggevende"], "uitleg": "Je eigen.",
                           "persoonlijk": True, "nog_aan_te_vullen": False},
        "rvt": {"naam": "Raad van Toezicht", "herkennen": ["Raad van Toezicht"], "uitleg": "Toezicht.",
                "nog_aan_te_vullen": True},
        "phd": {"naam": "PhD-vertrouwenspersoon", "herkennen": ["PhD-vertrouwenspersoon"], "uitleg": "Promovendi.",
                "nog_aan_te_vullen": True},
    }},
    "abbreviations": {"CvB": "College van Bestuur", "CVB": "iets anders"},
}


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return parse_rules(PATH, RULES, CHECKERS["relaties"])


def outcome(rules, answers):
    request = {"checker": "relaties", "rules": rules.to_wire(), "context": CONTEXT, "answers": answers,
               "today": DAY.isoformat()}
    return json.loads(evaluate_json(json.dumps(request)))


def test_the_heading_is_the_rules_kop_else_the_label(rules):
    assert evaluate("relaties", rules, {"cvb": "nee"}, DAY)["heading"] == "Meld deze relatie bij je leidinggevende"
    result = evaluate("relaties", rules, {"cvb": "ja"}, DAY)
    assert result["heading"] == result["verdict_label"]


def test_next_steps_fit_the_answers(rules):
    assert evaluate("relaties", rules, {"cvb": "nee"}, DAY)["next_steps"] == ["De melding is vertrouwelijk."]
    assert evaluate("relaties", rules, {"cvb": "ja"}, DAY)["next_steps"] == [
        "De melding is vertrouwelijk.", "De Raad van Toezicht bespreekt de zaak zonder jou."]


def test_the_wire_form_keeps_kop_and_conditional_steps(rules):
    assert RuleSet.from_wire(json.loads(json.dumps(rules.to_wire()))) == rules


def test_the_contacts_the_outcome_names_with_how_to_reach_them_or_a_plain_sentence(rules):
    result = outcome(rules, {"cvb": "nee"})
    contacts = {c["key"]: c for c in result["contacts"]}
    assert list(contacts) == ["vertrouwenspersoon", "leidinggevende"]
    assert contacts["vertrouwenspersoon"]["link"] == "https://example.org/vp"
    assert contacts["vertrouwenspersoon"]["nog_niet_bekend"] == (
        "Testorganisatie heeft nog niet doorgegeven: een e-mailadres, een telefoonnummer en wanneer je er terechtkunt.")
    assert "persoonlijk" in contacts["leidinggevende"] and "nog_niet_bekend" not in contacts["leidinggevende"]
    assert result["help_page"] == "test-org/hulp/"
    rvt = {c["key"]: c for c in outcome(rules, {"cvb": "ja"})["contacts"]}["rvt"]
    assert rvt["nog_niet_bekend"] == "Testorganisatie heeft nog niet doorgegeven hoe je deze rol bereikt."


def test_a_longer_role_name_is_not_also_the_shorter_role():
    from checkers.contacts import contacts_for
    named = contacts_for({"heading": "Ga naar de PhD-vertrouwenspersoon", "reasons": []}, CONTEXT)
    assert [c["key"] for c in named] == ["phd"]
    both = contacts_for({"heading": "De PhD-vertrouwenspersoon of een vertrouwenspersoon", "reasons": []}, CONTEXT)
    assert [c["key"] for c in both] == ["vertrouwenspersoon", "phd"]


def test_abbreviations_used_in_the_outcome_with_exact_spelling(rules):
    assert outcome(rules, {"cvb": "ja"})["abbreviations"] == {"CvB": "College van Bestuur"}
    assert outcome(rules, {"cvb": "nee"})["abbreviations"] == {}


def test_without_context_the_outcome_is_as_before(rules):
    request = {"checker": "relaties", "rules": rules.to_wire(), "answers": {"cvb": "nee"}, "today": DAY.isoformat()}
    assert "contacts" not in json.loads(evaluate_json(json.dumps(request)))


@pytest.mark.parametrize("old, new, message", [
    ('kop = "Meld deze relatie bij je leidinggevende"', "kop = 3", "'kop' is de tekst boven de uitkomst"),
    ('{ tekst = "De Raad van Toezicht bespreekt de zaak zonder jou.", als = { cvb = "ja" } }',
     '{ tekst = "De Raad.", wanneer = { cvb = "ja" } }', "een stap die alleen bij die antwoorden past"),
    ('als = { cvb = "ja" } }', 'als = { onbekend = "ja" } }', "onbekend"),
])
def test_editor_errors_in_kop_and_steps(old, new, message):
    assert old in RULES
    with pytest.raises(RuleError) as error:
        parse_rules(PATH, RULES.replace(old, new, 1), CHECKERS["relaties"])
    assert message in str(error.value)
