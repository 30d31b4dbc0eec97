"""'Snel weg' on sensitive pages: visible, reachable by keyboard, leaves at once for a neutral page
and does not leave the page as the previous history entry; without JavaScript it is a plain link."""
from __future__ import annotations

import pytest

from build_scripts.content_model import read_pages, read_theme_entries
from build_scripts.quick_exit import NEUTRAL_PAGE, flagged_themes, wants_quick_exit
from tests.conftest import DOCS
from tests.site_html import html_pages, page_url

pytestmark = pytest.mark.browser
PAGE = "gemeente-utrecht/omgangsvormen/"
NEUTRAL_HTML = "<!doctype html><html lang=nl><title>Weer</title><p>Het weer</p></html>"


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="nl-NL", service_workers="block")
    context.route(NEUTRAL_PAGE, lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_HTML))
    yield context
    context.close()


def test_exactly_the_pages_of_flagged_themes_have_the_control(built_site):
    flagged = flagged_themes(read_theme_entries(DOCS))
    assert {"omgangsvormen", "relaties"} <= flagged
    pages, _ = read_pages(DOCS)
    expected = {p.src_path.removesuffix(".md").removesuffix("index") for p in pages.values()
                if wants_quick_exit(p.meta, flagged)}
    expected = {e if e.endswith("/") or not e else e + "/" for e in expected}
    found = {page_url(built_site, path) for path in html_pages(built_site)
             if 'class="cw-snel-weg-knop' in path.read_text(encoding="utf-8")}
    assert expected and found == expected
    for path in html_pages(built_site):
        text = path.read_text(encoding="utf-8")
        if 'class="cw-snel-weg-knop' in text:
            assert text.count('class="cw-snel-weg-knop') == 1 and f'href="{NEUTRAL_PAGE}"' in text


def leave_and_go_back(page, action) -> str:
    action()
    page.wait_for_url(NEUTRAL_PAGE)
    page.go_back()
    page.wait_for_load_state()
    return page.url


def test_snel_weg_leaves_and_back_does_not_return_to_the_page(context, site_url):
    page = context.new_page()
    page.goto(site_url)
    page.goto(site_url + PAGE)
    button = page.get_by_role("link", name="Snel weg")
    assert button.is_visible() and button.get_attribute("aria-describedby")
    assert leave_and_go_back(page, button.click) == site_url


def test_snel_weg_works_before_any_script_file_has_arrived(context, site_url):
    """A reader in a hurry taps as soon as the control is drawn, on a slow link: no script file
    may be needed yet. Here none ever arrives, and Back must still not return to the page."""
    page = context.new_page()
    page.goto(site_url)
    context.route("**/*.js", lambda route: route.abort())
    page.goto(site_url + PAGE)
    assert leave_and_go_back(page, page.get_by_role("link", name="Snel weg").click) == site_url


def test_snel_weg_after_instant_navigation(context, site_url):
    page = context.new_page()
    page.goto(site_url + "gemeente-utrecht/")
    page.locator(f"nav.md-nav a[href$='/{PAGE}']").first.click()       # Material swaps the page in
    page.get_by_role("link", name="Snel weg").wait_for()
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight / 2)")
    assert page.get_by_role("link", name="Snel weg").is_visible()         # stays in view while reading
    assert leave_and_go_back(page, page.get_by_role("link", name="Snel weg").click) == site_url + "gemeente-utrecht/"


def test_snel_weg_by_keyboard(context, site_url):
    page = context.new_page()
    page.goto(site_url)
    page.goto(site_url + PAGE)
    for _ in range(40):                          # Tab reaches the control
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('cw-snel-weg-knop')"):
            break
    else:
        raise AssertionError("Tab never reaches 'Snel weg'")
    assert leave_and_go_back(page, lambda: page.keyboard.press("Enter")) == site_url
    page.goto(site_url + PAGE)
    page.locator("h1").click()
    assert leave_and_go_back(page, lambda: [page.keyboard.press("Shift") for _ in range(3)]) == site_url


def test_shift_on_other_pages_and_typing_do_not_leave(context, site_url):
    page = context.new_page()
    page.goto(site_url + "gemeente-utrecht/geschenken/")                 # no control on this page
    for _ in range(3):
        page.keyboard.press("Shift")
    page.goto(site_url + PAGE)
    page.locator("h1").click()
    for key in ["Shift", "a", "Shift", "Shift"]:                        # not three in a row
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert page.url == site_url + PAGE


def test_without_javascript_snel_weg_is_a_plain_link(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    context.route(NEUTRAL_PAGE, lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_HTML))
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.get_by_role("link", name="Snel weg").click()
    page.wait_for_url(NEUTRAL_PAGE)
    context.close()


PHONE = {"width": 390, "height": 844}


def test_snel_weg_sits_in_the_header_on_a_phone_and_covers_nothing(browser, site_url):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, locale="nl-NL",
                                  service_workers="block")
    page = context.new_page()
    page.goto(site_url + PAGE)
    for scroll in (0, 1500):
        page.evaluate(f"() => window.scrollTo(0, {scroll})")
        page.wait_for_timeout(200)
        button = page.get_by_role("link", name="Snel weg").bounding_box()
        header = page.locator("header.md-header").bounding_box()
        assert button["y"] >= header["y"] - 1 and button["y"] + button["height"] <= header["y"] + header["height"] + 1
        assert button["x"] + button["width"] <= PHONE["width"]
        search = page.locator("header label.md-header__button[for='__search']").bounding_box()
        assert search["x"] + search["width"] <= button["x"], "the search button is under 'Snel weg'"
        # nothing of the page lies under the button: the element there is the button (or inside it)
        hit = page.evaluate("([x, y]) => document.elementFromPoint(x, y)?.closest('a')?.textContent",
                            [button["x"] + button["width"] / 2, button["y"] + button["height"] / 2])
        assert hit and "Snel weg" in hit
    context.close()


def test_the_explanation_fits_the_device(browser, site_url):
    touch = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, locale="nl-NL")
    page = touch.new_page()
    page.goto(site_url + PAGE)
    text = page.locator("#cw-snel-weg-uitleg").inner_text()
    assert "Tik" in text and "Shift" not in text
    touch.close()
    desktop = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    page = desktop.new_page()
    page.goto(site_url + PAGE)
    text = page.locator("#cw-snel-weg-uitleg").inner_text()
    assert "Shift" in text and "Tik" not in text
    desktop.close()
