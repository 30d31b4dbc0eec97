"""In the browser, a limit that holds from a date applies by the reader's own date: the page sends
its local date with every answer. Run on the history copy (tests/conftest.py `history_site`), whose
Gemeente Utrecht gift limit changes from € 50 to € 75 on 1 januari 2099."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.browser.conftest import serve_directory
from tests.browser.test_checkers import READY_TIMEOUT, wait_for_verdict

pytestmark = pytest.mark.browser
CHECKER = "section.cw-check[data-checker='geschenken']"


@pytest.fixture(scope="module")
def history_url(history_site):
    server, url = serve_directory(history_site)
    yield url
    server.shutdown()


def verdict_on(page, url: str, day: dt.datetime) -> tuple[str, str]:
    page.clock.set_fixed_time(day)        # Date in the page; timers keep running
    page.goto(f"{url}gemeente-utrecht/geschenken/")
    page.wait_for_selector(f"{CHECKER}[data-state='ready']", timeout=READY_TIMEOUT)
    section = page.locator(CHECKER)
    section.locator("input[value='geschenk']").check()
    section.locator("input.cw-bedrag").fill("60")
    for question in ["huisadres", "onderhandeling", "tegenprestatie"]:
        section.locator(f".cw-vraag[data-vraag={question}] input[value=nee]").check()
    section.locator(".cw-vraag[data-vraag=aanleiding] input[value=ja]").check()
    verdict = wait_for_verdict(page, "geschenken")
    return verdict, section.locator(".cw-regelversie").inner_text()


def section_text(page) -> str:
    return page.locator(f"{CHECKER} .cw-check-uitkomst").inner_text()


def test_before_the_boundary_the_page_applies_the_old_limit_and_announces_the_new(page, history_url):
    verdict, used = verdict_on(page, history_url, dt.datetime(2098, 12, 31, 23, 0))
    assert verdict == "mag-niet"
    assert "Uitgerekend met maximale waarde € 50: zoals die in de code staat, volgens Afspraak 2.5a." in used
    assert "Vanaf 1 januari 2099 geldt maximale waarde € 75, volgens Afspraak 2.5a." in used
    assert "meer dan € 50 neem je niet aan" in section_text(page)
    assert "€ 75" not in section_text(page).replace(used, "")


def test_from_the_boundary_the_page_applies_the_new_limit(page, history_url):
    verdict, used = verdict_on(page, history_url, dt.datetime(2099, 1, 1, 0, 30))
    assert verdict == "mag-melden"
    assert "Uitgerekend met maximale waarde € 75: geldt vanaf 1 januari 2099, volgens Afspraak 2.5a." in used


def test_the_rules_list_shows_the_announced_change(history_site):
    html = (history_site / "gemeente-utrecht" / "geschenken" / "index.html").read_text(encoding="utf-8")
    rules_list = html[html.index('id="check-geschenken-regels"'):]
    assert "meer dan € 50 (vanaf 1 januari 2099: € 75)" in rules_list
