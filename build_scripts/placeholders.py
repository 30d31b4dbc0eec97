"""`<!-- codewijzer: NAME -->` placeholders: generated lists that editors place but never maintain.

An unknown name fails the build, so a typo never silently shows nothing.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

from . import comparison, contact_points, tasks, workshops
from .change_log import render_changes
from .checker_embed import render_checker
from .content_model import ContentError, SourcePage
from .links import rebase_links, rel, try_in_checker
from .markdown_blocks import heading_line, placeholders
from .site_index import SiteIndex

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]


def dutch_date(value: dt.date | str | None) -> str:
    if isinstance(value, str):    # "nog niet gecontroleerd" (build_scripts/open_items.py)
        return value
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}" if value else "niet vermeld in het document"


def indent(markdown: str, spaces: int = 4) -> str:
    return "\n".join((" " * spaces + line) if line.strip() else "" for line in markdown.splitlines())


def examples_on_theme_page(page: SourcePage, site: SiteIndex) -> str:
    examples = site.examples_for_theme_page(page)
    if not examples:
        return "*Bij dit thema staan nog geen praktijkvoorbeelden.*"
    blocks = []
    for example in examples:
        situation, answer = (rebase_links(part, example, page) for part in example.example_parts())
        link = rel(page, example.src_path)
        blocks.append(   # one block per example, so that printing keeps it on one page where it fits
            '<div class="cw-voorbeeld" markdown>\n\n'
            f'### {example.meta["title"]} {{#voorbeeld-{example.meta["id"]} .cw-voorbeeld-titel}}\n\n'
            f"{situation}\n\n"
            f'!!! success "Wat kun je doen?"\n\n{indent(answer)}\n\n'
            f"[Vaste link naar dit voorbeeld]({link}){{.cw-permalink}} {try_in_checker(page, example, site)}\n\n"
            "</div>\n")
    return "\n".join(blocks)


def examples_index(page: SourcePage, site: SiteIndex) -> str:
    """Every example under each of its themes and once under its organisation. Headings and entries
    carry explicit anchors built from stable keys (#thema-<key>, #organisatie-<slug>, #voorbeeld-<id>),
    so a link into this index survives a changed title or theme label."""
    out = ["## Per thema {#per-thema}", ""]
    for theme, label in site.themes.items():
        examples = [e for e in site.examples() if theme in e.meta["themas"]]
        if examples:
            out += [f"### {label} {{#thema-{theme}}}", ""]
            out += [f"- [{e.meta['title']}]({rel(page, e.src_path)}): {site.organisation_name(e.organisation)}"
                    for e in examples]
            out.append("")
    out += ["## Per organisatie {#per-organisatie}", ""]
    for org in site.organisations():
        examples = [e for e in site.examples() if e.organisation == org]
        out += [f"### {site.organisation_name(org)} {{#organisatie-{org}}}", ""]
        out += ([f"- [{e.meta['title']}]({rel(page, e.src_path)}){{#voorbeeld-{e.meta['id']}}}: "
                 f"{', '.join(site.themes[t] for t in e.meta['themas'])}"
                 for e in examples] or ["*Deze code bevat geen praktijkvoorbeelden.*"])
        out.append("")
    return "\n".join(out)


def organisation_cards(page: SourcePage, site: SiteIndex) -> str:
    cards = []
    for org in site.organisations():
        code = site.code(org)
        version = f" ({code['versie']})" if code["versie"] and code["versie"] not in code["naam"] else ""
        cards.append(f"-   **[{code['organisatie']}]({rel(page, org + '/index.md')})**\n\n"
                     f"    ---\n\n    {code['naam']}{version}\n")
    return '<div class="grid cards cw-organisaties" markdown>\n\n' + "\n".join(cards) + "\n</div>"


def code_facts(page: SourcePage, site: SiteIndex) -> str:
    code = site.code(page.organisation)
    source = f"[het brondocument als tekst]({rel(page, 'bronnen/' + code['bronbestand'])})"
    if code.get("bron_url"):
        source = f"[de officiële publicatie]({code['bron_url']}) en {source}"
    rows = [("Document", code["naam"]), ("Organisatie", code["organisatie"]), ("Versie", code["versie"] or "niet vermeld in het document"),
            ("Geldend vanaf", dutch_date(code["geldend_vanaf"])), ("Voor wie", code["voor_wie"]),
            ("Bron", source)]
    return '<div class="cw-codegegevens" markdown>\n\n| Gegeven | Waarde |\n| --- | --- |\n' + "\n".join(
        f"| {k} | {v} |" for k, v in rows) + "\n\n</div>"


def help_links(page: SourcePage, site: SiteIndex) -> str:
    return "\n".join(f"- **{site.organisation_name(org)}**: [{site.help_page(org).meta['title']}]"
                     f"({rel(page, site.help_page(org).src_path)})" for org in site.organisations())


def source_list(page: SourcePage, site: SiteIndex) -> str:
    rows = ["| Organisatie | Document | Versie | Bron |", "| --- | --- | --- | --- |"]
    for org in site.organisations():
        code = site.code(org)
        source = f"[tekstversie]({rel(page, 'bronnen/' + code['bronbestand'])})"
        if code.get("bron_url"):
            source = f"[officiële publicatie]({code['bron_url']}), {source}"
        rows.append(f"| [{code['organisatie']}]({rel(page, org + '/index.md')}) | {code['naam']} | "
                    f"{code['versie'] or 'niet vermeld'} | {source} |")
    return "\n".join(rows)


def with_code_facts(markdown: str, page: SourcePage, site: SiteIndex) -> str:
    """An overview always shows the code's facts: where the editor placed them, else under the title."""
    if page.kind != "overzicht" or _has_placeholder(markdown, "code-gegevens"):
        return markdown
    title = heading_line(markdown, 1)
    at = len("\n".join(markdown.split("\n")[:title + 1])) if title is not None else 0   # end of the title line
    return markdown[:at] + "\n\n<!-- codewijzer: code-gegevens -->\n\n" + markdown[at:]


def _has_placeholder(markdown: str, name: str) -> bool:
    return any(found == name for found, _ in placeholders(markdown))


def checks_list(page: SourcePage, site: SiteIndex) -> str:
    org = page.organisation
    items = [f"- [{rules.title}]({rel(page, site.check_page(org, checker))}#check-{checker})"
             for checker, rules in site.checks_of(org)]
    return "\n".join(items) or "*Voor deze organisatie zijn er nog geen checks.*"


def workshops_overview(page: SourcePage, site: SiteIndex) -> str:
    return workshops.overview(page, site)


def tasks_list(page: SourcePage, site: SiteIndex) -> str:
    return tasks.what_do_you_want_to_know(page, site)


def contact_points_block(page: SourcePage, site: SiteIndex) -> str:
    return contact_points.render_block(page, site)


def change_list(page: SourcePage, site: SiteIndex) -> str:
    if page.kind != "wijzigingen":
        raise ContentError(page.src_path, "'codewijzer: wijzigingen' hoort alleen op een pagina met soort: wijzigingen.")
    return render_changes(page, {path: p.meta["title"] for path, p in site.pages.items()})


def with_change_list(markdown: str, page: SourcePage) -> str:
    """A Wijzigingen page always shows its list: where the editor placed it, else at the end."""
    if page.kind != "wijzigingen" or _has_placeholder(markdown, "wijzigingen"):
        return markdown
    return markdown.rstrip() + "\n\n<!-- codewijzer: wijzigingen -->\n"


RENDERERS: dict[str, Callable[[SourcePage, SiteIndex], str]] = {
    "voorbeelden": examples_on_theme_page,
    "voorbeelden-index": examples_index,
    "organisaties": organisation_cards,
    "code-gegevens": code_facts,
    "hulp": help_links,
    "bronnen": source_list,
    "checks": checks_list,
    "workshops": workshops_overview,
    "wijzigingen": change_list,
    "wat-wil-je-weten": tasks_list,
    "contactpunten": contact_points_block,
    "vergelijking": lambda page, site: comparison.comparison_markdown(page, site),
}


def render_placeholders(markdown: str, page: SourcePage, site: SiteIndex) -> str:
    """Each placeholder line (found by markdown_blocks, so never one shown in code) replaced by its content."""
    markdown = contact_points.with_contact_points(with_change_list(with_code_facts(markdown, page, site), page), page)
    lines = markdown.split("\n")
    for name, index in placeholders(markdown):
        line = page.body_start_line + index
        if name.startswith("check-") and (page.organisation, name[6:]) in site.checks:
            lines[index] = render_checker(page.src_path, name[6:], site.checks[(page.organisation, name[6:])],
                                          site.examples_with_check(page.organisation, name[6:]), site.wheel_name,
                                          site.runtime, site=site)
            continue
        if name not in RENDERERS:
            raise ContentError(page.src_path, f"onbekende plaatshouder 'codewijzer: {name}'. Bekend zijn: "
                                              f"{', '.join(RENDERERS)}.", line=line)
        if name == "code-gegevens" and page.kind != "overzicht":
            raise ContentError(page.src_path, "'codewijzer: code-gegevens' hoort alleen op het overzicht "
                                              "(index.md) van een organisatie. Haal de regel hier weg.", line=line)
        lines[index] = RENDERERS[name](page, site)
    return "\n".join(lines)
