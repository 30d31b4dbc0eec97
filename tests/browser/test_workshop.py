"""Workshop mode in Chromium: answers hidden behind disclosure buttons until the trainer reveals them,
by mouse or keyboard, one or all; readable without JavaScript; working after instant navigation."""
from __future__ import annotations


import pytest


pytestmark = pytest.mark.browser
SET = "workshop/gemeente-utrecht/geschenken/"
ANSWER_BUTTONS = ".cw-dilemma .cw-antwoord-knop"


def answers_hidden(page) -> list[bool]:
    return page.eval_on_selector_all(".cw-antwoord", "els => els.map(e => e.hidden)")


def open_set(page, site_url: str, path: str = SET):
    page.goto(site_url + path)
    page.wait_for_selector(ANSWER_BUTTONS)


def test_answers_start_hidden_behind_a_disclosure_button(page, site_url):
    open_set(page, site_url)
    hidden = answers_hidden(page)
    assert len(hidden) >= 2 and all(hidden)
    for button in page.locator(ANSWER_BUTTONS).all():
        assert button.get_attribute("aria-expanded") == "false"
        controlled = page.locator(f"#{button.get_attribute('aria-controls')}")
        assert controlled.count() == 1 and "cw-antwoord" in controlled.get_attribute("class")
        assert not controlled.is_visible()
    first = page.get_by_role("button", name="Wat kun je doen?").first
    assert first.evaluate("b => b.closest('.cw-dilemma').querySelector('h2').id.startsWith('voorbeeld-')")


def test_one_answer_opens_and_closes_with_the_mouse(page, site_url):
    open_set(page, site_url)
    button = page.locator(ANSWER_BUTTONS).nth(1)
    answer = page.locator(f"#{button.get_attribute('aria-controls')}")
    button.click()
    assert answer.is_visible() and button.get_attribute("aria-expanded") == "true"
    assert answers_hidden(page).count(False) == 1, "only the chosen answer opens"
    button.click()
    assert not answer.is_visible() and button.get_attribute("aria-expanded") == "false"


def test_answers_open_with_the_keyboard(page, site_url):
    open_set(page, site_url)
    first = page.locator(ANSWER_BUTTONS).first
    first.focus()
    page.keyboard.press("Enter")
    assert first.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")          # the next focusable thing: the answer's own links come first
    for _ in range(10):
        if page.evaluate("() => document.activeElement.classList.contains('cw-antwoord-knop')"):
            break
        page.keyboard.press("Tab")
    second = page.locator(ANSWER_BUTTONS).nth(1)
    assert page.evaluate("() => document.activeElement.getAttribute('aria-controls')") == second.get_attribute("aria-controls")
    page.keyboard.press("Space")
    assert second.get_attribute("aria-expanded") == "true"
    assert page.locator(f"#{second.get_attribute('aria-controls')}").is_visible()


def test_show_and_hide_all_answers(page, site_url):
    open_set(page, site_url)
    page.get_by_role("button", name="Toon alle antwoorden").click()
    assert not any(answers_hidden(page))
    assert all(b.get_attribute("aria-expanded") == "true" for b in page.locator(ANSWER_BUTTONS).all())
    assert page.inner_text(".cw-workshop-status") == "Alle antwoorden staan open."
    page.get_by_role("button", name="Verberg alle antwoorden").click()
    assert all(answers_hidden(page))
    assert all(b.get_attribute("aria-expanded") == "false" for b in page.locator(ANSWER_BUTTONS).all())
    assert page.inner_text(".cw-workshop-status") == "Alle antwoorden zijn verborgen."


def test_without_javascript_every_answer_is_readable(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + SET)
    answers = page.locator(".cw-antwoord")
    assert answers.count() >= 2 and all(answer.is_visible() for answer in answers.all())
    assert page.locator("button").filter(has_text="Toon alle antwoorden").is_hidden()
    context.close()


def test_after_instant_navigation_the_workshop_works(page, instant_site_url):
    """Material swaps the page without a reload and re-runs the page's scripts; the workshop must work
    once, not twice, on every page it reaches that way."""
    site_url = instant_site_url
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(site_url + "voorbeelden/")
    page.wait_for_load_state("networkidle")            # Material has read the sitemap
    page.evaluate("() => { window.__samePage = true; }")
    page.get_by_role("link", name="Workshop geven").first.click()
    page.wait_for_url("**/workshop/")
    page.locator("article a[href$='workshop/gemeente-utrecht/geschenken/']").first.click()
    page.wait_for_url(f"**/{SET}")
    page.wait_for_selector(ANSWER_BUTTONS)
    assert page.evaluate("() => window.__samePage === true"), "this was a full page load, not instant navigation"
    assert all(answers_hidden(page))
    page.get_by_role("button", name="Toon alle antwoorden").click()
    assert not any(answers_hidden(page))
    # On to the hand-out and back, still without reloading: the script runs again on each page.
    page.get_by_role("link", name="de hand-out met ruimte voor aantekeningen").click()
    page.wait_for_url("**/hand-out/")
    page.wait_for_selector("button.cw-afdrukken:not([hidden])")
    page.go_back()
    page.wait_for_url(f"**/{SET}")
    page.wait_for_selector(ANSWER_BUTTONS)
    assert page.evaluate("() => window.__samePage === true")
    assert all(answers_hidden(page))
    button = page.locator(ANSWER_BUTTONS).first
    button.click()
    assert button.get_attribute("aria-expanded") == "true", "one click must toggle once (no double handlers)"
    page.get_by_role("button", name="Toon alle antwoorden").click()
    assert page.locator(".cw-workshop-knoppen").count() == 1 and not any(answers_hidden(page))
    assert violations == []
