"""`make new-code NAAM=<slug>`: the skeleton of a new code builds strictly and passes the checks at once."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from build_scripts.content_model import read_pages
from build_scripts.new_code import NewCodeError, create
from checkers import CHECKERS, evaluate
from checkers.engine import read_answers
from checkers.rules import load_rules
from tests.conftest import ROOT, build_site, copy_project
from tests.site_html import parse

SLUG = "gemeente-voorbeeld"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("new-code") / "project")
    result = subprocess.run([sys.executable, "-m", "build_scripts.new_code", SLUG, "--docs", "docs"],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "TODO" in result.stdout
    return project


@pytest.fixture(scope="module")
def site(project, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("new-code-site")
    result = build_site(project, site)
    assert result.returncode == 0, f"the skeleton does not build:\n{result.stderr}"
    return site


def test_skeleton_has_overview_theme_example_help_rules_and_source(project):
    docs = project / "docs"
    for rel in ["index.md", "geschenken.md", "hulp.md", "voorbeelden/gv-voorbeeld-geschenk.md",
                "regels/geschenken.toml"]:
        assert (docs / SLUG / rel).is_file(), rel
        assert "TODO" in (docs / SLUG / rel).read_text(encoding="utf-8"), f"{rel} has no TODO markers"
    assert (docs / "bronnen" / f"{SLUG}.txt").is_file()


def test_skeleton_builds_strictly_with_menu_checker_and_example(site):
    overview = parse(site / SLUG / "index.html")
    assert "Gemeente Voorbeeld" in overview.content_text
    theme = site / SLUG / "geschenken" / "index.html"
    html = theme.read_text(encoding="utf-8")
    assert 'data-checker="geschenken"' in html
    assert "voorbeeld-gv-voorbeeld-geschenk" in parse(theme).ids
    assert {"afspraak-1-1", "afspraak-1-2"} <= set(parse(theme).ids)
    start = parse(site / "index.html").links
    assert f"{SLUG}/" in start


def test_skeleton_example_reaches_its_expected_verdict(project):
    docs = project / "docs"
    pages, errors = read_pages(docs)
    assert not errors
    example = pages[f"{SLUG}/voorbeelden/gv-voorbeeld-geschenk.md"]
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
    result = build_site(project, site, code=SLUG)
    assert result.returncode == 0, result.stderr
    assert (site / SLUG / "geschenken" / "index.html").is_file()
    assert not (site / "gemeente-utrecht").exists()


@pytest.mark.parametrize("slug, fragment", [
    ("Gemeente_Voorbeeld", "geen geldige naam"),
    ("gemeente", "geen geldige naam"),
    ("gemeente-utrecht", "docs/gemeente-utrecht bestaat al"),
    ("gemeente-uithoorn", "de afkorting 'gu'"),
])
def test_bad_names_are_refused_in_dutch(slug, fragment):
    with pytest.raises(NewCodeError) as caught:
        create(slug, ROOT / "docs")
    assert fragment in str(caught.value)


def test_make_new_code_without_a_name_says_what_to_do():
    result = subprocess.run(["make", "-s", "new-code"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "geen geldige naam" in result.stderr and "Traceback" not in result.stderr
