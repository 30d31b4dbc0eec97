"""Agreement anchors are unique on their page and stable over time.

tests/content/anchors.txt records every anchor a checker or trainer may link to
(`page-url#anchor`). Removing or renumbering one breaks published links: the test fails.
Add new anchors with `python -m tests.content.test_anchors --update`.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from tests.conftest import DOCS
from tests.site_html import html_pages, page_url, parse

SNAPSHOT = Path(__file__).with_name("anchors.txt")
STABLE_PREFIXES = ("afspraak-", "artikel-", "voorbeeld-")
EXPLICIT_ID = re.compile(r"""\{[^}\n]*#([\w-]+)|\bid=["']([\w-]+)["']""")


def explicit_ids(site: Path) -> dict[str, set[str]]:
    """Ids an editor wrote on purpose ({#id} or id="..."), per page URL."""
    ids: dict[str, set[str]] = {}
    for md in DOCS.rglob("*.md"):
        rel = md.relative_to(DOCS).as_posix()[:-3]
        url = rel[:-5] if rel.endswith("index") else rel + "/"
        ids[url] = {a or b for a, b in EXPLICIT_ID.findall(md.read_text(encoding="utf-8"))}
    return ids


def stable_anchors(site: Path) -> set[str]:
    """Agreements, articles, examples, and every id an editor set explicitly."""
    anchors, explicit = set(), explicit_ids(site)
    for path in html_pages(site):
        url = page_url(site, path)
        for anchor in parse(path).ids:
            if anchor.startswith(STABLE_PREFIXES) or anchor in explicit.get(url, ()):
                anchors.add(f"{url}#{anchor}")
    return anchors


def test_ids_are_unique_on_every_page(built_site):
    for path in html_pages(built_site):
        duplicates = [i for i, n in Counter(parse(path).ids).items() if n > 1]
        assert duplicates == [], f"{path.relative_to(built_site)}: duplicate ids {duplicates}"


def test_every_recorded_anchor_still_exists(built_site):
    recorded = {line for line in SNAPSHOT.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
    missing = sorted(recorded - stable_anchors(built_site))
    assert not missing, ("these anchors were published and are gone (links to them break); restore them or, if the "
                         f"code itself changed, remove them from {SNAPSHOT.name} on purpose: {missing}")


def test_every_anchor_is_recorded(built_site):
    recorded = set(SNAPSHOT.read_text(encoding="utf-8").splitlines())
    new = sorted(stable_anchors(built_site) - recorded)
    assert not new, f"new anchors: record them with `python -m tests.content.test_anchors --update`: {new[:10]}"


def test_agreements_exist_for_the_codes_with_rules(built_site):
    anchors = stable_anchors(built_site)
    for org in ["universiteit-twente", "gemeente-utrecht", "provincie-utrecht"]:
        assert sum(a.startswith(org) and "#afspraak-" in a for a in anchors) >= 10, org


if __name__ == "__main__" and "--update" in sys.argv:
    import tempfile
    from tests.conftest import ROOT, build_site
    with tempfile.TemporaryDirectory() as tmp:
        result = build_site(ROOT, Path(tmp))
        assert result.returncode == 0, result.stderr
        header = "# Stable anchors (page#anchor). Published links depend on these; see test_anchors.py.\n"
        SNAPSHOT.write_text(header + "\n".join(sorted(stable_anchors(Path(tmp)))) + "\n", encoding="utf-8")
        print(f"{SNAPSHOT}: {len(stable_anchors(Path(tmp)))} anchors")
