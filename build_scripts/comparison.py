"""'Codes naast elkaar', generated from the content: a new organisation appears by itself.

Two parts, both as Markdown for the page that holds `<!-- codewijzer: vergelijking -->`:
- per theme (docs/themas.yml order): for every organisation its pages with that theme, their
  one-sentence description and the agreements they hold (first and last, as links), or that the code
  has no page about it;
- per checker, the aspects its rule data holds: each limit (the value today and announced changes)
  and each yes/no question that decides a verdict, with the agreements the rules cite.
Every cell links to the text it rests on; nothing is written by hand.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from typing import Any

from checkers import CHECKERS
from checkers.dates import evaluation_date
from checkers.dutch_dates import dutch_date
from checkers.model import AllOf, AnswerIs, Compare, Condition, Limit, Not, Rule, RuleSet

from .content_model import SourcePage
from .site_index import SiteIndex

TOPIC_KINDS = {"thema", "meldroute", "hulp", "rapport"}
AGREEMENT = re.compile(r"\[\[([0-9A-Za-z.]+)\]\]")
# Sections of the former hand-written page: published links to them keep landing on the same subject.
FORMER_ANCHORS = {"geschenken": ["uitnodigingen"], "relaties": ["priverelaties"], "melden": ["misstand-melden"],
                  "omgangsvormen": ["ongewenst-gedrag"], "hulp": ["vertrouwenspersoon"]}


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _link(page: SourcePage, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page.src_path) or ".")


def _anchor(number: str) -> str:
    return "afspraak-" + number.lower().replace(".", "-")


def theme_cell(page: SourcePage, org: str, theme: str, site: SiteIndex) -> str:
    topics = [p for p in site.pages_of(org, TOPIC_KINDS) if theme in p.meta.get("themas", [])]
    topics.sort(key=lambda p: (p.meta["themas"][0] != theme, p.meta.get("volgorde", 0), p.src_path))
    if not topics:
        return f"[Geen pagina over dit onderwerp in deze code.]({_link(page, f'{org}/index.md')})"
    parts = []
    for topic in topics:
        target = _link(page, topic.src_path)
        text = f"[{topic.meta['title']}]({target}): {topic.meta.get('description', '')}"
        numbers = AGREEMENT.findall(topic.body)
        if numbers:
            first, last = numbers[0], numbers[-1]
            cited = f"[{first}]({target}#{_anchor(first)})"
            if last != first:
                cited += f" t/m [{last}]({target}#{_anchor(last)})"
            text += f" Afspraken {cited}." if last != first else f" Afspraak {cited}."
        parts.append(text)
    return _cell(" ".join(parts))


def theme_sections(page: SourcePage, site: SiteIndex) -> list[str]:
    orgs = site.organisations()
    out = []
    for theme, name in site.themes.items():
        if not any(theme in p.meta.get("themas", []) for o in orgs for p in site.pages_of(o, TOPIC_KINDS)):
            continue
        aliases = "".join(f'<a id="{alias}"></a>' for alias in FORMER_ANCHORS.get(theme, []))
        out += [f"## {name} {{ #{theme} }}", ""]
        if aliases:
            out += [aliases, ""]
        out += ["| Organisatie | Wat de code erover zegt |", "| --- | --- |"]
        out += [f"| {_cell(site.organisation_name(o))} | {theme_cell(page, o, theme, site)} |" for o in orgs]
        out.append("")
    return out


def _sources(page: SourcePage, rules: list[Rule]) -> str:
    links = {}
    for rule in rules:
        for source in rule.sources:
            href = _link(page, source.doc) + (f"#{source.anchor}" if source.anchor else "")
            links.setdefault(href, source.label or href)
    return ", ".join(f"[{_cell(label)}]({href})" for href, label in links.items())


def _parts(condition: Condition | None) -> list[Condition]:
    """The condition and every condition inside it."""
    if condition is None:
        return []
    inner = getattr(condition, "parts", ()) or ((condition.part,) if isinstance(condition, Not) else ())
    return [condition, *(p for part in inner for p in _parts(part))]


def _uses_limit(rule: Rule, name: str) -> bool:
    return any(isinstance(c, Compare) and c.operand.limit == name for c in _parts(rule.condition))


def _decides(rule: Rule, qid: str) -> str | None:
    """'ja' or 'nee' when the rule's own conditions (all of which must hold) ask that of a yes/no question."""
    top = rule.condition.parts if isinstance(rule.condition, AllOf) else (rule.condition,)
    for part in top:
        if isinstance(part, AnswerIs) and part.question == qid and len(part.values) == 1 \
                and part.values[0] in ("ja", "nee"):
            return part.values[0]
    return None


