"""Workshop pages for trainers, generated from the practice examples (see adr/0009).

One set per organisation and theme: the examples as dilemmas, the answer behind a button, and a
printable hand-out. Their URLs are built from stable keys only (organisation folder, theme key from
themas.yml), so a link a trainer shares keeps working when titles or texts change:

    workshop/<organisatie>/<thema>/            the set, to project or share
    workshop/<organisatie>/<thema>/hand-out/   to print: dilemmas with room for notes, answers at the end
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from .content_model import SourcePage
from .links import rebase_links, rel, try_in_checker
from .paths import asset_url
from .site_index import SiteIndex

SCRIPT = "assets/javascripts/codewijzer-workshop.js"


@dataclass(frozen=True)
class WorkshopSet:
    organisation: str
    theme: str
    examples: tuple[SourcePage, ...]

    @property
    def src_path(self) -> str:
        return f"workshop/{self.organisation}/{self.theme}.md"

    @property
    def handout_path(self) -> str:
        return f"workshop/{self.organisation}/{self.theme}/hand-out.md"


def workshop_sets(site: SiteIndex) -> list[WorkshopSet]:
    """Every (organisation, theme) with examples; an example joins the set of each of its themes.
    Within a set the examples whose main theme it is come first."""
    sets = []
    for org in site.organisations():
        own = [e for e in site.examples() if e.organisation == org]
        for theme in site.themes:
            members = sorted((e for e in own if theme in e.meta["themas"]),
                             key=lambda e: (e.meta["themas"][0] != theme, e.meta["title"].lower()))
            if members:
                sets.append(WorkshopSet(org, theme, tuple(members)))
    return sets


def generated_pages(site: SiteIndex) -> dict[str, str]:
    """Each set's workshop page and hand-out as Markdown, by docs path (not in the menu, not in search)."""
    pages = {}
    for workshop in workshop_sets(site):
        pages[workshop.src_path] = workshop_markdown(workshop, site)
        pages[workshop.handout_path] = handout_markdown(workshop, site)
    return pages


def _page(path: str) -> SourcePage:
    return SourcePage(path, {}, "")


def _front_matter(title: str, description: str) -> str:
    # Employees searching the code should find the code and its examples, not the trainers' copies.
    quoted = {k: json.dumps(v, ensure_ascii=False) for k, v in {"title": title, "description": description}.items()}
    return f"---\ntitle: {quoted['title']}\ndescription: {quoted['description']}\nsearch:\n  exclude: true\n---\n\n"


def _script_tag(page: SourcePage) -> str:
    return f'<script src="{asset_url(page.src_path, SCRIPT)}" defer></script>'   # raw HTML: not rewritten


def _context(workshop: WorkshopSet, page: SourcePage, site: SiteIndex) -> list[str]:
    theme_pages = [p for p in site.pages_of(workshop.organisation, {"thema"}) if workshop.theme in p.meta["themas"]]
    links = ", ".join(f"[{p.meta['title']}]({rel(page, p.src_path)})" for p in theme_pages)
    line = f"{site.organisation_name(workshop.organisation)}: {site.code(workshop.organisation)['naam']}."
    return [f'<p class="cw-workshop-code">{line}</p>', ""] + (
        [f"De afspraken zelf staan in de code: {links}.", ""] if links else [])


def _checker_link(page: SourcePage, example: SourcePage, site: SiteIndex) -> str:
    link = try_in_checker(page, example, site)     # empty when no checker covers the example
    return " " + link if link else ""


def _opening(workshop: WorkshopSet, page: SourcePage, site: SiteIndex, kind: str, description: str) -> list[str]:
    """Front matter, title and context of a workshop page or hand-out."""
    label = site.themes[workshop.theme]
    text = description.format(label=label.lower(), org=site.organisation_name(workshop.organisation))
    return [_front_matter(f"{kind}: {label}", text), f"# {kind}: {label}", ""] + _context(workshop, page, site)


