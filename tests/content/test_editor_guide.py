"""The editors' guide is in the site (linked from every page's footer, not in the employees' menu),
covers what the issue asks, and CI does what it says."""
from __future__ import annotations

import yaml

from tests.conftest import ROOT
from tests.site_html import parse

GUIDE_PAGES = ["tekst-wijzigen", "voorbeeld-toevoegen", "grens-wijzigen", "thema-toevoegen",
               "nieuwe-organisatie", "bekijken-en-publiceren", "meldingen"]


def test_guide_is_linked_from_the_footer(built_site):
    for page, link in [("index.html", "handleiding/"), ("gemeente-utrecht/geschenken/index.html", "../../handleiding/")]:
        html = (built_site / page).read_text(encoding="utf-8")
        assert f'<a href="{link}">Voor redacteuren: handleiding</a>' in html, page


def test_guide_index_links_every_guide_page(built_site):
    links = parse(built_site / "handleiding" / "index.html").links
    for name in GUIDE_PAGES:
        assert any(link.startswith(f"{name}/") for link in links), name


def test_guide_covers_the_editors_tasks():
    text = {name: (ROOT / "docs" / "handleiding" / f"{name}.md").read_text(encoding="utf-8") for name in GUIDE_PAGES}
    assert "make serve" in text["bekijken-en-publiceren"]
    assert "make new-code NAAM=" in text["nieuwe-organisatie"] and "make build CODE=" in text["nieuwe-organisatie"]
    assert "vanaf = 2027-01-01" in text["grens-wijzigen"]
    assert "verwacht:" in text["voorbeeld-toevoegen"] and "antwoorden:" in text["voorbeeld-toevoegen"]
    assert "docs/themas.yml" in text["thema-toevoegen"]
    assert "[[2.5a]]" in text["tekst-wijzigen"]


def test_workflow_tests_pull_requests_uploads_a_preview_and_publishes_main():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    triggers = workflow[True] if True in workflow else workflow["on"]     # YAML 1.1 reads 'on' as True
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    steps = workflow["jobs"]["test"]["steps"]
    assert any(step.get("run") == "make test" for step in steps)
    upload = next(step for step in steps if str(step.get("uses", "")).startswith("actions/upload-artifact")
                  and step["with"]["name"] == "codewijzer-site-preview")
    assert upload["with"]["path"] == "site/" and "if" not in upload
    report = next(step for step in steps if "make verschil" in str(step.get("run", "")))
    assert "pull_request" in report["if"] and "GITHUB_STEP_SUMMARY" in report["run"]
    assert any(step.get("with", {}).get("path") == "verschil.md" for step in steps)
    publish = workflow["jobs"]["publish"]
    assert publish["needs"] == "test" and "refs/heads/main" in publish["if"]
