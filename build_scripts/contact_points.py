"""Contact points as data: per organisation, docs/<organisatie>/contactpunten.yml lists the roles its
checkers and help pages name (vertrouwenspersoon, adviespunt, HR, the external Huis voor
Klokkenluiders, ...) and how to reach each: link, e-mail, phone, hours.

Editors fill in only what the organisation publishes; what is not known yet is marked
`nog_aan_te_vullen: true` (an open item: make build refuses to publish it, build_scripts/open_items.py)
or, when the source documents give no way to reach the role, `niet_vermeld: true` (not an open item);
either way the site says plainly that the organisation has not provided it.
Help pages show, for every role they name, how to reach it (the placeholder
<!-- codewijzer: contactpunten -->, added automatically when an editor did not place it). The build
also writes every organisation's contact points to assets/contactpunten.json, for checker outcomes.
"""
from __future__ import annotations

import difflib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .content_model import ContentError, SourcePage, _key_lines, _load_with_lines
from .site_index import SiteIndex

FILE_NAME = "contactpunten.yml"
EXPORT = Path("assets") / "contactpunten.json"
KEYS = {"naam", "herkennen", "uitleg", "link", "link_tekst", "email", "telefoon", "bereikbaar", "persoonlijk",
        "nog_aan_te_vullen", "niet_vermeld", "notitie"}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)
PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,}[0-9]$")
ROLE_KEY = re.compile(r"^[a-z][a-z0-9_-]*$")
PAGE_KINDS = {"hulp", "meldroute"}     # pages that always show how to reach the roles they name
PLACEHOLDER = re.compile(r"<!--\s*codewijzer:\s*contactpunten\s*-->")
FIELD_LABELS = {"link": "een website", "email": "een e-mailadres", "telefoon": "een telefoonnummer",
                "bereikbaar": "wanneer je er terechtkunt"}


@dataclass
class ContactPoint:
    key: str
    naam: str
    herkennen: list[str]
    uitleg: str
    link: str | None = None
    link_tekst: str | None = None
    email: str | None = None
    telefoon: str | None = None
    bereikbaar: str | None = None
    persoonlijk: bool = False
    nog_aan_te_vullen: bool = False     # an open item: the organisation must still provide it (blocks make build)
    niet_vermeld: bool = False          # the source documents give no way to reach it (shown plainly, no open item)
    notitie: str | None = None
    pattern: re.Pattern = field(default=None, repr=False, compare=False)

    def named_in(self, text: str) -> bool:
        return bool(self.pattern.search(text))

    def missing(self) -> list[str]:
        return [label for key, label in FIELD_LABELS.items() if not getattr(self, key)]

    def as_data(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if k not in ("pattern", "notitie") and v not in (None, False)}
        data["nog_aan_te_vullen"] = self.not_provided     # for the reader: "not yet known"
        data.pop("niet_vermeld", None)
        return data

    @property
    def not_provided(self) -> bool:
        return self.nog_aan_te_vullen or self.niet_vermeld


def load(docs_dir: Path, organisations: set[str]) -> tuple[dict[str, list[ContactPoint]], list[ContentError]]:
    """Read and check every organisation's contactpunten.yml (the prepare stage keeps them on the site
    index). A missing file is allowed (a new code): its help pages then say for every role that the
    organisation has not provided contact details."""
    points: dict[str, list[ContactPoint]] = {}
    errors: list[ContentError] = []
    for org in sorted(organisations):
        path = docs_dir / org / FILE_NAME
        points[org] = []
        if path.is_file():
            points[org], file_errors = parse(f"{org}/{FILE_NAME}", path.read_text(encoding="utf-8"))
            errors += file_errors
    return points, errors


