"""The checker page under hostile input and faults: the hostile corpus through the page's own path to
the worker, typed bad amounts, hostile URL fragments, every start-up fault, and rapid changes where
slow answers from the worker arrive out of order (the last answer wins)."""
from __future__ import annotations

import re

import pytest

from build_scripts.checker_embed import UI_TEXT
from checkers import evaluate
from tests.browser.conftest import dedicated_worker
from tests.browser.test_checkers import (READY_TIMEOUT, RULE_FILES, open_checker, page_url, rules,
                                         wait_for_verdict)
from tests.checkers.hostile_answers import BAD_AMOUNT_TEXTS, NESTED, UNKNOWN_QUESTION, hostile_answers

pytestmark = pytest.mark.browser
DUTCH = re.compile(r"\b(de|het|een|is|niet|vul|kies|bijvoorbeeld|vraag|bedrag|antwoorden)\b", re.I)
PAGE_MESSAGES = {UI_TEXT["ongeldig"], UI_TEXT["onvolledig"], UI_TEXT["rekenfout"]}
WATCH = ("window.__problems = []; document.addEventListener('securitypolicyviolation', "
         "e => window.__problems.push('csp ' + e.violatedDirective)); "
         "window.alert = window.confirm = window.prompt = () => window.__problems.push('dialog');")

# In the page: put each item's answers through Checker.update (the request the page sends to the
# worker), then express the string answers in the form itself (a radio's value is tampered with
# where the answer is no option), as a hostile user with the developer tools could. Every outcome
# the page renders is recorded.
RUN_CORPUS = """async ([checker, items]) => {
  const section = document.querySelector(`section.cw-check[data-checker='${checker}']`);
  const c = section.codewijzer;
  const seen = [];
  const render = c.render.bind(c);
  c.render = (result) => { seen.push(result); render(result); };
  const original = new Map([...c.fields].map(([id, f]) => [id, f.inputs.map((i) => i.value)]));
  const results = [];
  for (const [label, raw] of items) {
    let answers;
    try { answers = JSON.parse(raw); } catch { continue; }
    seen.length = 0;
    await c.update(answers);
    c.form.reset();
    for (const [id, field] of c.fields) {
      field.inputs.forEach((input, i) => { input.value = original.get(id)[i]; });
      const value = answers && typeof answers === "object" ? answers[id] : undefined;
      if (typeof value !== "string") continue;
      if (field.question.kind === "amount") field.inputs[0].value = value;
      else {
        const match = field.inputs.find((input) => input.value === value) || field.inputs[0];
        match.value = value;
        match.checked = true;
      }
    }
    await c.update();
    results.push({ label, statuses: seen.map((r) => r.status), verdict: c.outcome.dataset.verdict || "",
      message: c.outcome.textContent, html: c.outcome.innerHTML.length,
      errors: [...section.querySelectorAll(".cw-fout:not([hidden])")].map((e) => e.textContent) });
  }
  c.render = render;
  return results;
}"""


def page_items(code: str, checker: str) -> list[tuple[str, str]]:
    """The corpus items a page can receive: not unknown questions (the form has no field for them, and
    the worker rightly ignores them) and not nesting deeper than JSON.stringify can write back."""
    return [(label, raw) for label, raw in hostile_answers(checker, code)
            if not label.startswith(UNKNOWN_QUESTION) and NESTED not in label]


@pytest.mark.parametrize("code, checker", RULE_FILES, ids=[f"{c}-{k}" for c, k in RULE_FILES])
def test_hostile_answers_in_the_page_get_a_dutch_message_and_no_verdict(browser, site_url, code, checker):
    context = browser.new_context(service_workers="block")
    context.add_init_script(WATCH)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_checker(page, site_url, code, checker)
    results = page.evaluate(RUN_CORPUS, [checker, page_items(code, checker)])
    problems = page.evaluate("window.__problems")
    injected = page.evaluate("() => document.querySelectorAll('img[src=x], b').length")
    state = page.get_attribute(f"section[data-checker='{checker}']", "data-state")
    context.close()
    assert len(results) >= 50
    for result in results:
        label = result["label"]
        assert "uitkomst" not in result["statuses"] and result["verdict"] == "", label
        assert result["message"] in PAGE_MESSAGES, f"{label}: {result['message'][:100]}"
        assert all(DUTCH.search(text) for text in result["errors"]), f"{label}: {result['errors']}"
        assert result["html"] < 2_000, f"{label}: the outcome repeats the input"
    assert problems == [] and errors == [] and injected == 0 and state == "ready"