def _amount(value: Any) -> str:
    text = f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".").removesuffix(",00")
    return f"€ {text}"


def limit_text(limit: Limit, today: dt.date) -> str:
    current = limit.at(today)
    text = _amount(current.value)
    if current.start:
        text += f" (sinds {dutch_date(current.start)})"
    text += "".join(f"; vanaf {dutch_date(v.start)}: {_amount(v.value)}" for v in limit.later(today))
    return text


def checker_sections(page: SourcePage, site: SiteIndex, today: dt.date) -> list[str]:
    orgs = site.organisations()
    out = []
    for checker in [c for c in CHECKERS if any((o, c) in site.checks for o in orgs)]:
        sets: list[tuple[str, RuleSet]] = [(o, site.checks[(o, checker)]) for o in orgs if (o, checker) in site.checks]
        rows: dict[str, list[str]] = {}
        labels: dict[str, str] = {}
        for org, rules in sets:
            for name, limit in rules.limits.items():
                using = [r for r in rules.rules if _uses_limit(r, name)]
                labels.setdefault(f"grens:{name}", limit.label.capitalize())
                rows.setdefault(f"grens:{name}", []).append(
                    f"| {_cell(site.organisation_name(org))} | {limit_text(limit, today)}. {_sources(page, using)} |")
            for question in rules.questions:
                if question.kind != "janee":
                    continue
                deciding = [(r, answer) for r in rules.rules if (answer := _decides(r, question.id))]
                if not deciding:
                    continue
                key = f"vraag:{question.id}"
                labels.setdefault(key, rules.fill(question.text, today))
                said = "; ".join(dict.fromkeys(f"{answer.capitalize()}: {rules.fill(rules.outcome(r.outcome).label, today)}"
                                               for r, answer in deciding))
                rows.setdefault(key, []).append(f"| {_cell(site.organisation_name(org))} | {_cell(said)}. "
                                                f"{_sources(page, [r for r, _ in deciding])} |")
        if not rows:
            continue
        out += [f"### {_cell(sets[0][1].fill(sets[0][1].title, today))} {{ #check-{checker} }}", ""]
        for key, lines in rows.items():
            out += [f"#### {_cell(labels[key])}", "", "| Organisatie | Wat de check zegt |", "| --- | --- |", *lines, ""]
    return out


def comparison_markdown(page: SourcePage, site: SiteIndex, today: dt.date | None = None) -> str:
    """The generated body of 'Codes naast elkaar' (Markdown), for the page that asks for it."""
    today = today or evaluation_date()
    names = [site.organisation_name(o) for o in site.organisations()]
    intro = (f"Deze vergelijking wordt bij elke bouw gemaakt uit de pagina's en de regels van de checks van "
             f"{', '.join(names[:-1]) + ' en ' + names[-1] if len(names) > 1 else ''.join(names)}.")
    lines = [intro, "", *theme_sections(page, site)]
    checks = checker_sections(page, site, today)
    if checks:
        lines += ["## Wat de checks beslissen { #checks }", "",
                  "Per check: de grenzen en de vragen die de uitkomst bepalen, met de afspraak waarop elke uitkomst "
                  "rust.", "", *checks]
    return "\n".join(lines)
