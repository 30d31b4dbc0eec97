"""Agreement markers, flow diagrams and charts: rendering and the editor errors they raise."""
from __future__ import annotations

import pytest

from build_scripts.agreements import agreement_anchors, anchor_for, render_agreements
from build_scripts.content_model import ContentError
from build_scripts.diagrams import render_chart, render_flow


def test_agreement_marker_becomes_a_self_link_with_a_stable_anchor():
    out = render_agreements("- [[2.5a]] Je neemt geen geld aan.\n", "p.md")
    assert out == ('- [2.5a](#afspraak-2-5a){#afspraak-2-5a .cw-afspraak title="Vaste link naar afspraak 2.5a"} '
                   "Je neemt geen geld aan.\n")


def test_agreement_markers_in_code_blocks_are_left_alone():
    text = "```\n- [[1.1]] voorbeeld\n```\n"
    assert render_agreements(text, "p.md") == text


@pytest.mark.parametrize("label, anchor", [("2.5a", "afspraak-2-5a"), ("8A.1", "afspraak-8a-1"), ("G-3", "afspraak-g-3")])
def test_anchor_for(label, anchor):
    assert anchor_for(label) == anchor


def test_duplicate_agreement_number_names_both_lines():
    with pytest.raises(ContentError) as caught:
        render_agreements("intro\n\n- [[1.1]] a\n- [[1.1]] b\n", "p.md", first_line=10)
    assert caught.value.line == 13 and "regel 12" in caught.value.message


def test_unrecognised_marker_fails():
    with pytest.raises(ContentError) as caught:
        render_agreements("Zie [[2.5 a]] hier.\n", "p.md")
    assert "niet herkend" in caught.value.message


def test_agreement_anchors_lists_every_marker():
    assert agreement_anchors("- [[1]] a\n- [[1.2]] b\n") == ["afspraak-1", "afspraak-1-2"]


FLOW = """titel: Melden
stappen:
  - stap: Je ziet iets.
  - vraag: Is het ernstig?
    ja: verder
    nee: Bespreek het met je leidinggevende.
  - stap: Meld het.
    link: "#afspraak-1"
"""


def test_flow_has_an_accessible_svg_and_the_steps_as_text():
    out = render_flow(FLOW, "p.md", 1)
    assert 'role="img"' in out and "<title" in out and "Stroomschema: Melden" in out
    assert "1. Je ziet iets." in out
    assert "2. **Vraag:** Is het ernstig?" in out and "**Ja:** ga verder met stap 3." in out
    assert "3. Meld het. ([waar staat dit?](#afspraak-1))" in out


@pytest.mark.parametrize("broken, message", [
    (FLOW.replace("    ja: verder\n", "    ja: stop\n"), "precies één"),
    (FLOW.replace("stap: Meld het.", "stp: Meld het."), "onbekende sleutels"),
    ("stappen: []\n", "titel"),
    ("titel: x\nstappen: [\n", "geen geldige YAML"),
])
def test_flow_errors(broken, message):
    with pytest.raises(ContentError) as caught:
        render_flow(broken, "p.md", 20)
    assert message in caught.value.message and caught.value.line >= 21


def test_chart_has_svg_and_table_with_dutch_numbers():
    out = render_chart("titel: Meldingen\neenheid: aantal\ngegevens:\n  Intimidatie: 1200\n  Anders: 3\n", "p.md", 1)
    assert 'role="img"' in out and "| Intimidatie | 1.200 |" in out and "| Anders | 3 |" in out


def test_chart_rejects_non_numbers():
    with pytest.raises(ContentError):
        render_chart("titel: x\ngegevens:\n  a: veel\n", "p.md", 1)
