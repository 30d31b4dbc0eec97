"""Put a checker into its theme page: the interactive form's shell and data, and the same rules
as a readable list for readers without JavaScript (or when Pyodide cannot load).

The shell is static HTML with one JSON data block (<script type="application/json">, which no
browser executes, so the Content-Security-Policy has nothing to allow), inside a <template>:
Material's instant navigation re-creates every <script> of the content without its type (it would
then run the JSON as code, which the policy blocks), and it does not look inside a template's
inert content. The block holds the form's schema
(checkers.schema, English keys), the rule set for the worker (RuleSet.to_wire, passed on untouched),
the practice examples and the interface text. codewijzer-check.js renders the form from the schema
at once; Python decides visibility, messages and outcome.
The readable list is Markdown, so MkDocs validates every source link in it.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from checkers import schema, to_json
from checkers.amounts import dutch_amount
from checkers.dates import evaluation_date, is_set
from checkers.dutch_dates import dutch_date
from checkers.model import AllOf, AnswerIs, AnyOf, Compare, Condition, Not, RuleSet, Source

from . import contact_points
from .checker_assets import page_runtime
from .paths import doc_link, to_root

# Interface text for the page script: Dutch wording lives here, not in JavaScript.
UI_TEXT = {
    "ja": "Ja",
    "nee": "Nee",
    "laden": "De check wordt geladen. Je kunt de vragen al beantwoorden.",
    "laden_uitkomst": ("De rekenhulp wordt nog geladen. Je kunt de vragen al beantwoorden; de uitkomst "
                       "verschijnt hier zodra hij klaar is."),
    "laden_downloaden": "Rekenhulp downloaden",
    "laden_starten": "Rekenhulp starten",
    "geldt_vanaf": "geldt vanaf",
    "klaar": "De check is klaar. Beantwoord de vragen; de uitkomst verschijnt onder de vragen.",
    "fout": ("De check kan in deze browser niet worden geladen. Hieronder staan de regels van de check "
             "op een rij; daarmee kun je het zelf nagaan."),
    "onvolledig": "Beantwoord de vragen hierboven. De uitkomst verschijnt hier.",
    "ongeldig": "Verbeter het antwoord bij de vraag met een melding.",
    "rekenfout": ("Met deze antwoorden kan de check geen uitkomst geven. Pas je antwoorden aan, begin opnieuw "
                  "of lees de regels van de check hieronder."),
    "uitkomst": "Uitkomst",
    "onduidelijk": ("Let op: de tekst van de code is hier niet eenduidig. De uitkomst noemt beide teksten; "
                    "bespreek je situatie met je leidinggevende of een vertrouwenspersoon."),
    "waarom": "Waarom?",
    "ook": "Ook van belang",
    "vervolg": "Wat kun je nu doen?",
    "bronnen": "Waar staat dit?",
    "bron": "Bron",
    "opnieuw": "Opnieuw beginnen",
    "wijzig": "Wijzig",
    "wijzig_antwoord": "je antwoord op",
    "fout_kop": "Er is een probleem",
    "niet_beantwoord": "Kies een antwoord.",
    "bedrag_leeg": "Vul een bedrag in, bijvoorbeeld 25 of 49,99.",
    "contact_kop": "Zo bereik je ze",
    "hulp_pagina": "Alle contactpunten op de hulppagina",
    "nog_niet_bekend": "Nog niet bekend.",
    "website": "Website",
    "email": "E-mail",
    "telefoon": "Telefoon",
    "bereikbaar": "Bereikbaar",
    "versie": "versie",
    "datum": "Datum",
    "naar_uitkomst": "Naar de uitkomst",
    "afdrukken": "Uitkomst afdrukken",
    "opslaan": "Uitkomst opslaan als bestand",
    "jouw_antwoorden": "Jouw antwoorden",
    "voorbeeld_ingevuld": "Het voorbeeld is ingevuld. Je kunt de antwoorden aanpassen.",
    "bestand_kop": "Codewijzer: uitkomst van de check",
    "bestand_let_op": "Dit bestand is gemaakt in je eigen browser en nergens naartoe gestuurd.",
}


def _json_block(value: Any) -> str:
    """JSON that cannot end the <script> element it sits in."""
    return to_json(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def outcome_context(site: Any, org: str, rules: RuleSet, today: dt.date) -> dict[str, Any]:
    """What the outcome needs beyond the rules: the organisation's contact points (Python picks those the
    outcome names), the glossary entries the checker's texts may use, and for print and file the
    organisation and the code's version."""
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9&]*", to_json(rules.to_wire())))
    code = site.code(org)
    return {"contacts": contact_points.export_for(site, org),
            "abbreviations": {k: v for k, v in site.glossary.items() if k in words},
            "organisation": site.organisation_name(org),
            "code": code.get("naam") or "", "version": code.get("versie") or "niet vermeld in het document"}


# Amounts that take the other paths through Python: thousands with a euro sign, a negative, not a number.
UNUSUAL_AMOUNTS = ("€ 1.000,50", "-5", "abc")


def warm_answers(rules: RuleSet, examples: dict[str, dict[str, Any]], today: dt.date) -> list[dict[str, Any]]:
    """The answers the page has Python evaluate once after it is ready, results unused (codewijzer-check.js,
    warmUp): every option, the limits of the day and unusual amounts, and the practice examples. Single
    answers in the order of the questions come first: a reader's first tap is one of the first question's
    options, and its path is then taken before the longer examples."""
    answer_sets = []
    limits = [dutch_amount(limit.at(today).value) for limit in rules.limits.values()]
    for question in rules.questions:
        values = [*UNUSUAL_AMOUNTS, *limits] if question.kind == "bedrag" else [o.value for o in question.options]
        answer_sets += [{question.id: value} for value in values]
    return answer_sets + list(examples.values())


