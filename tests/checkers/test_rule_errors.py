"""Mistakes an editor can make in a rule file get one Dutch message naming the file and the key."""
from __future__ import annotations

import pytest

from checkers import CHECKERS
from checkers.rules import RuleError, parse_rules
from tests.conftest import DOCS

PATH = "gemeente-utrecht/regels/geschenken.toml"
GOOD = (DOCS / PATH).read_text(encoding="utf-8")


def parse(text: str) -> dict:
    return parse_rules(PATH, text, CHECKERS["geschenken"])


def test_the_real_file_parses():
    assert parse(GOOD)["code"] == "gemeente-utrecht"


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
