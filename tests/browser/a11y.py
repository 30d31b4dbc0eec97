"""Helpers for the accessibility tests: axe-core in the page, the built pages, a checker's open question."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT

AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def page_paths(site: Path) -> list[str]:
    """Every built HTML page as a URL path relative to the site root ('' for the home page)."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        paths.append(relative.removesuffix("index.html") if relative.endswith("index.html") else relative)
    return paths


def axe_violations(page) -> list[dict]:
    """Run axe-core with the WCAG 2.0/2.1 A and AA rules on the whole document.

    axe is evaluated through the DevTools protocol (page.evaluate), which the page's
    Content-Security-Policy does not govern; no script tag is added and the policy stays in force
    for the page's own scripts.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    return page.evaluate("""async (tags) => {
        const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })) }));
    }""", WCAG_TAGS)


def describe(violations: list[dict], where: str) -> str:
    """The violations as readable lines for an assertion message."""
    lines = [f"{len(violations)} axe violation(s) on {where}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = " / ".join(line.strip() for line in (node["summary"] or "").splitlines()[1:3])
            lines.append(f"    {node['target']}: {summary}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def open_question(page, checker: str) -> dict | None:
    """The first shown question of a checker that has no answer yet (None when all are answered)."""
    return page.evaluate("""(checker) => [...document.querySelectorAll(
            `section[data-checker=${checker}] .cw-vraag:not([hidden])`)]
        .map((q) => ({ id: q.dataset.vraag, amount: !!q.querySelector(".cw-bedrag"),
                       answered: !!q.querySelector("input:checked") || !!q.querySelector(".cw-bedrag")?.value }))
        .find((q) => !q.answered) || null""", checker)


def has_amount_question(rules) -> bool:
    return any(question.kind == "bedrag" for question in rules.questions)


def renders(page, checker: str) -> int:
    return int(page.get_attribute(f"section[data-checker={checker}]", "data-renders") or 0)


def wait_for_render(page, checker: str, before: int) -> None:
    """Wait until the worker's answer to the latest change is on the page."""
    page.wait_for_function("([c, n]) => Number(document.querySelector(`section[data-checker=${c}]`).dataset.renders) > n",
                           arg=[checker, before])
