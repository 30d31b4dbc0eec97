"""Task-first entry: the start page and every organisation's page open with "Wat wil je weten?", each
checker as a plain question linking straight to its form; the code's facts come after; the editors'
guide is reachable (footer, URL) but not in the employees' menu, nor in their search."""
from __future__ import annotations

import json
import posixpath
import re

from build_scripts.tasks import ORDER
from checkers.rules import rule_files
from tests.conftest import DOCS
from tests.site_html import html_pages


def checkers() -> list[tuple[str, str]]:
    return [(p.parent.parent.name, p.stem) for p in rule_files(DOCS)]


def check_page_url(org: str, checker: str) -> str:
    """The URL path (from the site root) of the page with the checker."""
    text = (DOCS / org / "regels" / f"{checker}.toml").read_text(encoding="utf-8")
    page = re.search(r'^pagina = "([^"]+)"', text, re.M).group(1)
    return posixpath.normpath(f"{org}/regels/{page}").removesuffix(".md") + "/"


def links_in_tasks(html: str, page_url: str) -> list[str]:
    block = html[html.index('class="cw-taken'):]
    block = block[:block.index("</div>")]
    return [posixpath.normpath(posixpath.join(page_url, href.split("#")[0])) + "/#" + href.split("#")[1]
            if "#" in href else href for href in re.findall(r'href="([^"]+)"', block)]


def test_every_checker_is_one_tap_from_its_organisation_page(built_site):
    for org, checker in checkers():
        html = (built_site / org / "index.html").read_text(encoding="utf-8")
        assert f"{check_page_url(org, checker)}#check-{checker}" in links_in_tasks(html, org + "/"), (org, checker)


def test_every_checker_is_one_tap_from_the_start_page(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    links = links_in_tasks(html, ".")
    for org, checker in checkers():
        assert f"{check_page_url(org, checker)}#check-{checker}" in links, (org, checker)


def test_help_comes_first_and_the_code_facts_come_after_the_tasks(built_site):
    assert ORDER[0] == "meldroute"
    for org, _ in checkers():
        html = (built_site / org / "index.html").read_text(encoding="utf-8")
        tasks = html.index('class="cw-taken')
        assert tasks < html.index("cw-codegegevens"), f"{org}: the code's facts come before the tasks"
        first = re.search(r'class="cw-taak-link"><a href="([^"]+)"', html[tasks:]).group(1)
        assert "check-meldroute" in first or first.startswith("hulp"), f"{org}: help is not first ({first})"


def test_the_guide_is_out_of_the_menu_but_linked_in_every_footer(built_site):
    for path in html_pages(built_site):
        html = path.read_text(encoding="utf-8")
        nav = html[html.index('<nav class="md-nav md-nav--primary"'):html.index("</nav>", html.index('md-nav--primary'))]
        assert "handleiding/" not in nav, f"{path}: the editors' guide is in the employees' menu"
        assert "Voor redacteuren" in html, f"{path}: no link to the editors' guide"
    assert (built_site / "handleiding" / "index.html").is_file()


def test_editors_pages_and_rule_lists_are_not_in_the_search_index(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert not [loc for loc in locations if loc.startswith("handleiding/")]
    assert any(loc.startswith("gemeente-utrecht/geschenken/") for loc in locations)
    assert not [doc["location"] for doc in index["docs"] if "De regels van deze check op een rij" in doc["text"]
                or "in alle andere gevallen" in doc["text"]]
