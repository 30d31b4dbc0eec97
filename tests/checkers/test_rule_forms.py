"""The rule language's forms beyond 'every clause holds': of (any), niet (not), nested; an amount
compared with another answer or a sum of answers; outcomes of an organisation's own; the model's
wire form. On small rule files written here (fixtures), never on live rule files."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from checkers import CHECKERS, evaluate, evaluate_json, schema, to_json
from checkers.model import RuleSet
from checkers.rules import RuleError, parse_rules

DAY = dt.date(2026, 12, 2)
PATH = "test-org/regels/geschenken.toml"
HEAD = """
check = "geschenken"
titel = "Test"
pagina = "../geschenken.md"

[grenzen]
jaargrens = [ { waarde = 150, bron = "../geschenken.md#afspraak-2-5a" } ]

[[vragen]]
id = "soort"
vraag = "Wat?"
type = "keuze"
opties = [ { waarde = "geschenk", tekst = "Geschenk" }, { waarde = "maaltijd", tekst = "Maaltijd" }, { waarde = "geld", tekst = "Geld" } ]

[[vragen]]
id = "huisadres"
vraag = "Thuis?"
type = "janee"
toon_als = { niet = { soort = "geld" } }

[[vragen]]
id = "onderhandeling"
vraag = "Onderhandeling?"
type = "janee"
toon_als = { of = [ { soort = "geschenk" }, { huisadres = "ja" } ] }

[[vragen]]
id = "waarde"
vraag = "Waarde?"
type = "bedrag"
toon_als = { soort = "geschenk" }

[[vragen]]
id = "eerder"
vraag = "Eerder dit jaar van dezelfde gever?"
type = "bedrag"
toon_als = { soort = "geschenk" }
"""
RULES = """
[[regels]]
als = { soort = "geschenk", of = [ { huisadres = "ja" }, { onderhandeling = "ja" } ] }
uitkomst = "mag-niet"
reden = "Thuis of tijdens onderhandeling."
bron = ["../geschenken.md#afspraak-2-5b"]

[[regels]]
als = { niet = { of = [ { soort = "geschenk" }, { soort = "geld" } ] } }
uitkomst = "bespreken"
reden = "Geen geschenk en geen geld."
bron = ["../geschenken.md#afspraak-2-7"]

[[regels]]
als = { som = { vragen = ["waarde", "eerder"], meer_dan = "jaargrens" } }
uitkomst = "inleveren"
reden = "Samen meer dan {jaargrens} van dezelfde gever in een jaar."
bron = ["../geschenken.md#afspraak-2-5a"]

[[regels]]
als = { eerder = { meer_dan = { antwoord = "waarde" } } }
uitkomst = "mag-melden"
reden = "Eerder kreeg je meer."
bron = ["../geschenken.md#afspraak-2-6"]

[standaard]
uitkomst = "mag"
reden = "Mag."
bron = ["../geschenken.md#afspraak-2-5"]