def parse(src_path: str, text: str) -> tuple[list[ContactPoint], list[ContentError]]:
    """The contact points in one file, and every problem in it (Dutch, with file and line)."""
    try:
        node, data = _load_with_lines(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return [], [ContentError(src_path, f"het bestand is geen geldige YAML ({getattr(exc, 'problem', exc)}). "
                                           "Controleer inspringing, dubbele punten en aanhalingstekens.",
                                 line=mark.line + 1 if mark else None)]
    lines = {key: line - 1 for key, line in _key_lines(node, "").items()} if node is not None else {}
    if not isinstance(data, dict):
        return [], [ContentError(src_path, "zet per contactpunt een sleutel (bijvoorbeeld vertrouwenspersoon:) "
                                           "met daaronder naam, herkennen, uitleg en hoe je het bereikt.", line=1)]
    points, errors = [], []
    for key, entry in data.items():
        def fail(message: str, sub: str | None = None) -> None:
            name = f"{key}.{sub}" if sub else str(key)
            errors.append(ContentError(src_path, message, line=lines.get(name, lines.get(str(key))), key=name))
        point = _point(str(key), entry, fail)
        if point:
            points.append(point)
    return points, errors


def _point(key: str, entry: Any, fail) -> ContactPoint | None:
    if not ROLE_KEY.match(key):
        fail(f"'{key}' is geen goede sleutel: gebruik kleine letters, cijfers, _ en -, bijvoorbeeld vertrouwenspersoon.")
    if not isinstance(entry, dict):
        fail("een contactpunt is een blok met naam, herkennen, uitleg en hoe je het bereikt (link, email, telefoon).")
        return None
    ok = True
    for unknown in entry.keys() - KEYS:
        guess = difflib.get_close_matches(str(unknown), sorted(KEYS), n=1)
        fail(f"onbekende sleutel '{unknown}'." + (f" Bedoel je '{guess[0]}'?" if guess else
                                                  f" Toegestaan zijn: {', '.join(sorted(KEYS))}."), str(unknown))
        ok = False
    for text_key in ("naam", "uitleg"):
        if not isinstance(entry.get(text_key), str) or not entry[text_key].strip():
            fail(f"'{text_key}' ontbreekt of is leeg. " + ("Geef de rol een naam, bijvoorbeeld: naam: Vertrouwenspersoon"
                 if text_key == "naam" else "Leg in één of twee zinnen uit wat je bij deze rol kunt doen."), text_key)
            ok = False
    words = entry.get("herkennen")
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        fail("'herkennen' moet een lijst zijn van de woorden waaraan de site de rol in een tekst herkent, "
             "bijvoorbeeld: herkennen: [vertrouwenspersoon, vertrouwenspersonen]", "herkennen")
        ok = False
    for text_key in ("link_tekst", "bereikbaar", "notitie"):
        if entry.get(text_key) is not None and not isinstance(entry[text_key], str):   # null: not given
            fail(f"'{text_key}' moet tekst zijn.", text_key)
            ok = False
    link, email, phone = entry.get("link"), entry.get("email"), entry.get("telefoon")
    if link is not None and not (isinstance(link, str) and link.startswith("https://")):
        fail("'link' moet een volledige link zijn die begint met https://.", "link")
        ok = False
    if email is not None and not (isinstance(email, str) and EMAIL.match(email)):
        fail(f"'email' ({email}) is geen e-mailadres. Schrijf het als naam@organisatie.nl.", "email")
        ok = False
    if phone is not None and not (isinstance(phone, str) and PHONE.match(phone)):
        fail(f"'telefoon' ({phone}) is geen telefoonnummer. Schrijf het tussen aanhalingstekens, "
             "bijvoorbeeld: telefoon: \"030 123 45 67\".", "telefoon")
        ok = False
    for flag in ("persoonlijk", "nog_aan_te_vullen", "niet_vermeld"):
        if flag in entry and not isinstance(entry[flag], bool):
            fail(f"'{flag}' is true of false.", flag)
            ok = False
    if ok and not (link or email or phone or entry.get("persoonlijk") or entry.get("nog_aan_te_vullen")
                   or entry.get("niet_vermeld")):
        fail("dit contactpunt zegt niet hoe je het bereikt. Vul link, email of telefoon in; of zet "
             "nog_aan_te_vullen: true als de organisatie het nog moet aanleveren (de site zegt dat dan eerlijk); "
             "of persoonlijk: true voor iemand die de lezer zelf kent, zoals de eigen leidinggevende.")
        ok = False
    flag = "nog_aan_te_vullen" if entry.get("nog_aan_te_vullen") else "niet_vermeld"
    if ok and entry.get(flag) and not entry.get("notitie"):
        fail(f"bij {flag}: true hoort een 'notitie' voor de redactie: wat moet de organisatie nog "
             "aanleveren?", flag)
        ok = False
    if not ok:
        return None
    words = [w.strip() for w in entry["herkennen"]]
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                         + r")(?![\w])", re.I)
    return ContactPoint(key=key, naam=entry["naam"].strip(), herkennen=words, uitleg=entry["uitleg"].strip(),
                        link=link, link_tekst=entry.get("link_tekst"), email=email, telefoon=phone,
                        bereikbaar=entry.get("bereikbaar"), persoonlijk=bool(entry.get("persoonlijk")),
                        nog_aan_te_vullen=bool(entry.get("nog_aan_te_vullen")),
                        niet_vermeld=bool(entry.get("niet_vermeld")), notitie=entry.get("notitie"),
                        pattern=pattern)