def workshop_markdown(workshop: WorkshopSet, site: SiteIndex) -> str:
    page = _page(workshop.src_path)
    out = _opening(workshop, page, site, "Workshop",
                   "Dilemma’s over {label} uit de code van {org}, om samen te bespreken.")
    out += ['!!! info "Zo gebruik je deze workshop"', "",
            "    Lees een situatie voor en laat de groep bespreken wat zij zouden doen. Kies daarna "
            "**Wat kun je doen?** om het antwoord uit de code te tonen. Deel de link van deze pagina "
            "gerust: hij blijft hetzelfde, ook als de teksten worden bijgewerkt.", "",
            f"    Om op papier te werken: [de hand-out met ruimte voor aantekeningen]"
            f"({rel(page, workshop.handout_path)}), met de antwoorden achteraan.", "",
            '<div class="cw-workshop-knoppen" hidden>',
            '<button type="button" class="md-button" data-cw-workshop="toon-alle">Toon alle antwoorden</button>',
            '<button type="button" class="md-button" data-cw-workshop="verberg-alle">Verberg alle antwoorden</button>',
            '</div>',
            '<p class="cw-workshop-status" role="status" data-toon-alle="Alle antwoorden staan open." '
            'data-verberg-alle="Alle antwoorden zijn verborgen."></p>', ""]
    for number, example in enumerate(workshop.examples, 1):
        situation, answer = (rebase_links(part, example, page) for part in example.example_parts())
        example_id = example.meta["id"]
        out += ['<div class="cw-dilemma" markdown>', "",
                f"## Dilemma {number}: {example.meta['title']} {{#voorbeeld-{example_id}}}", "",
                situation, "",
                # Not a heading: four "Wat kun je doen?" headings would only clutter the table of contents.
                '<p class="cw-antwoord-kop"><strong>Wat kun je doen?</strong></p>', "",
                f'<div class="cw-antwoord" id="antwoord-{example_id}" markdown>', "", answer, "", "</div>", "",
                f"[Dit voorbeeld op de site]({rel(page, example.src_path)}){{.cw-permalink}}"
                f"{_checker_link(page, example, site)}", "",
                "</div>", ""]
    out += [_script_tag(page), ""]
    return "\n".join(out)


def handout_markdown(workshop: WorkshopSet, site: SiteIndex) -> str:
    page = _page(workshop.handout_path)
    out = _opening(workshop, page, site, "Hand-out",
                   "Hand-out om af te drukken: dilemma’s over {label} uit de code van {org}.")
    out += ['<p class="cw-handout-inleiding">Lees elke situatie en schrijf op wat jij zou doen. '
            "De antwoorden uit de code staan achteraan.</p>", "",
            '<p class="cw-afdrukken-rij"><button type="button" class="md-button md-button--primary cw-afdrukken" '
            'hidden>Hand-out afdrukken</button></p>', "",
            f"Online, met de antwoorden achter een knop: [de workshop]({rel(page, workshop.src_path)}).", "",
            "## Dilemma’s {#dilemmas}", ""]
    for number, example in enumerate(workshop.examples, 1):
        situation, _ = example.example_parts()
        out += ['<div class="cw-dilemma" markdown>', "",
                f"### {number}. {example.meta['title']} {{#dilemma-{example.meta['id']}}}", "",
                rebase_links(situation, example, page), "",
                '<div class="cw-aantekeningen"><p>Wat zou jij doen?</p></div>', "",
                "</div>", ""]
    out += ['<div class="cw-antwoorden" markdown>', "", "## Antwoorden {#antwoorden}", ""]
    for number, example in enumerate(workshop.examples, 1):
        _, answer = example.example_parts()
        out += ['<div class="cw-dilemma" markdown>', "",
                f"### {number}. {example.meta['title']} {{#antwoord-{example.meta['id']}}}", "",
                rebase_links(answer, example, page), "",
                f"[Dit voorbeeld op de site]({rel(page, example.src_path)}){{.cw-permalink}}"
                f"{_checker_link(page, example, site)}", "",
                "</div>", ""]
    out += ["</div>", "", _script_tag(page), ""]
    return "\n".join(out)


def overview(page: SourcePage, site: SiteIndex) -> str:
    """The `workshops` placeholder: per organisation its sets, each with its workshop and hand-out."""
    sets = workshop_sets(site)
    out = []
    for org in site.organisations():
        out += [f"## {site.organisation_name(org)} {{#organisatie-{org}}}", ""]
        own = [w for w in sets if w.organisation == org]
        out += [f"- **{site.themes[w.theme]}** ({len(w.examples)} "
                f"{'dilemma' if len(w.examples) == 1 else 'dilemma’s'}): "
                f"[workshop]({rel(page, w.src_path)}), [hand-out]({rel(page, w.handout_path)})"
                for w in own] or ["*Deze code bevat geen praktijkvoorbeelden, dus hier is nog geen workshop.*"]
        out.append("")
    return "\n".join(out)