[uitkomsten.inleveren]
tekst = "Lever het in bij het secretariaat; dat beslist"
ernstiger_dan = "toestemming-vooraf"
vervolg = ["Breng het naar het secretariaat; het secretariaat beslist."]
"""


def parsed(extra: str = "") -> RuleSet:
    return parse_rules(PATH, HEAD + RULES + extra, CHECKERS["geschenken"])


def outcome(answers: dict) -> dict:
    return evaluate("geschenken", parsed(), answers, DAY)


GIFT = {"soort": "geschenk", "huisadres": "nee", "onderhandeling": "nee", "waarde": "10", "eerder": "5"}


def test_niet_in_toon_als_hides_a_question():
    assert outcome({"soort": "geld"})["visible"] == ["soort"]
    assert outcome({"soort": "maaltijd"})["visible"] == ["soort", "huisadres"]


def test_of_in_toon_als_shows_a_question_when_either_holds():
    assert "onderhandeling" in outcome({"soort": "maaltijd", "huisadres": "ja"})["visible"]
    assert "onderhandeling" not in outcome({"soort": "maaltijd", "huisadres": "nee"})["visible"]


@pytest.mark.parametrize("home, talks, verdict", [("ja", "nee", "mag-niet"), ("nee", "ja", "mag-niet"),
                                                  ("nee", "nee", "mag")])
def test_of_in_als_holds_when_either_holds(home, talks, verdict):
    assert outcome({**GIFT, "huisadres": home, "onderhandeling": talks})["verdict"] == verdict


def test_nested_niet_of():
    assert outcome({"soort": "maaltijd", "huisadres": "nee"})["verdict"] == "bespreken"
    assert outcome({"soort": "geld"})["verdict"] == "mag"


def test_a_sum_of_answers_against_a_limit_and_an_own_outcome():
    result = outcome({**GIFT, "waarde": "100", "eerder": "60"})
    assert result["verdict"] == "inleveren"
    assert result["verdict_label"] == "Lever het in bij het secretariaat; dat beslist"
    assert result["explanation"] == "Samen meer dan € 150 van dezelfde gever in een jaar."
    assert result["next_steps"] == ["Breng het naar het secretariaat; het secretariaat beslist."]
    assert result["limits"][0]["name"] == "jaargrens"
    assert outcome({**GIFT, "waarde": "100", "eerder": "50"})["verdict"] == "mag"   # 150 is not more than 150


def test_an_own_outcome_ranks_where_the_rule_file_puts_it():
    rules = parsed()
    order = [o.key for o in rules.outcomes]
    assert order.index("inleveren") == order.index("toestemming-vooraf") - 1
    # thuis (mag-niet) is more serious than inleveren; inleveren more serious than mag-melden
    assert outcome({**GIFT, "huisadres": "ja", "waarde": "100", "eerder": "60"})["verdict"] == "mag-niet"
    result = outcome({**GIFT, "waarde": "10", "eerder": "160"})
    assert result["verdict"] == "inleveren" and [r["verdict"] for r in result["other_reasons"]] == ["mag-melden"]


def test_an_amount_compared_with_another_answer():
    assert outcome({**GIFT, "waarde": "10", "eerder": "20"})["verdict"] == "mag-melden"
    assert outcome({**GIFT, "waarde": "20", "eerder": "10"})["verdict"] == "mag"


def test_schema_has_english_keys_the_options_and_the_questions_shown_first():
    form = schema("geschenken", parsed(), DAY)
    assert form["version"] == 2 and form["visible"] == ["soort"]
    home = next(q for q in form["questions"] if q["id"] == "huisadres")
    assert home == {"id": "huisadres", "text": "Thuis?", "hint": "", "kind": "choice",
                    "options": [{"value": "ja", "text": "Ja"}, {"value": "nee", "text": "Nee"}]}
    assert list(form["verdicts"])[:3] == ["mag-niet", "onduidelijk", "inleveren"]


def test_the_wire_form_round_trips_and_the_worker_evaluates_it():
    rules = parsed()
    wire = json.loads(to_json(rules))
    assert RuleSet.from_wire(wire) == rules
    request = {"checker": "geschenken", "rules": wire, "answers": {**GIFT, "waarde": "100", "eerder": "60"},
               "today": DAY.isoformat()}
    assert json.loads(evaluate_json(json.dumps(request)))["verdict"] == "inleveren"


@pytest.mark.parametrize("change, fragment", [
    (("ernstiger_dan = \"toestemming-vooraf\"", "ernstiger_dan = \"bestaat-niet\""), "'ernstiger_dan' moet"),
    (("of = [ { huisadres = \"ja\" }, { onderhandeling = \"ja\" } ]", "of = { huisadres = \"ja\" }"),
     "'of' is een lijst"),
    (("meer_dan = { antwoord = \"waarde\" }", "meer_dan = { antwoord = \"soort\" }"), "geen bedragvraag"),
    (("vragen = [\"waarde\", \"eerder\"]", "vragen = [\"waarde\", \"later\"]"), "'later', maar die bestaat niet"),
])
def test_mistakes_in_the_new_forms_get_a_dutch_message(change, fragment):
    old, new = change
    assert old in HEAD + RULES
    with pytest.raises(RuleError) as caught:
        parse_rules(PATH, (HEAD + RULES).replace(old, new, 1), CHECKERS["geschenken"])
    assert any(fragment in e.message for e in caught.value.errors), [e.message for e in caught.value.errors]


def test_the_warm_up_answers_come_from_the_rules():
    """The answers the page has Python take once after ready (checker_embed.warm_answers): every option
    (the first question's first: a reader's first tap), for amounts the limits of the day and unusual
    amounts, then the examples; no rule value in JavaScript."""
    from build_scripts.checker_embed import warm_answers
    rules = parsed()
    example = {"soort": "geld", "waarde": "20"}
    answers = warm_answers(rules, {"vb-1": example}, DAY)
    first = rules.questions[0]
    assert answers[:len(first.options)] == [{first.id: option.value} for option in first.options]
    assert answers[-1] == example
    assert {"soort": "maaltijd"} in answers and {"huisadres": "ja"} in answers
    assert {"waarde": "150"} in answers and {"eerder": "abc"} in answers and {"waarde": "-5"} in answers
