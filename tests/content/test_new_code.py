"""`make new-code NAAM=<slug>`: the skeleton of a new code builds as a concept (make serve) with its open items
in a banner, `make build` refuses to publish it with file:line per open item, and names, display names
and example prefixes are derived without refusing a real organisation's name."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from build_scripts.content_model import read_pages
import re

from build_scripts.new_code import NewCodeError, create, display_name, example_prefix, taken_prefixes
from build_scripts.open_items import find_in_text
from checkers import CHECKERS, evaluate
from checkers.engine import read_answers
from checkers.rules import load_rules
from tests.conftest import ROOT, build_site, copy_project, organisations
from tests.site_html import parse

SLUG = "gemeente-proefstad"          # not the guide's gemeente-voorbeeld: the guide test runs these in its clone
NAME = "Gemeente Proefstad"
EXAMPLE = f"{example_prefix(SLUG, taken_prefixes(ROOT / 'docs'))}-voorbeeld-geschenk"
CONCEPT = {"CODEWIJZER_CONCEPT": "ja"}     # what make serve sets


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("new-code") / "project")
    result = subprocess.run([sys.executable, "-m", "build_scripts.new_code", SLUG, "--docs", "docs"],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "TODO" in result.stdout and NAME in result.stdout
    return project


@pytest.fixture(scope="module")
def site(project, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("new-code-site")
    result = build_site(project, site, extra_env=CONCEPT)
    assert result.returncode == 0, f"the skeleton does not build as a concept:\n{result.stderr}"
    return site


def test_skeleton_has_overview_theme_example_help_rules_contacts_and_source(project):
    docs = project / "docs"
    for rel in ["index.md", "geschenken.md", "hulp.md", f"voorbeelden/{EXAMPLE}.md",
                "regels/geschenken.toml", "contactpunten.yml"]:
        assert (docs / SLUG / rel).is_file(), rel
        assert find_in_text(f"{SLUG}/{rel}", (docs / SLUG / rel).read_text(encoding="utf-8")), \
            f"{rel} has no open items"
    assert (docs / "bronnen" / f"{SLUG}.txt").is_file()


def test_skeleton_invents_no_date_and_marks_what_only_the_organisation_knows(project):
    docs = project / "docs"
    for path in [*(docs / SLUG).rglob("*.*"), docs / "bronnen" / f"{SLUG}.txt"]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\b(19|20)\d\d-\d\d-\d\d\b", text.replace("JJJJ-MM-DD", "")), f"{path}: a date"
        assert "vanaf =" not in text.split("# ")[0] if path.suffix == ".toml" else True
    rules = (docs / SLUG / "regels" / "geschenken.toml").read_text(encoding="utf-8")
    assert re.search(r"maximale_waarde = \[ { waarde = 50, bron = \"[^\"]+\" } \]", rules), "an undated limit with its source"
    overview = (docs / SLUG / "index.md").read_text(encoding="utf-8")
    assert "versie: nog niet gecontroleerd" in overview and "geldend_vanaf: nog niet gecontroleerd" in overview
    contacts = yaml.safe_load((docs / SLUG / "contactpunten.yml").read_text(encoding="utf-8"))
    assert set(contacts) >= {"leidinggevende", "vertrouwenspersoon"}
    for role in contacts.values():
        assert set(role) == {"naam", "herkennen", "uitleg", "link", "email", "telefoon", "bereikbaar",
                             "nog_aan_te_vullen", "notitie"}
        assert role["nog_aan_te_vullen"] is True


def test_make_build_refuses_to_publish_the_open_items_with_file_and_line(project, tmp_path):
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Nog niet klaar om te publiceren" in result.stderr and "Traceback" not in result.stderr
    for where in [f"docs/{SLUG}/index.md:", f"docs/{SLUG}/contactpunten.yml:", f"docs/bronnen/{SLUG}.txt:1",
                  f"docs/{SLUG}/regels/geschenken.toml:"]:
        assert where in result.stderr, where
    overview = (project / "docs" / SLUG / "index.md").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(overview, 1) if "versie: nog niet gecontroleerd" in text)
    assert f"docs/{SLUG}/index.md:{line}: waarde nog niet gecontroleerd" in result.stderr


def test_the_concept_shows_every_open_item_in_a_banner(site):
    html = (site / SLUG / "geschenken" / "index.html").read_text(encoding="utf-8")
    banner = html.partition('class="admonition warning cw-concept"')[2].partition("</div>")[0]
    assert "Concept: nog" in banner and f"docs/{SLUG}/geschenken.md:" in banner
    assert f"docs/{SLUG}/contactpunten.yml:" in banner
    overview = parse(site / SLUG / "index.html").content_text
    assert "nog niet gecontroleerd" in overview and "niet vermeld in het document" not in overview


def test_the_new_organisation_appears_in_the_comparison_by_itself(site):
    page = site / "codes-naast-elkaar" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count(NAME) >= 3
    assert f"../{SLUG}/geschenken/#afspraak-1-1" in parse(page).links


def test_skeleton_builds_strictly_with_menu_checker_and_example(site):
    overview = parse(site / SLUG / "index.html")
    assert NAME in overview.content_text
    theme = site / SLUG / "geschenken" / "index.html"
    html = theme.read_text(encoding="utf-8")
    assert 'data-checker="geschenken"' in html
    assert f"voorbeeld-{EXAMPLE}" in parse(theme).ids
    assert {"afspraak-1-1", "afspraak-1-2"} <= set(parse(theme).ids)
    start = parse(site / "index.html").links
    assert f"{SLUG}/" in start


def test_skeleton_example_reaches_its_expected_verdict(project):
    docs = project / "docs"
    pages, errors = read_pages(docs)
    assert not errors
    example = pages[f"{SLUG}/voorbeelden/{EXAMPLE}.md"]
    check = example.meta["check"]
    result = evaluate(check["naam"], load_rules(docs, SLUG, check["naam"], CHECKERS[check["naam"]]),
                      check["antwoorden"])
    assert result["status"] == "uitkomst" and result["verdict"] == check["verwacht"]


def test_skeleton_checker_answer_space_has_sourced_outcomes(project, site):
    rules = load_rules(project / "docs", SLUG, "geschenken", CHECKERS["geschenken"])
    bound = rules.limits["maximale_waarde"].at(dt.date.today()).value
    amounts = [str(v).replace(".", ",") for v in (Decimal(0), bound, bound + Decimal("0.01"))]
    verdicts = set()
    for answers in [{"soort": "geld"}, *({"soort": "geschenk", "waarde": a} for a in amounts)]:
        visible, _, _ = read_answers(rules, answers, dt.date.today())
        assert set(answers) <= set(visible)
        result = evaluate("geschenken", rules, answers)
        assert result["status"] == "uitkomst", result
        for source in result["sources"]:
            url, anchor = source["href"].split("#")
            assert anchor in parse(site / url / "index.html").ids
        verdicts.add(result["verdict"])
    assert verdicts == {"mag-niet", "mag-melden"}


def test_the_new_code_alone_builds_for_an_intranet(project, tmp_path):
    site = tmp_path / "site"
    result = build_site(project, site, code=SLUG, extra_env=CONCEPT)
    assert result.returncode == 0, result.stderr
    assert (site / SLUG / "geschenken" / "index.html").is_file()
    assert not (site / "gemeente-utrecht").exists()


@pytest.mark.parametrize("slug, fragment", [
    ("Gemeente_Voorbeeld", "geen geldige naam"),
    ("-gemeente", "geen geldige naam"),
    ("handleiding", "bestaat al of is gereserveerd"),
])
def test_bad_names_are_refused_in_dutch(slug, fragment):
    with pytest.raises(NewCodeError) as caught:
        create(slug, ROOT / "docs")
    assert fragment in str(caught.value)


def test_an_existing_organisation_is_refused(tmp_path):
    existing = organisations()[0]
    with pytest.raises(NewCodeError, match=f"docs/{existing} bestaat al"):
        create(existing, ROOT / "docs")


@pytest.mark.parametrize("slug, shown", [
    ("gemeente-voorbeeld", "Gemeente Voorbeeld"), ("rijksoverheid-nl", "Rijksoverheid NL"),
    ("hogeschool-van-amsterdam", "Hogeschool van Amsterdam"), ("uwv", "UWV"), ("rijkswaterstaat", "Rijkswaterstaat"),
])
def test_display_names_are_derived_sensibly(slug, shown):
    assert display_name(slug) == shown


def test_one_word_names_and_clashing_initials_are_accepted(tmp_path):
    docs = tmp_path / "docs"
    (docs / "gemeente-utrecht" / "voorbeelden").mkdir(parents=True)
    (docs / "gemeente-utrecht" / "voorbeelden" / "gu-fles-wijn.md").write_text("x", encoding="utf-8")
    assert example_prefix("gemeente-uithoorn", {"gu"}) not in {"gu", ""}
    written = create("gemeente-uithoorn", docs)
    example = next(p for p in written if p.parent.name == "voorbeelden")
    assert not example.stem.startswith("gu-")
    written = create("rijkswaterstaat", docs, name="Rijkswaterstaat", prefix="rws")
    assert (docs / "rijkswaterstaat" / "voorbeelden" / "rws-voorbeeld-geschenk.md") in written
    assert "organisatie: Rijkswaterstaat" in (docs / "rijkswaterstaat" / "index.md").read_text(encoding="utf-8")


def test_a_taken_afkorting_gets_a_dutch_message_with_a_free_one(tmp_path):
    docs = tmp_path / "docs"
    (docs / "gemeente-utrecht" / "voorbeelden").mkdir(parents=True)
    (docs / "gemeente-utrecht" / "voorbeelden" / "gu-fles-wijn.md").write_text("x", encoding="utf-8")
    with pytest.raises(NewCodeError, match=r"de afkorting 'gu' is al in gebruik.*AFKORTING=\w+"):
        create("gemeente-uithoorn", docs, prefix="gu")


def test_make_new_code_without_a_name_says_what_to_do():
    result = subprocess.run(["make", "-s", "new-code"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "geen geldige naam" in result.stderr and "Traceback" not in result.stderr


def test_open_items_in_code_examples_are_not_open_items():
    text = "Zet `nog_aan_te_vullen: true` weg.\n```yaml\nversie: nog niet gecontroleerd\n```\nTODO: echt\n"
    assert [(i.line, i.what) for i in find_in_text("handleiding/x.md", text)] == [(5, "nog in te vullen (TODO)")]


def test_make_serve_builds_as_a_concept_and_make_build_does_not():
    serve = subprocess.run(["make", "-n", "serve"], cwd=ROOT, capture_output=True, text=True).stdout
    build = subprocess.run(["make", "-n", "build"], cwd=ROOT, capture_output=True, text=True).stdout
    assert "CODEWIJZER_CONCEPT=ja" in serve and "properdocs build --strict" in serve
    assert "CODEWIJZER_CONCEPT= " in build