def render_checker(page_src: str, checker: str, rules: RuleSet, examples: dict[str, dict[str, Any]],
                   wheel_name: str, runtime: dict[str, Any], site: Any = None) -> str:
    base = to_root(page_src)     # raw HTML: the engine does not rewrite its URLs
    today = evaluation_date()
    title = html.escape(rules.fill(rules.title, today))
    data = {"schema": schema(checker, rules, today), "rules": rules.to_wire(), "examples": examples,
            "warm": warm_answers(rules, examples, today), "texts": UI_TEXT,
            "runtime": page_runtime(runtime),
            # A build for another day (CODEWIJZER_DATUM) shows that day in the browser too; otherwise the
            # page uses the reader's own date.
            "today": today.isoformat() if is_set() else None,
            "context": outcome_context(site, rules.code, rules, today) if site else None}
    shell = f"""<section class="cw-check" id="check-{checker}" data-checker="{checker}" data-code="{rules.code}" data-state="loading" data-base="{base}" data-wheel="{html.escape(wheel_name)}" aria-labelledby="check-{checker}-titel">
<h2 class="cw-check-titel" id="check-{checker}-titel">Check: {title}</h2>
<p class="cw-check-inleiding">{html.escape(rules.fill(rules.intro, today))} Je antwoorden blijven in je eigen browser.</p>
<p class="cw-check-status" role="status" hidden></p>
<template class="cw-check-data"><script type="application/json">{_json_block(data)}</script></template>
<script type="module" src="{base}assets/javascripts/codewijzer-check.js"></script>
<noscript><p class="cw-check-melding">JavaScript staat uit, daarom werkt de check niet. Hieronder staan de regels van de check op een rij.</p></noscript>
</section>
"""
    return shell + "\n" + rules_as_text(checker, rules, page_src, today)



def _link(page_src: str, source: Source) -> str:
    return f"[{source.label}]({doc_link(page_src, source.doc)}#{source.anchor})"


WORDS = {"meer_dan": "meer dan", "minder_dan": "minder dan", "gelijk_aan": "precies", "minstens": "minstens",
         "hoogstens": "hoogstens"}


def _condition_text(condition: Condition, rules: RuleSet, today: dt.date) -> str:
    """A condition in words, with limits as they hold on `today` and the changes announced after it."""
    if isinstance(condition, AllOf):
        return "; ".join(_condition_text(p, rules, today) for p in condition.parts)
    if isinstance(condition, AnyOf):
        return "een van deze: " + " óf ".join(f"({_condition_text(p, rules, today)})" for p in condition.parts)
    if isinstance(condition, Not):
        return f"niet ({_condition_text(condition.part, rules, today)})"
    if isinstance(condition, AnswerIs):
        question = rules.question(condition.question)
        options = {o.value: o.text for o in question.options}
        answer = " of ".join(options.get(v, v) for v in condition.values)
        return f"*{rules.fill(question.text, today)}* {rules.fill(answer, today)}"
    assert isinstance(condition, Compare)
    left = " + ".join(f"*{rules.fill(rules.question(q).text, today)}*" for q in condition.answers)
    operand = condition.operand
    if operand.limit:
        right = _limit_text(rules, operand.limit, today)
    elif operand.answers:
        right = "het antwoord op " + " + ".join(f"*{rules.fill(rules.question(q).text, today)}*"
                                                for q in operand.answers)
    else:
        right = f"€ {dutch_amount(operand.number)}"
    return f"{left} {WORDS[condition.operator]} {right}"


def _limit_text(rules: RuleSet, name: str, today: dt.date) -> str:
    """A limit as it holds on the day of the build, and every change announced after it."""
    limit = rules.limits[name]
    text = f"€ {dutch_amount(limit.at(today).value)}"
    return text + "".join(f" (vanaf {dutch_date(v.starts)}: € {dutch_amount(v.value)})" for v in limit.later(today))


def rules_as_text(checker: str, rules: RuleSet, page_src: str, today: dt.date | None = None) -> str:
    """The checker's rules as a readable list: the no-JavaScript fallback, generated from the same model.
    Limits are shown as they hold on the evaluation date, with any change announced after it."""
    today = today or evaluation_date()
    # Not in the employees' search results: the theme page's own text finds the checker.
    lines = [f'<div class="cw-check-regels" id="check-{checker}-regels" data-search-exclude markdown>', "",
             f'???+ info "De regels van deze check op een rij"', "",
             "    Zo komt de check tot een uitkomst. Als meer regels gelden, gaat de strengste voor.", ""]
    for rule in rules.rules:
        sources = ", ".join(_link(page_src, s) for s in rule.sources)
        label = rules.fill(rules.outcome(rule.outcome).label, today)
        lines.append(f"    - **{label}** als: {_condition_text(rule.condition, rules, today)}. "
                     f"{rules.fill(rule.reason, today)} ({sources})")
    default = rules.default
    lines.append(f"    - **{rules.fill(rules.outcome(default.outcome).label, today)}** in alle andere gevallen. "
                 f"{rules.fill(default.reason, today)} ({', '.join(_link(page_src, s) for s in default.sources)})")
    lines += ["", "</div>", ""]
    return "\n".join(lines)
