"""Contact points as data: docs/<organisatie>/contactpunten.yml is checked at build time with Dutch
messages (file:line), filled only from the source documents, shown on every help page for each role
the page names (or plainly marked as not provided yet), and exported as JSON for checker outcomes."""
from __future__ import annotations

import json
import re

import pytest

from build_scripts import contact_points
from build_scripts.content_model import read_pages
from build_scripts.contact_points import PAGE_KINDS, parse
from tests.conftest import DOCS, ORGANISATIONS
from tests.site_html import parse as parse_html


VALID = """\
vertrouwenspersoon:
  naam: Vertrouwenspersoon
  herkennen: [vertrouwenspersoon, vertrouwenspersonen]
  uitleg: Luistert vertrouwelijk.
  link: https://www.example.nl/vp/
  telefoon: "030 123 45 67"
  email: vp@example.nl
  bereikbaar: Op werkdagen van 9 tot 17 uur.
hr:
  naam: HR-adviseur
  herkennen: [HR-adviseur]
  uitleg: Adviseert over regels.
  nog_aan_te_vullen: true
  notitie: Nog geen gegevens.
"""


def test_a_valid_file_reads_into_contact_points():
    points, errors = parse("x/contactpunten.yml", VALID)
    assert not errors
    assert [p.key for p in points] == ["vertrouwenspersoon", "hr"]
    assert points[0].named_in("Ga naar een Vertrouwenspersoon.") and not points[0].named_in("vertrouwenspersoonlijk")
    assert points[1].missing() == ["een website", "een e-mailadres", "een telefoonnummer", "wanneer je er terechtkunt"]


@pytest.mark.parametrize("change, line, key, fragment", [
    (("  telefoon: \"030 123 45 67\"\n", "  telefon: \"030 123 45 67\"\n"), 6, "vertrouwenspersoon.telefon",
     "Bedoel je 'telefoon'?"),
    (("  email: vp@example.nl\n", "  email: vp-at-example\n"), 7, "vertrouwenspersoon.email", "geen e-mailadres"),
    (("  link: https://www.example.nl/vp/\n", "  link: www.example.nl\n"), 5, "vertrouwenspersoon.link", "https://"),
    (("  notitie: Nog geen gegevens.\n", ""), 13, "hr.nog_aan_te_vullen", "notitie"),
    (("  nog_aan_te_vullen: true\n  notitie: Nog geen gegevens.\n", ""), 9, "hr", "niet hoe je het bereikt"),
    (("  uitleg: Adviseert over regels.\n", ""), 9, "hr.uitleg", "'uitleg' ontbreekt"),
    (("  herkennen: [HR-adviseur]\n", "  herkennen: HR-adviseur\n"), 11, "hr.herkennen", "lijst"),
])
def test_mistakes_get_a_dutch_message_with_line_and_key(change, line, key, fragment):
    points, errors = parse("gemeente-voorbeeld/contactpunten.yml", VALID.replace(*change))
    assert len(errors) == 1, errors
    assert errors[0].line == line and errors[0].key == key and fragment in errors[0].message
    assert str(errors[0]).startswith(f"gemeente-voorbeeld/contactpunten.yml:{line} [{key}]: ")


def test_invalid_yaml_names_the_line():
    _, errors = parse("x/contactpunten.yml", VALID.replace("  uitleg: Luistert vertrouwelijk.",
                                                           "  uitleg: Luistert: vertrouwelijk."))
    assert errors and errors[0].line == 4 and "geen geldige YAML" in errors[0].message


def test_every_organisation_has_contact_points_and_they_are_valid():
    points, errors = contact_points.load(DOCS, set(ORGANISATIONS))
    assert not errors
    for org in ORGANISATIONS:
        assert points[org], org


def test_every_help_page_shows_how_to_reach_each_role_it_names(built_site):
    pages, _ = read_pages(DOCS)
    points, _ = contact_points.load(DOCS, set(ORGANISATIONS))
    checked = 0
    for path, page in pages.items():
        if page.kind not in PAGE_KINDS:
            continue
        html = (built_site / path.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        blocks = re.findall(r'<div class="cw-contactpunt">(.*?)</div>', html, re.S)
        for point in (p for p in points[page.organisation] if p.named_in(page.body)):
            block = next((b for b in blocks if point.naam.split(" (")[0] in re.sub(r"<[^>]+>", "", b)), None)
            assert block, f"{path} names '{point.naam}' but does not show how to reach it"
            reachable = any(part in block for part in ('href="https://', 'href="mailto:', 'href="tel:'))
            assert reachable or point.persoonlijk or "Nog niet bekend" in block, f"{path}: {point.naam}"
            assert not point.nog_aan_te_vullen or "Nog niet bekend" in block, f"{path}: {point.naam}"
            checked += 1
    assert checked > 10


def test_the_export_has_every_organisation_and_its_roles(built_site):
    export = json.loads((built_site / "assets" / "contactpunten.json").read_text(encoding="utf-8"))
    assert set(export) == set(ORGANISATIONS)
    for org, data in export.items():
        assert data["organisatie"] and data["contactpunten"]
        assert (built_site / data["hulp"] / "index.html").is_file()
        for key, point in data["contactpunten"].items():
            assert point["naam"] and point["herkennen"] and "nog_aan_te_vullen" in point, (org, key)
            assert "notitie" not in point          # notes are for editors, not for readers


def test_a_help_page_of_an_organisation_without_contact_data_says_so(tmp_path):
    from build_scripts.content_model import parse_page
    from build_scripts.site_index import SiteIndex
    overview = parse_page("gemeente-voorbeeld/index.md", "---\ntitle: X\ncode:\n  organisatie: Gemeente Voorbeeld\n---\n")
    help_page = parse_page("gemeente-voorbeeld/hulp.md", "---\ntitle: Hulp\nsoort: hulp\n---\nBel de vertrouwenspersoon.\n")
    site = SiteIndex({p.src_path: p for p in (overview, help_page)}, {})
    site.contact_points, _ = contact_points.load(tmp_path, {"gemeente-voorbeeld"})
    block = contact_points.render_block(help_page, site)
    assert "Gemeente Voorbeeld heeft nog niet doorgegeven" in block
    assert "codewijzer: contactpunten" in contact_points.with_contact_points(help_page.body, help_page)
