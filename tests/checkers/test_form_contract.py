"""The page's form reads only the schema (English keys) and passes the rule set on untouched: no Dutch
editor key of a rule file appears in the page script, so the engine alone decides about the rules."""
from __future__ import annotations

import re

from tests.conftest import ROOT

SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "codewijzer-check.js"
EDITOR_KEYS = ["vragen", "vraag", "opties", "waarde", "tekst", "hulp", "toon_als", "janee", "keuze", "bedrag",
               "regels", "grenzen", "vanaf", "reden", "vervolg", "titel"]   # ("uitkomst" is also an outcome status)


def test_the_page_script_reads_no_editor_key():
    code = re.sub(r"//[^\n]*", "", SCRIPT.read_text(encoding="utf-8"))        # comments may name them
    code = re.sub(r"this\.text\.\w+", "", code)      # the interface text's own keys (checker_embed.UI_TEXT)
    used = [key for key in EDITOR_KEYS if re.search(rf"""\.{key}\b|["'`]{key}["'`]""", code)]
    assert used == []


def test_the_page_sends_answers_once_per_change():
    """One request per change, and one per tap although a tap fires both 'input' and 'change'."""
    code = SCRIPT.read_text(encoding="utf-8")
    update = code[code.index("  update(answers"):code.index("  render(result)")]
    assert update.count("ask(request)") == 1 and "this.update(" not in update
    assert "if (question.key !== this.asked)" in update
    # An answer asked ahead on pointerdown (foresee) is used only for the same answers and day.
    assert "this.foreseen?.key === question.key ? this.foreseen.result : null" in update