def gift_checker_at_the_amount(page, site_url):
    """The gift checker with every question before the amount answered, so the amount decides."""
    section = open_checker(page, site_url, "gemeente-utrecht", "geschenken")
    section.locator("input[value='geschenk']").check()
    for question in ["huisadres", "onderhandeling", "tegenprestatie", "aanleiding"]:
        section.locator(f".cw-vraag[data-vraag={question}] input[value=nee]").wait_for()
        section.locator(f".cw-vraag[data-vraag={question}] input[value=nee]").check()
    return section


def test_typed_bad_amounts_get_a_message_next_to_the_field(page, site_url):
    section = gift_checker_at_the_amount(page, site_url)
    amount = section.locator("input.cw-bedrag")
    error = section.locator(".cw-vraag[data-vraag=waarde] .cw-fout")
    typed = [text for text in BAD_AMOUNT_TEXTS if text.strip() and "\u0000" not in text]
    previous = None
    for text in typed:
        amount.fill("10")
        assert wait_for_verdict(page, "geschenken"), previous       # the outcome before comes back
        assert section.locator(".cw-verdict").is_visible(), previous
        previous = text[:30]
        amount.fill(text)
        page.wait_for_function("() => document.querySelector('section[data-checker=geschenken] .cw-check-uitkomst')"
                               ".dataset.verdict === ''")
        error.wait_for(state="visible")
        assert DUTCH.search(error.inner_text()), text
        assert amount.get_attribute("aria-invalid") == "true", text
    assert len(typed) >= 40


HOSTILE_FRAGMENTS = ["#check=bestaat-niet", "#check=<img src=x onerror=alert(1)>", "#check=%3Cscript%3Ealert(1)%3C/script%3E",
                     "#check=" + "a" * 10_000, "#check=GU-FLESSEN-WIJN", "#check=gu-flessen-wijn/../x",
                     "#check=__proto__", "#check=constructor", "#check=tostring", "#check=gu-flessen-wijn&x=1",
                     "#check=gu-flessen-wijn%00", "#check=pu-fles-wijn-na-presentatie", "#\"><b>x</b>",
                     "#javascript:alert(1)", "#check=", "#check", "#" + "<b>" * 1_000]


def test_hostile_fragments_change_nothing(browser, site_url):
    context = browser.new_context(service_workers="block")
    context.add_init_script(WATCH)
    page = context.new_page()
    section = open_checker(page, site_url, "gemeente-utrecht", "geschenken")
    before = page.inner_text("section[data-checker=geschenken] .cw-check-status")
    renders = page.get_attribute("section[data-checker=geschenken]", "data-renders")
    for fragment in HOSTILE_FRAGMENTS:
        page.evaluate("f => { location.hash = f; }", fragment)
        page.wait_for_timeout(50)
        assert section.locator("input:checked").count() == 0, fragment
        assert page.inner_text("section[data-checker=geschenken] .cw-check-status") == before, fragment
        assert page.get_attribute("section[data-checker=geschenken]", "data-renders") == renders, fragment
    assert page.evaluate("() => document.querySelectorAll('img[src=x], b').length") == 0
    assert page.evaluate("window.__problems") == []
    page.evaluate("() => { location.hash = 'check=gu-flessen-wijn'; }")       # a real example still works
    assert wait_for_verdict(page, "geschenken") == "bespreken"
    context.close()


def worker_throws(route):
    route.fulfill(status=200, content_type="text/javascript", body="throw new Error('kapot');")


def route_404(route):
    route.fulfill(status=404, body="weg")


