"""When each page last changed, from git, and the line under every page that says so.

One `git log` for all of docs/ (not one call per page), read once per build. Without git, outside
a repository, or for a file git does not know yet, a page simply shows no date: never an error.
In a shallow clone the oldest commit stands for all history before it, so the files it lists
get no date rather than a wrong one.
"""
from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
from pathlib import Path
from typing import Any

from checkers.dutch_dates import dutch_date

GIT_TIMEOUT = 30
COMMIT = "@@"


def _git(docs_dir: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=docs_dir, capture_output=True, text=True,
                                timeout=GIT_TIMEOUT, encoding="utf-8")
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


GITHUB_REMOTE = re.compile(r"^(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)"
                           r"(?P<repo>[\w.-]+/[\w.-]+?)(?:\.git)?/?$")


def edit_base(configured: str, docs_dir: Path) -> str:
    """Where "Bewerk deze pagina" points: the setting (extra.bewerk_basis, CI fills it in), else the
    GitHub web editor of the clone's `origin` on its default branch, else nothing (no link)."""
    if configured:
        return configured
    remote = (_git(docs_dir, "remote", "get-url", "origin") or "").strip()
    match = GITHUB_REMOTE.match(remote)
    if not match:
        return ""
    head = (_git(docs_dir, "symbolic-ref", "--short", "refs/remotes/origin/HEAD") or "origin/main").strip()
    return f"https://github.com/{match['repo']}/edit/{head.removeprefix('origin/')}/docs/"


def last_changed(docs_dir: Path) -> dict[str, dt.date]:
    """Docs path ('gemeente-utrecht/geschenken.md') -> the date of the last commit that changed it."""
    shallow = _git(docs_dir, "rev-parse", "--is-shallow-repository")
    if shallow is None:
        return {}
    log = _git(docs_dir, "log", "--relative", "--no-renames", "--name-only", f"--format={COMMIT}%cs %P", "--", ".")
    if log is None:
        return {}
    changed: dict[str, dt.date] = {}
    day: dt.date | None = None
    for line in log.splitlines():
        if line.startswith(COMMIT):
            stamp, _, parents = line[len(COMMIT):].partition(" ")
            boundary = shallow.strip() == "true" and not parents.strip()
            day = None if boundary else dt.date.fromisoformat(stamp)
        elif line and day is not None:
            changed.setdefault(line, day)
    return changed


def page_footer(src_path: str, changed: dt.date | None, edit_base: str, code: dict[str, Any] | None,
                changes_href: str | None) -> str:
    """The code's name, version and date, when the page last changed, and "Bewerk deze pagina"."""
    lines = []
    if code:
        version = html.escape(code.get("versie") or "niet vermeld")
        since = code.get("geldend_vanaf") or "niet vermeld"
        since = since if isinstance(since, str) else dutch_date(since)     # a date, or "nog niet gecontroleerd"
        facts = f"{html.escape(code['naam'])} · versie: {version} · geldend vanaf: {since}"
        if changes_href:
            facts += f' · <a href="{html.escape(changes_href)}">Wijzigingen</a>'
        lines.append(f'<p class="cw-codeversie">{facts}</p>')
    page_facts = []
    if changed:
        page_facts.append(f'Deze pagina is laatst gewijzigd op <time datetime="{changed.isoformat()}">'
                          f"{dutch_date(changed)}</time>.")
    if edit_base:
        href = edit_base.rstrip("/") + "/" + src_path
        page_facts.append(f'<a href="{html.escape(href)}" rel="edit">Bewerk deze pagina</a>')
    if page_facts:
        lines.append(f'<p class="cw-paginadatum">{" ".join(page_facts)}</p>')
    if not lines:
        return ""
    return '<aside class="cw-paginavoet" aria-label="Over deze pagina">' + "".join(lines) + "</aside>"
