"""Mistakes an editor can make in a rule file get one Dutch message naming the file and the key."""
from __future__ import annotations

import pytest

from checkers import CHECKERS
from checkers.rules import RuleError, parse_rules
from tests.checkers.test_dated_limits import FIXTURE

PATH = "gemeente-utrecht/regels/geschenken.toml"
GOOD = FIXTURE.read_text(encoding="utf-8")     # a copy of a real rule file, never the live one


def parse(text: str):
    return parse_rules(PATH, text, CHECKERS["geschenken"])


def test_the_real_file_parses():
    assert parse(GOOD).code == "gemeente-utrecht"


@pytest.mark.parametrize("change, key, fragment", [
    (('uitkomst = "mag-niet"', 'uitkomst = "verboden"'), "regels[1]", "'uitkomst' moet een van"),
    (('check = "geschenken"', 'check = "cadeaus"'), "check", "\"geschenken\""),
    (("maximale_waarde = [", "max_waarde = ["), None, "staat niet onder [grenzen]"),
    (('als = { soort = "geld" }', 'als = { soort = "munten" }'), "regels[1].als", "geen antwoord op vraag 'soort'"),
    (('als = { soort = "geld" }', 'als = { sort = "geld" }'), "regels[1].als", "bestaat niet"),
    (('type = "bedrag"', 'type = "getal"'), "vragen.waarde", "'type' moet een van"),
])
def test_rule_file_errors(change, key, fragment):
    old, new = change
    assert old in GOOD
    with pytest.raises(RuleError) as caught:
        parse(GOOD.replace(old, new, 1))
    assert key is None or caught.value.key == key
    assert fragment in caught.value.message and caught.value.path == PATH


def test_a_rule_without_a_source_is_refused():
    text = GOOD.replace('bron = ["../geschenken.md#afspraak-2-4"]', "bron = []", 1)
    with pytest.raises(RuleError) as caught:
        parse(text)
    assert "'bron'" in caught.value.message


def test_broken_toml_says_so():
    with pytest.raises(RuleError) as caught:
        parse(GOOD + "\n[[regels]\n")
    assert "geen geldige TOML" in caught.value.message


def test_a_source_anchor_that_does_not_exist_fails_the_build(tmp_path):
    from tests.conftest import build_site, copy_project
    project = copy_project(tmp_path / "p")
    rule_file = project / "docs" / PATH
    rule_file.write_text(GOOD.replace("#afspraak-2-4", "#afspraak-2-44", 1), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0 and "afspraak-2-44" in result.stderr


def messages(text: str) -> list[tuple[str | None, str]]:
    with pytest.raises(RuleError) as caught:
        parse(text)
    return [(e.key, e.message) for e in caught.value.errors]


def test_every_problem_of_a_file_is_reported_at_once():
    text = GOOD.replace('uitkomst = "mag-niet"', 'uitkomst = "verboden"', 1).replace(
        'type = "bedrag"', 'type = "getal"', 1).replace('bron = ["../geschenken.md#afspraak-2-4"]', "bron = []", 1)
    found = messages(text)
    assert len(found) >= 3, found
    assert {key for key, _ in found} >= {"regels[1]", "vragen.waarde"}


@pytest.mark.parametrize("line, hint", [
    ("waarde = 49,99", "waarde = 49.99"),
    ("vanaf = 1-1-2027", "vanaf = 2027-01-01"),
    ("vanaf = 1 januari 2027", "vanaf = 2027-01-01"),
    ("inleiding = Beantwoord een paar vragen", "tussen aanhalingstekens"),
])
def test_a_toml_slip_gets_a_dutch_hint(line, hint):
    [(key, message)] = messages(GOOD.replace('pagina = "../geschenken.md"', f'pagina = "../geschenken.md"\n{line}', 1))
    assert "geen geldige TOML" in message and hint in message


def test_a_duplicate_key_is_refused_in_dutch():
    [(key, message)] = messages(GOOD.replace('pagina = "../geschenken.md"',
                                             'pagina = "../geschenken.md"\npagina = "../geschenken.md"', 1))
    assert "twee keer" in message


def test_a_text_naming_a_limit_amount_must_use_the_placeholder():
    text = GOOD.replace("meer dan {maximale_waarde} neem je niet aan", "meer dan 50 euro neem je niet aan", 1)
    found = messages(text)
    assert any("{maximale_waarde}" in message and "letterlijk" in message for _, message in found), found


def test_an_unknown_placeholder_is_refused():
    text = GOOD.replace("meer dan {maximale_waarde} neem", "meer dan {max_waarde} neem", 1)
    assert any("{max_waarde}" in message and "geen grens" in message for _, message in messages(text))


def test_a_rule_comparing_with_a_fixed_amount_may_name_it():
    text = GOOD.replace('waarde = { gelijk_aan = "maximale_waarde" }', "waarde = { gelijk_aan = 50 }", 1).replace(
        "Precies {maximale_waarde} valt", "Precies 50 euro valt", 1)
    assert parse(text).code == "gemeente-utrecht"
