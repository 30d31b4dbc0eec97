"""Put a checker into its theme page: the interactive form's shell and data, and the same rules
as a readable list for readers without JavaScript (or when Pyodide cannot load).

The shell is static HTML with the rule data as JSON; codewijzer-check.js builds the form from it.
The readable list is Markdown, so MkDocs validates every source link in it.
"""
from __future__ import annotations

import datetime as dt
import html
from typing import Any

from checkers import CHECKERS, to_json
from checkers.amounts import dutch_amount
from checkers.dutch_dates import dutch_date
from checkers.engine import entry_start, limit_entry

from .paths import doc_link, to_root

# Interface text for the page script: Dutch wording lives here, not in JavaScript.
UI_TEXT = {
    "ja": "Ja",
    "nee": "Nee",
    "laden": "De check wordt geladen. Dit kan een paar seconden duren.",
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
    "opnieuw": "Begin opnieuw",
    "naar_uitkomst": "Naar de uitkomst",
    "afdrukken": "Uitkomst afdrukken",
    "opslaan": "Uitkomst opslaan als bestand",
    "jouw_antwoorden": "Jouw antwoorden",
    "voorbeeld_ingevuld": "Het voorbeeld is ingevuld. Je kunt de antwoorden aanpassen.",
    "bestand_kop": "Codewijzer: uitkomst van de check",
    "bestand_let_op": "Dit bestand is gemaakt in je eigen browser en nergens naartoe gestuurd.",
}


def _json_attribute(value: Any) -> str:
    """JSON for a data-* attribute. Not a <script type="application/json"> block: Material's instant
    navigation re-runs the scripts in the content, and such a copy would then break the CSP."""
    return html.escape(to_json(value), quote=True)


def render_checker(page_src: str, checker: str, rules: dict[str, Any], examples: dict[str, dict[str, Any]],
                   wheel_name: str, runtime: dict[str, str]) -> str:
    base = to_root(page_src)     # raw HTML: the engine does not rewrite its URLs
    title = html.escape(rules["titel"])
    shell = f"""<section class="cw-check" id="check-{checker}" data-checker="{checker}" data-code="{rules['code']}" data-state="loading" data-base="{base}" data-wheel="{html.escape(wheel_name)}" aria-labelledby="check-{checker}-titel"
 data-regels="{_json_attribute(_browser_rules(rules))}" data-voorbeelden="{_json_attribute(examples)}" data-teksten="{_json_attribute(UI_TEXT)}"
 data-runtime="{_json_attribute({k: runtime[k] for k in ('stdlib', 'snapshot')})}">
<h2 class="cw-check-titel" id="check-{checker}-titel">Check: {title}</h2>
<p class="cw-check-inleiding">{html.escape(rules.get('inleiding', ''))} Je antwoorden blijven in je eigen browser.</p>
<p class="cw-check-status" role="status" hidden></p>
<script type="module" src="{base}assets/javascripts/codewijzer-check.js"></script>
<noscript><p class="cw-check-melding">JavaScript staat uit, daarom werkt de check niet. Hieronder staan de regels van de check op een rij.</p></noscript>
</section>
"""
    return shell + "\n" + rules_as_text(checker, rules, page_src)


def _browser_rules(rules: dict[str, Any]) -> dict[str, Any]:
    keep = {"check", "code", "titel", "inleiding", "grenzen", "vragen", "regels", "standaard", "vervolg", "uitkomsten"}
    return {k: v for k, v in rules.items() if k in keep}


def _link(page_src: str, source: dict[str, str]) -> str:
    return f"[{source['label']}]({doc_link(page_src, source['doc'])}#{source['anchor']})"


def _condition_text(condition: dict[str, Any], rules: dict[str, Any], today: dt.date) -> str:
    questions = {q["id"]: q for q in rules["vragen"]}
    words = {"meer_dan": "meer dan", "minder_dan": "minder dan", "gelijk_aan": "precies", "minstens": "minstens",
             "hoogstens": "hoogstens"}
    parts = []
    for qid, expected in condition.items():
        question = questions[qid]
        if isinstance(expected, dict):
            answer = ", ".join(f"{words[op]} € {_limit_text(rules, v, today)}" for op, v in expected.items())
        else:
            options = {o["waarde"]: o["tekst"] for o in question.get("opties", [])} or {"ja": "ja", "nee": "nee"}
            values = expected if isinstance(expected, list) else [expected]
            answer = " of ".join(options.get(v, v) for v in values)
        parts.append(f"*{question['vraag']}* {answer}")
    return "; ".join(parts)


def _limit_text(rules: dict[str, Any], value: Any, today: dt.date) -> str:
    """A limit as it holds on the day of the build, and every change announced after it."""
    if not isinstance(value, str):
        return dutch_amount(value)
    text = dutch_amount(limit_entry(rules, value, today)["waarde"])
    later = sorted((e for e in rules["grenzen"][value] if entry_start(e) > today), key=entry_start)
    return text + "".join(f" (vanaf {dutch_date(entry_start(e))}: € {dutch_amount(e['waarde'])})" for e in later)


def rules_as_text(checker: str, rules: dict[str, Any], page_src: str, today: dt.date | None = None) -> str:
    """The checker's rules as a readable list: the no-JavaScript fallback, generated from the same data.
    Limits are shown as they hold on the day of the build, with any change announced after it."""
    today = today or dt.date.today()
    verdicts = {**CHECKERS[checker], **rules.get("uitkomsten", {})}
    lines = [f'<div class="cw-check-regels" id="check-{checker}-regels" markdown>', "",
             f'???+ info "De regels van deze check op een rij"', "",
             "    Zo komt de check tot een uitkomst. Als meer regels gelden, gaat de strengste voor.", ""]
    for rule in rules["regels"]:
        sources = ", ".join(_link(page_src, s) for s in rule["bron"])
        lines.append(f"    - **{verdicts[rule['uitkomst']]}** als: {_condition_text(rule['als'], rules, today)}. "
                     f"{rule['reden']} ({sources})")
    default = rules["standaard"]
    lines.append(f"    - **{verdicts[default['uitkomst']]}** in alle andere gevallen. {default['reden']} "
                 f"({', '.join(_link(page_src, s) for s in default['bron'])})")
    lines += ["", "</div>", ""]
    return "\n".join(lines)
