"""Employees' journeys, end to end, at phone and desktop size (issue #14's proof).

Each journey starts on the home page and counts every tap (or click) until the outcome: the outcome's
heading must then be in view and focused, say what to do and to whom, show how to reach every role it
names (or say plainly that the organisation has not provided it), list the answers with working
"Wijzig" links, and pass axe. Back and Forward move between the questions and the outcome.
Screenshots are kept in test-results/journeys/ (gitignored) for a person to look at.

The expected headings, roles and tap counts below are fixtures copied from the rule and contact files
at the time of writing; a change there that makes a journey longer or vaguer should fail here.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import axe_violations, describe
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

SHOTS = ROOT / "test-results" / "journeys"
SIZES = {"telefoon": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
PYTHON_READY = 180_000      # Pyodide's first start on a loaded machine


class Journey:
    """A page in a phone-like or desktop context that counts the reader's taps."""

    def __init__(self, browser, site_url: str, size: str, name: str):
        phone = size == "telefoon"
        self.context = browser.new_context(viewport=SIZES[size], has_touch=phone, is_mobile=phone, locale="nl-NL",
                                           service_workers="block", reduced_motion="reduce" if phone else "no-preference")
        self.page = self.context.new_page()
        self.phone, self.name, self.size = phone, name, size
        self.taps = 0
        self.page.goto(site_url)

    def tap(self, locator) -> None:
        self.taps += 1
        locator.scroll_into_view_if_needed()
        if self.phone:
            locator.tap()
        else:
            locator.click()

    def answer(self, section, question: str, value: str) -> None:
        field = section.locator(f".cw-vraag[data-vraag={question}]")
        expect(field).to_be_visible()
        option = field.locator(f"input[value='{value}']")
        self.tap(section.locator(f"label[for='{option.get_attribute('id')}']"))

    def amount(self, section, question: str, value: str) -> None:
        field = section.locator(f".cw-vraag[data-vraag={question}] input")
        self.tap(field)
        field.fill(value)

    def shot(self, step: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{self.name}-{self.size}-{step}.png"))

    def close(self) -> None:
        self.context.close()


def checker(page, name: str):
    section = page.locator(f"section.cw-check[data-checker={name}]")
    expect(section).to_have_attribute("data-state", "ready", timeout=PYTHON_READY)
    return section


def assert_outcome_in_view_and_focused(journey: Journey, section, heading: str) -> None:
    verdict = section.locator(".cw-verdict")
    expect(verdict).to_have_text(heading)
    expect(verdict).to_be_focused()
    expect(verdict).to_be_in_viewport(ratio=1)
    # At the top of the screen, below the sticky header (not under it, not at the bottom edge), once any
    # smooth scrolling has settled, so the reason and next steps follow on the same screen.
    journey.page.wait_for_function("""(verdict) => {
        const header = document.querySelector(".md-header").getBoundingClientRect();
        const top = verdict.getBoundingClientRect().top;
        return top >= header.bottom - 1 && top <= header.bottom + 120;
    }""", arg=verdict.element_handle(), timeout=10_000)


def assert_contacts(section, roles: list[str]) -> None:
    """Every role named is shown with a way to reach it, or a plain 'not yet provided' sentence."""
    for role in roles:
        expect(section.locator(f".cw-contact[data-contact={role}]")).to_be_visible()
    for contact in section.locator(".cw-contact").all():
        ways = contact.locator("a[href^='https:'], a[href^='mailto:'], a[href^='tel:']").count()
        said = contact.locator(".cw-nog-niet, .cw-persoonlijk").count()
        assert ways or said, contact.inner_text()
        if contact.locator(".cw-nog-niet").count():
            assert "heeft nog niet doorgegeven" in contact.locator(".cw-nog-niet").inner_text()


def assert_axe_clean(page, where: str) -> None:
    violations = axe_violations(page)
    assert not violations, describe(violations, where)


def change_answer(journey: Journey, section, question: str, value: str, heading: str) -> None:
    """'Wijzig' takes focus to the question; a new answer brings the new outcome into view."""
    journey.tap(section.locator(f".cw-wijzig[data-vraag={question}]"))
    focused = journey.page.evaluate("() => document.activeElement.closest('.cw-vraag')?.dataset.vraag")
    assert focused == question
    expect(section.locator(f".cw-vraag[data-vraag={question}]")).to_be_in_viewport()
    journey.answer(section, question, value)
    assert_outcome_in_view_and_focused(journey, section, heading)


def back_and_forward(journey: Journey, section, heading: str) -> None:
    """Back returns to the questions (the page stays, with its answers); Forward to the outcome."""
    page = journey.page
    answered = section.locator("input:checked").count()
    page.go_back()
    page.wait_for_function("() => document.activeElement.closest('.cw-vraag') !== null")
    assert section.locator("input:checked").count() == answered, "the answers are still there"
    page.go_forward()
    assert_outcome_in_view_and_focused(journey, section, heading)


@pytest.fixture(params=list(SIZES))
def size(request):
    return request.param


def test_gemeente_utrecht_gift_delivered_at_home(browser, site_url, size):
    journey = Journey(browser, site_url, size, "gu-geschenk-thuis")
    page = journey.page
    try:
        tasks = page.locator(".cw-taken")
        journey.tap(tasks.locator("a[href$='/gemeente-utrecht/geschenken/#check-geschenken']"))
        section = checker(page, "geschenken")
        journey.answer(section, "soort", "geschenk")
        journey.amount(section, "waarde", "30")
        journey.answer(section, "huisadres", "ja")
        journey.answer(section, "onderhandeling", "nee")
        journey.answer(section, "tegenprestatie", "nee")
        journey.answer(section, "aanleiding", "ja")
        heading = ("Neem het geschenk niet aan; is het al bezorgd, stuur het dan terug en bespreek het met je "
                   "leidinggevende")
        assert_outcome_in_view_and_focused(journey, section, heading)
        assert journey.taps == 7
        journey.shot("uitkomst")
        assert_contacts(section, ["leidinggevende"])
        answers = section.locator(".cw-jouw-antwoord")
        assert answers.count() == 6
        assert "Ja" in answers.nth(2).inner_text()
        assert_axe_clean(page, f"the gift outcome ({size})")
        back_and_forward(journey, section, heading)
        change_answer(journey, section, "huisadres", "nee", "Ja, en je meldt het bij je leidinggevende")
        journey.shot("gewijzigd")
    finally:
        journey.close()


def test_universiteit_maastricht_intimidated_phd_candidate(browser, site_url, size):
    journey = Journey(browser, site_url, size, "um-promovendus")
    page = journey.page
    try:
        journey.tap(page.locator(".cw-taken a[href$='/universiteit-maastricht/hulp/#check-meldroute']"))
        section = checker(page, "meldroute")
        journey.answer(section, "onderwerp", "ongewenst")
        journey.answer(section, "wens", "luisteren")
        journey.answer(section, "phd", "ja")
        journey.answer(section, "strafbaar", "nee")
        heading = ("Praat in vertrouwen met de PhD-vertrouwenspersoon van je faculteit of een vertrouwenspersoon "
                   "van het team SV")
        assert_outcome_in_view_and_focused(journey, section, heading)
        assert journey.taps == 5
        journey.shot("uitkomst")
        assert_contacts(section, ["phd_vertrouwenspersoon", "vertrouwenspersoon"])
        # Universiteit Maastricht has given no contact details yet: the outcome says so, plainly.
        expect(section.locator(".cw-contact[data-contact=phd_vertrouwenspersoon] .cw-nog-niet")).to_be_visible()
        # Abbreviations are explained where they appear.
        expect(section.locator(".cw-verdict abbr[title^='Sociale Veiligheid']")).to_have_text("SV")
        assert_axe_clean(page, f"the UM outcome ({size})")
        back_and_forward(journey, section, heading)
        change_answer(journey, section, "phd", "nee",
                      "Praat in vertrouwen met een vertrouwenspersoon van het team Sociale Veiligheid")
        journey.shot("gewijzigd")
    finally:
        journey.close()


def test_universiteit_twente_relationship_with_a_student(browser, site_url, size):
    journey = Journey(browser, site_url, size, "ut-relatie-student")
    page = journey.page
    try:
        journey.tap(page.locator(".cw-taken a[href$='/universiteit-twente/meldplicht/#check-relaties']"))
        section = checker(page, "relaties")
        journey.answer(section, "relatie", "liefde")
        journey.answer(section, "wie", "student")
        journey.answer(section, "cvb", "nee")
        journey.answer(section, "student_rol", "ja")
        journey.answer(section, "risico", "ja")
        heading = "Meld deze relatie bij je leidinggevende"
        assert_outcome_in_view_and_focused(journey, section, heading)
        assert journey.taps == 6
        journey.shot("uitkomst")
        assert_contacts(section, ["leidinggevende", "vertrouwenspersoon", "hr_manager"])
        expect(section.locator(".cw-contact[data-contact=vertrouwenspersoon] a[href^='https://www.utwente.nl/']")
               ).to_be_visible()
        # Next steps fit the answers: no CvB procedure for someone who is not in the CvB.
        assert "CvB" not in section.locator(".cw-check-uitkomst ol").inner_text()
        assert_axe_clean(page, f"the UT outcome ({size})")
        back_and_forward(journey, section, heading)
        change_answer(journey, section, "cvb", "ja",
                      "Meld deze relatie bij de voorzitter van de Raad van Toezicht en bij de andere leden van het CvB")
        assert "Raad van Toezicht bespreekt de zaak zonder jou" in section.locator(".cw-check-uitkomst ol").inner_text()
        journey.shot("gewijzigd")
    finally:
        journey.close()


def test_provincie_utrecht_trainer_prepares_a_gifts_workshop(browser, site_url, size):
    journey = Journey(browser, site_url, size, "pu-trainer-workshop")
    page = journey.page
    try:
        journey.tap(page.locator("#meer ~ ul a[href$='/workshop/']"))
        journey.tap(page.locator("a[href$='/workshop/provincie-utrecht/geschenken/']").first)
        journey.tap(page.locator("a[href$='geschenken-en-uitnodigingen/#check=pu-fles-wijn-na-presentatie']"))
        section = checker(page, "geschenken")
        heading = "Ja, en je meldt het bij je leidinggevende"
        assert_outcome_in_view_and_focused(journey, section, heading)
        assert journey.taps == 3
        journey.shot("voorbeeld")
        assert_contacts(section, ["leidinggevende"])
        assert_axe_clean(page, f"the PU example outcome ({size})")
        # The trainer shows what changes when the gift is delivered at home.
        journey.tap(section.locator(".cw-wijzig[data-vraag=huisadres]"))
        journey.answer(section, "huisadres", "ja")
        verdict = section.locator(".cw-verdict")
        expect(verdict).to_be_focused()
        expect(verdict).to_be_in_viewport(ratio=1)
        assert section.locator(".cw-check-uitkomst").get_attribute("data-verdict") == "mag-niet"
        journey.shot("gewijzigd")
    finally:
        journey.close()


def test_gaps_get_an_error_summary_that_links_to_each_question(browser, site_url, size):
    journey = Journey(browser, site_url, size, "foutoverzicht")
    page = journey.page
    try:
        page.goto(f"{site_url}gemeente-utrecht/geschenken/")
        section = checker(page, "geschenken")
        journey.answer(section, "soort", "geschenk")
        journey.tap(section.get_by_role("button", name="Naar de uitkomst"))
        summary = section.locator(".cw-foutoverzicht")
        expect(summary).to_be_focused()
        assert summary.get_attribute("role") == "alert"
        expect(summary.locator("h3")).to_have_text("Er is een probleem")
        links = summary.locator("a")
        assert links.count() == 5        # waarde, huisadres, onderhandeling, tegenprestatie, aanleiding
        journey.shot("fouten")
        # The message at the question, named by aria-describedby.
        field = section.locator(".cw-vraag[data-vraag=huisadres]")
        message = field.locator(".utrecht-form-field-error-message")
        expect(message).to_have_text("Kies een antwoord.")
        assert message.get_attribute("id") in field.locator("fieldset").get_attribute("aria-describedby")
        assert_axe_clean(page, f"the error summary ({size})")
        journey.tap(links.nth(1))
        assert page.evaluate("() => document.activeElement.closest('.cw-vraag')?.dataset.vraag") == "huisadres"
        journey.answer(section, "huisadres", "nee")
        expect(message).to_be_hidden()
        assert links.count() == 4
    finally:
        journey.close()