def named_in(site: SiteIndex, org: str, text: str) -> list[ContactPoint]:
    """The organisation's contact points that a text names (the same lookup a checker outcome can do
    with the 'herkennen' words in assets/contactpunten.json)."""
    return [point for point in site.contact_points.get(org, []) if point.named_in(text)]


def _tel(phone: str) -> str:
    digits = re.sub(r"[^0-9+]", "", phone)
    return digits


def render_point(point: ContactPoint, organisation_name: str) -> str:
    lines = [f'<div class="cw-contactpunt" markdown>', "",
             f"### {point.naam} {{#contact-{point.key} .cw-contactpunt-naam}}", "", point.uitleg, ""]
    ways = []
    if point.link:
        ways.append(f"- Website: [{point.link_tekst or point.link}]({point.link})")
    if point.email:
        ways.append(f"- E-mail: [{point.email}](mailto:{point.email})")
    if point.telefoon:
        ways.append(f"- Telefoon: [{point.telefoon}](tel:{_tel(point.telefoon)})")
    if point.bereikbaar:
        ways.append(f"- Bereikbaar: {point.bereikbaar}")
    lines += ways + ([""] if ways else [])
    if point.not_provided:
        missing = point.missing()
        what = ", ".join(missing[:-1]) + " en " + missing[-1] if len(missing) > 1 else "".join(missing)
        told = (f"{organisation_name} heeft nog geen link, e-mailadres of telefoonnummer doorgegeven."
                if not ways else f"{organisation_name} heeft nog niet doorgegeven: {what}.")
        lines += [f'<p class="cw-nog-niet"><strong>Nog niet bekend.</strong> {told}</p>', ""]
    lines += ["</div>", ""]
    return "\n".join(lines)


def render_block(page: SourcePage, site: SiteIndex) -> str:
    """How to reach every role the page names, or plainly that the organisation has not said."""
    org = page.organisation
    if not org:
        raise ContentError(page.src_path, "'codewijzer: contactpunten' hoort op een pagina in de map van een "
                                          "organisatie.")
    name = site.organisation_name(org)
    points = named_in(site, org, page.body)
    if not site.contact_points.get(org):
        return (f'<div class="cw-contactpunten" markdown>\n\n<p class="cw-nog-niet">{name} heeft nog niet '
                "doorgegeven hoe je de mensen op deze pagina bereikt (zoals de vertrouwenspersoon).</p>\n\n</div>")
    if not points:
        return ""
    return ('<div class="cw-contactpunten" markdown>\n\n'
            "## Zo bereik je ze {#contactpunten}\n\n"
            + "\n".join(render_point(point, name) for point in points) + "\n</div>")


def with_contact_points(markdown: str, page: SourcePage) -> str:
    """A help or reporting page always shows its contact points: where the editor placed them, else at
    the end."""
    if page.kind not in PAGE_KINDS or PLACEHOLDER.search(markdown):
        return markdown
    return markdown.rstrip() + "\n\n<!-- codewijzer: contactpunten -->\n"


def export_for(site: SiteIndex, org: str) -> dict[str, Any]:
    """One organisation's contact points as plain data: what a checker's page data can carry, so an
    outcome shows how to reach every role it names without another request."""
    return {"organisatie": site.organisation_name(org),
            # the help page (from the site root), whose "Zo bereik je ze" an outcome can link to
            "hulp": site.help_page(org).src_path.removesuffix(".md") + "/",
            "contactpunten": {p.key: p.as_data() for p in site.contact_points.get(org, [])}}


def export(site: SiteIndex) -> dict[str, Any]:
    """Every organisation's contact points as plain data (assets/contactpunten.json)."""
    return {org: export_for(site, org) for org in site.organisations()}


def write_export(site_dir: Path, site: SiteIndex) -> None:
    target = site_dir / EXPORT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(export(site), ensure_ascii=False, indent=1), encoding="utf-8")