FAULTS = {  # name: (URL pattern, handler)
    "wasm-404": ("**/pyodide.asm.wasm", route_404),
    "wheel-404": ("**/assets/checkers/*.whl", route_404),
    "stdlib-404": ("**/python_stdlib-*.zip", route_404),
    "pyodide-module-404": ("**/pyodide/pyodide.mjs", route_404),
    "worker-500": ("**/codewijzer-worker.js", lambda route: route.fulfill(status=500, body="kapot")),
    "worker-throws": ("**/codewijzer-worker.js", worker_throws),
    "worker-not-javascript": ("**/codewijzer-worker.js",
                              lambda route: route.fulfill(status=200, content_type="text/html", body="<p>x</p>")),
}


@pytest.mark.parametrize("fault", list(FAULTS) + ["javascript-off"])
def test_every_fault_shows_a_message_and_the_rules(browser, site_url, fault):
    context = dedicated_worker(browser.new_context(service_workers="block", java_script_enabled=fault != "javascript-off"))
    if fault in FAULTS:
        context.route(*FAULTS[fault])
    page = context.new_page()
    page.goto(f"{site_url}{page_url('gemeente-utrecht', 'geschenken')}")
    section = "section[data-checker=geschenken]"
    if fault == "javascript-off":
        message = page.locator(f"{section} .cw-check-melding")
        expected = "JavaScript staat uit"
    else:
        page.wait_for_selector(f"{section}[data-state='error']", timeout=READY_TIMEOUT)
        message = page.locator(f"{section} .cw-check-status")
        expected = "kan in deze browser niet worden geladen"
    assert message.is_visible() and expected in message.inner_text()
    rules_list = page.locator("#check-geschenken-regels details")
    assert rules_list.get_attribute("open") is not None and rules_list.is_visible()
    assert rules_list.locator("li").count() >= 5 and rules_list.locator("a[href*='#afspraak-2-5a']").count() >= 1
    assert page.locator(f"{section} form").count() == 0          # no half-working form
    context.close()


# Worker side: hold each evaluation back, the earlier ones longest, so answers arrive out of order.
SLOW_WORKER = """() => {
  const handle = self.onmessage;
  let count = 0;
  self.onmessage = (event) => {
    const delay = event.data.type === "evaluate" ? Math.max(0, 600 - 60 * count++) : 0;
    setTimeout(() => handle(event), delay);
  };
}"""


def test_the_last_answer_wins_when_answers_arrive_out_of_order(page, site_url):
    dedicated_worker(page)
    section = gift_checker_at_the_amount(page, site_url)
    worker = next(w for w in page.workers if w.url.endswith("codewijzer-worker.js"))
    worker.evaluate(SLOW_WORKER)
    amount = section.locator("input.cw-bedrag")
    amount.click()
    page.keyboard.type("9999", delay=0)            # 9, 99, 999, 9999: each an answer on its way
    for _ in range(3):
        page.keyboard.press("Backspace")            # ... 999, 99, 9
    aanleiding = section.locator(".cw-vraag[data-vraag=aanleiding]")
    for value in ["ja", "nee", "ja", "nee", "ja"]:
        aanleiding.locator(f"input[value={value}]").check()
    answers = {"soort": "geschenk", "waarde": "9", "huisadres": "nee", "onderhandeling": "nee",
               "tegenprestatie": "nee", "aanleiding": "ja"}
    expected = evaluate("geschenken", rules("gemeente-utrecht", "geschenken"), answers)["verdict"]
    page.wait_for_function("v => document.querySelector('section[data-checker=geschenken] .cw-check-uitkomst')"
                           ".dataset.verdict === v", arg=expected, timeout=15_000)
    page.wait_for_timeout(1_500)                   # every held-back answer has now arrived
    assert wait_for_verdict(page, "geschenken") == expected
    assert amount.input_value() == "9"
    stale = {evaluate("geschenken", rules("gemeente-utrecht", "geschenken"),
                      {**answers, "waarde": w, "aanleiding": a})["verdict"] for w in ["9999", "999"] for a in ["ja", "nee"]}
    assert stale - {expected}, "the test needs answers whose outcome differs from the last one"
