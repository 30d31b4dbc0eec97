"""Who an outcome names, and how to reach them; and the abbreviations it uses.

The page hands the worker, once per checker, its organisation's context (build_scripts/checker_embed.py,
outcome_context): the contact points of docs/<organisatie>/contactpunten.yml with their 'herkennen' words,
and the glossary entries the checker's texts use. Python decides which belong to an outcome; the page
only shows them. A role the organisation has not given contact details for gets a plain sentence saying so.
"""
from __future__ import annotations

import re
from typing import Any

WAYS = (("link", "een website"), ("email", "een e-mailadres"), ("telefoon", "een telefoonnummer"),
        ("bereikbaar", "wanneer je er terechtkunt"))


def _pattern(words: list[str]) -> re.Pattern:
    return re.compile(r"(?<![\w])(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                      + r")(?![\w])", re.I)


def outcome_texts(result: dict[str, Any]) -> list[str]:
    return [result.get("heading", ""), *(r["text"] for r in result.get("reasons", [])),
            *(r["text"] for r in result.get("other_reasons", [])), *result.get("next_steps", [])]


def _not_yet(point: dict[str, Any], organisation: str) -> str:
    missing = [label for key, label in WAYS if not point.get(key)]
    if len(missing) == len(WAYS) or not any(point.get(k) for k in ("link", "email", "telefoon")):
        return f"{organisation} heeft nog niet doorgegeven hoe je deze rol bereikt."
    what = ", ".join(missing[:-1]) + " en " + missing[-1] if len(missing) > 1 else "".join(missing)
    return f"{organisation} heeft nog niet doorgegeven: {what}."


def contacts_for(result: dict[str, Any], context: dict[str, Any]) -> list[dict[str, Any]]:
    """The contact points the outcome's texts name, in the order of the contact file."""
    data = context.get("contacts") or {}
    organisation = data.get("organisatie", "De organisatie")
    text = "\n".join(outcome_texts(result))
    found = []
    for key, point in (data.get("contactpunten") or {}).items():
        # A longer name that contains this one ("PhD-vertrouwenspersoon" holds "vertrouwenspersoon") only
        # counts for this point where the text names it on its own.
        words = point.get("herkennen") or []
        if not words or not _pattern(words).search(_without_longer(text, key, data)):
            continue
        shown = {k: point[k] for k in ("naam", "uitleg", "link", "link_tekst", "email", "telefoon", "bereikbaar")
                 if point.get(k)}
        shown["key"] = key
        if point.get("persoonlijk"):
            shown["persoonlijk"] = "Dit is iemand die je zelf kent; je bereikt hem of haar zoals altijd."
        elif point.get("nog_aan_te_vullen") or not any(point.get(k) for k in ("link", "email", "telefoon")):
            shown["nog_niet_bekend"] = _not_yet(point, organisation)
        found.append(shown)
    return found


def _without_longer(text: str, key: str, data: dict[str, Any]) -> str:
    own = [w.lower() for w in data["contactpunten"][key].get("herkennen") or []]
    longer = [w for other, point in data["contactpunten"].items() if other != key
              for w in point.get("herkennen") or [] if any(o in w.lower() and o != w.lower() for o in own)]
    return _pattern(longer).sub(" ", text) if longer else text


WORD = re.compile(r"[A-Za-z][A-Za-z0-9&]*")


def abbreviations_for(result: dict[str, Any], context: dict[str, Any]) -> dict[str, str]:
    """The glossary's explanation of every abbreviation the outcome uses (exact spelling: CvB is not CVB)."""
    glossary = context.get("abbreviations") or {}
    words = set(WORD.findall("\n".join(outcome_texts(result))))
    return {word: glossary[word] for word in sorted(words) if word in glossary}


def with_context(result: dict[str, Any], context: dict[str, Any] | None) -> dict[str, Any]:
    if result.get("status") != "uitkomst" or not context:
        return result
    return {**result, "contacts": contacts_for(result, context), "abbreviations": abbreviations_for(result, context),
            "help_page": (context.get("contacts") or {}).get("hulp")}
