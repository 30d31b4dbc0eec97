"""'Wat wil je weten?': the start page and each organisation's page open with what people come for.

Every checker appears as a plain question that links straight to the checker's form (its
#check-<naam> anchor), so its first question is one tap from an organisation's page and two from
the start page. Help and reporting come first: people on sensitive themes should not have to
scroll past gifts to find someone to talk to.
"""
from __future__ import annotations

from .content_model import SourcePage
from .site_index import SiteIndex

# Order of the checkers: help and reporting first, then the everyday questions.
ORDER = ["meldroute", "relaties", "geschenken", "nevenwerkzaamheden"]
# What the question is about, in a few words, under each link (the checker's own title is the link).
HINTS = {
    "meldroute": "Bij ongewenst gedrag, een vermoeden van iets wat niet klopt of als je twijfelt. "
                 "Je hoort ook wat vertrouwelijk blijft.",
    "relaties": "Een relatie of vriendschap met iemand met wie je werkt, of een familielid als collega.",
    "geschenken": "Een cadeau, een etentje of een uitnodiging van iemand met wie je voor je werk te maken hebt.",
    "nevenwerkzaamheden": "Werk naast je baan, een bestuursfunctie of een financieel belang.",
}
# On the start page one line per checker, with every organisation that has it.
GENERIC_TITLES = {
    "meldroute": "Waar kan ik terecht?",
    "relaties": "Moet ik mijn privérelatie melden?",
    "geschenken": "Mag ik dit geschenk of deze uitnodiging aannemen?",
    "nevenwerkzaamheden": "Moet ik een nevenwerkzaamheid of belang melden?",
}


def _rank(checker: str) -> tuple[int, str]:
    return (ORDER.index(checker) if checker in ORDER else len(ORDER), checker)


def _rel(page: SourcePage, target: str) -> str:
    from .placeholders import rel     # placeholders imports this module
    return rel(page, target)


def _check_link(page: SourcePage, site: SiteIndex, org: str, checker: str) -> str:
    return f"{_rel(page, site.check_page(org, checker))}#check-{checker}"


def for_organisation(page: SourcePage, site: SiteIndex) -> str:
    org = page.organisation
    checks = sorted(site.checks_of(org), key=lambda item: _rank(item[0]))
    help_page = site.help_page(org)
    items = [f"-   **[{rules.title}]({_check_link(page, site, org, checker)})**{{.cw-taak-link}}\n\n"
             f"    {HINTS.get(checker, rules.intro)}\n" for checker, rules in checks]
    items.insert(1 if checks and checks[0][0] == "meldroute" else 0,
                 f"-   **[Hulp nodig? Bij wie kun je terecht?]({_rel(page, help_page.src_path)})**{{.cw-taak-link}}\n\n"
                 "    Bij wie je terechtkunt, ook vertrouwelijk, en hoe je ze bereikt.\n")
    return '<div class="cw-taken" markdown>\n\n' + "\n".join(items) + "\n</div>"


def for_start_page(page: SourcePage, site: SiteIndex) -> str:
    by_checker: dict[str, list[str]] = {}
    for org in site.organisations():
        for checker, _ in site.checks_of(org):
            by_checker.setdefault(checker, []).append(org)
    items = []
    for checker in sorted(by_checker, key=_rank):
        orgs = by_checker[checker]
        title = GENERIC_TITLES.get(checker) or site.checks[(orgs[0], checker)].title
        links = "\n".join(f"    - [{site.organisation_name(org)}]({_check_link(page, site, org, checker)})"
                          for org in orgs)
        items.append(f"-   **{title}**\n\n    {HINTS.get(checker, '')} Kies je organisatie:\n\n{links}\n")
    return '<div class="cw-taken cw-taken-start" markdown>\n\n' + "\n".join(items) + "\n</div>"


def what_do_you_want_to_know(page: SourcePage, site: SiteIndex) -> str:
    """The placeholder <!-- codewijzer: wat-wil-je-weten -->."""
    return for_organisation(page, site) if page.organisation else for_start_page(page, site)
