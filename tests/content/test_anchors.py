"""Agreement anchors are unique on their page and stable over time.

tests/content/anchors.txt records every anchor a checker or trainer may link to (`page-url#anchor`).
The build appends new ones and fails when a recorded one disappears (build_scripts/published.py,
tested in test_published_records.py); these tests check the recorded state of the real site.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from build_scripts.published import all_anchors, read_record, stable_anchors
from tests.conftest import DOCS, ORGANISATIONS
from tests.site_html import html_pages, parse

SNAPSHOT = Path(__file__).with_name("anchors.txt")


def test_ids_are_unique_on_every_page(built_site):
    for path in html_pages(built_site):
        duplicates = [i for i, n in Counter(parse(path).ids).items() if n > 1]
        assert duplicates == [], f"{path.relative_to(built_site)}: duplicate ids {duplicates}"


def test_every_recorded_anchor_still_exists(built_site):
    anchors = all_anchors(built_site)
    missing = [entry for entry in read_record(SNAPSHOT)
               if entry.partition("#")[2] not in anchors.get(entry.partition("#")[0], set())]
    assert not missing, f"published anchors are gone: {missing}"


def test_every_stable_anchor_is_recorded_by_the_build(built_site):
    """The build of the real site (built_site) appended what was new: nothing is left to record by hand."""
    new = sorted(stable_anchors(built_site, DOCS) - set(read_record(SNAPSHOT)))
    assert not new, f"the build did not record these anchors: {new[:10]}"


def test_every_organisation_with_rules_has_numbered_agreements(built_site):
    anchors = stable_anchors(built_site, DOCS)
    with_rules = [org for org in ORGANISATIONS if list((DOCS / org / "regels").glob("*.toml"))]
    assert with_rules
    for org in with_rules:
        assert any(a.startswith(org + "/") and "#afspraak-" in a for a in anchors), org
