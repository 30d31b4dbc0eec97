"""Flow diagrams (`stroomschema`) and bar charts (`grafiek`) drawn as inline SVG at build time.

No diagram library reaches the reader's browser; every drawing is followed by the same
information as text (an ordered list of steps, a data table), which is its text alternative.
"""
from __future__ import annotations

import html
import itertools
import textwrap
from typing import Any

import yaml

from .content_model import YAML_LOADER, ContentError
from .markdown_blocks import replace_fenced

CONTINUE = "verder"
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" font-size="15"'
LINE_HEIGHT = 19
CHAR_WIDTH = 7.6          # average glyph width at 15px, for wrapping
MAIN_X, MAIN_W = 10, 360
SIDE_X, SIDE_W = 420, 200
WIDTH = SIDE_X + SIDE_W + 10
GAP = 34
STYLES = {   # fill, stroke: all text is #1b1b1b on light fills (contrast > 12:1)
    "stap": ("#e8f0f8", "#154273"),
    "vraag": ("#fff4dc", "#8a5300"),
    "einde": ("#e6f4ea", "#1e6b34"),
}
_ids = itertools.count(1)


def _load(body: str, src_path: str, line: int, kind: str) -> dict[str, Any]:
    try:
        data = yaml.load(body, Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContentError(src_path, f"het blok '{kind}' is geen geldige YAML ({getattr(exc, 'problem', exc)}).",
                           line=line + (mark.line + 1 if mark else 1)) from None
    if not isinstance(data, dict) or not isinstance(data.get("titel"), str):
        raise ContentError(src_path, f"een blok '{kind}' begint met 'titel: ...'.", line=line + 1, key="titel")
    return data


def _wrap(text: str, width_px: int) -> list[str]:
    return textwrap.wrap(text, max(8, int((width_px - 24) / CHAR_WIDTH))) or [""]


def _box(x: float, y: float, w: float, lines: list[str], style: str, shape: str = "rect") -> tuple[str, float]:
    fill, stroke = STYLES[style]
    h = len(lines) * LINE_HEIGHT + 20
    if shape == "vraag":   # a hexagon tells a question apart without relying on colour
        pts = f"{x+12},{y} {x+w-12},{y} {x+w},{y+h/2} {x+w-12},{y+h} {x+12},{y+h} {x},{y+h/2}"
        outline = f'<polygon points="{pts}" fill="{fill}" stroke="{stroke}" stroke-width="2"/>'
    else:
        radius = 14 if style == "einde" else 4
        outline = (f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{radius}" fill="{fill}" '
                   f'stroke="{stroke}" stroke-width="2"/>')
    text = "".join(f'<tspan x="{x + w / 2}" dy="{LINE_HEIGHT if i else 0}">{html.escape(t)}</tspan>'
                   for i, t in enumerate(lines))
    label = f'<text x="{x + w / 2}" y="{y + 10 + 14}" text-anchor="middle" fill="#1b1b1b">{text}</text>'
    return outline + label, h


def _arrow(x1: float, y1: float, x2: float, y2: float, label: str = "") -> str:
    out = (f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#333" stroke-width="2" '
           f'marker-end="url(#pijl-{{id}})"/>')
    if label:
        lx, ly = ((x1 + x2) / 2 + 8, (y1 + y2) / 2 + 5) if x1 == x2 else ((x1 + x2) / 2, y1 - 7)
        anchor = "start" if x1 == x2 else "middle"
        out += f'<text x="{lx}" y="{ly}" text-anchor="{anchor}" font-weight="bold" fill="#1b1b1b">{label}</text>'
    return out


def _check_steps(data: dict[str, Any], src_path: str, line: int) -> list[dict[str, Any]]:
    steps = data.get("stappen")
    if not isinstance(steps, list) or not steps:
        raise ContentError(src_path, "een stroomschema heeft 'stappen:' met minstens één stap.", line=line + 1,
                           key="stappen")
    for number, step in enumerate(steps, 1):
        where = f"stap {number} van het stroomschema"
        unknown = set(step) - {"stap", "vraag", "ja", "nee", "link"} if isinstance(step, dict) else set()
        if unknown:
            raise ContentError(src_path, f"{where} heeft onbekende sleutels: {', '.join(sorted(unknown))}. "
                                         "Toegestaan: stap, vraag, ja, nee, link.", line=line + 1, key="stappen")
        if not isinstance(step, dict) or ("stap" in step) == ("vraag" in step):
            raise ContentError(src_path, f"{where} heeft óf 'stap: tekst' óf 'vraag: tekst' met 'ja' en 'nee'.",
                               line=line + 1, key="stappen")
        if "vraag" in step:
            answers = [step.get("ja"), step.get("nee")]
            if not all(isinstance(a, str) and a.strip() for a in answers):
                raise ContentError(src_path, f"{where} is een vraag en heeft dus 'ja:' en 'nee:'.", line=line + 1)
            continues = answers.count(CONTINUE)
            last = number == len(steps)
            if (last and continues) or (not last and continues != 1):
                rule = ("bij de laatste vraag is geen van beide 'verder', want er komt geen stap meer. Schrijf bij "
                        "'ja' en 'nee' wat de lezer dan doet" if last
                        else "precies één van 'ja' en 'nee' is 'verder' (ga door met de volgende stap)")
                raise ContentError(src_path, f"{where}: {rule}.", line=line + 1)
    return steps


def render_flow(body: str, src_path: str, line: int) -> str:
    data = _load(body, src_path, line, "stroomschema")
    steps = _check_steps(data, src_path, line)
    diagram_id = next(_ids)
    parts, y = [], 10.0
    for number, step in enumerate(steps, 1):
        if "stap" in step:
            svg, h = _box(MAIN_X, y, MAIN_W, _wrap(f"{number}. {step['stap']}", MAIN_W), "stap")
            parts.append(svg)
            y += h
        else:
            down, side = ("ja", "nee") if step["nee"] != CONTINUE else ("nee", "ja")
            svg, h = _box(MAIN_X, y, MAIN_W, _wrap(f"{number}. {step['vraag']}", MAIN_W), "vraag", shape="vraag")
            side_svg, side_h = _box(SIDE_X, y, SIDE_W, _wrap(step[side], SIDE_W), "einde")
            parts += [svg, side_svg, _arrow(MAIN_X + MAIN_W, y + h / 2, SIDE_X - 2, y + h / 2, side.capitalize())]
            y += max(h, side_h)
            if step[down] != CONTINUE:   # last question: its other answer ends below it
                parts.append(_arrow(MAIN_X + MAIN_W / 2, y - max(h, side_h) + h, MAIN_X + MAIN_W / 2, y + GAP - 2,
                                    down.capitalize()))
                end_svg, end_h = _box(MAIN_X, y + GAP, MAIN_W, _wrap(step[down], MAIN_W), "einde")
                parts.append(end_svg)
                y += GAP + end_h
                continue
            parts.append(_arrow(MAIN_X + MAIN_W / 2, y - max(h, side_h) + h, MAIN_X + MAIN_W / 2, y + GAP - 2,
                                down.capitalize()))
            y += GAP
            continue
        if number < len(steps):
            parts.append(_arrow(MAIN_X + MAIN_W / 2, y, MAIN_X + MAIN_W / 2, y + GAP - 2))
            y += GAP
    title = html.escape(data["titel"])
    svg = (f'<svg class="cw-stroomschema-svg" viewBox="0 0 {WIDTH} {y + 10:.0f}" role="img" '
           f'aria-labelledby="stroom-{diagram_id}-titel" {FONT} xmlns="http://www.w3.org/2000/svg">'
           f'<title id="stroom-{diagram_id}-titel">Stroomschema: {title}. De stappen staan onder de tekening als tekst.</title>'
           f'<defs><marker id="pijl-{diagram_id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
           f'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>'
           + "".join(parts).replace("{id}", str(diagram_id)) + "</svg>")
    return (f'<figure class="cw-stroomschema">{svg}<figcaption>Stroomschema: {title}</figcaption></figure>\n\n'
            + _flow_as_text(data["titel"], steps))


def _flow_as_text(title: str, steps: list[dict[str, Any]]) -> str:
    lines = [f'<p class="cw-stappen-titel"><strong>De stappen als tekst: {html.escape(title)}</strong></p>', ""]
    for number, step in enumerate(steps, 1):
        source = f" ([waar staat dit?]({step['link']}))" if step.get("link") else ""
        if "stap" in step:
            lines.append(f"{number}. {step['stap']}{source}")
            continue
        lines.append(f"{number}. **Vraag:** {step['vraag']}{source}")
        for answer in ("ja", "nee"):
            text = f"ga verder met stap {number + 1}." if step[answer] == CONTINUE else step[answer]
            lines.append(f"    - **{answer.capitalize()}:** {text}")
    return "\n".join(lines) + "\n"


def render_chart(body: str, src_path: str, line: int) -> str:
    data = _load(body, src_path, line, "grafiek")
    values = data.get("gegevens")
    if (not isinstance(values, dict) or not values
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 for v in values.values())):
        raise ContentError(src_path, "een grafiek heeft 'gegevens:' met regels 'Naam: getal' (0 of hoger).",
                           line=line + 1, key="gegevens")
    unit = str(data.get("eenheid", "aantal"))
    chart_id = next(_ids)
    label_w, bar_w, row_h = 210, 220, 32   # a compact drawing keeps the text large when it is scaled down
    top = max(values.values()) or 1
    rows = []
    for i, (label, value) in enumerate(values.items()):
        y = 10 + i * row_h
        width = bar_w * value / top
        rows.append(f'<text x="{label_w - 8}" y="{y + 19}" text-anchor="end" fill="#1b1b1b">'
                    f'{html.escape(textwrap.shorten(str(label), 27, placeholder="…"))}</text>'
                    f'<rect x="{label_w}" y="{y + 4}" width="{width:.1f}" height="{row_h - 10}" fill="#154273"/>'
                    f'<text x="{label_w + width + 6:.1f}" y="{y + 19}" fill="#1b1b1b">{_number(value)}</text>')
    height = 20 + len(values) * row_h
    title = html.escape(data["titel"])
    svg = (f'<svg class="cw-grafiek-svg" viewBox="0 0 {label_w + bar_w + 60} {height}" role="img" '
           f'aria-labelledby="grafiek-{chart_id}-titel" {FONT} xmlns="http://www.w3.org/2000/svg">'
           f'<title id="grafiek-{chart_id}-titel">Staafdiagram: {title}. De cijfers staan in de tabel ernaast.</title>'
           + "".join(rows) + "</svg>")
    table = "\n".join([f"| {html.escape(str(data.get('kolom', 'Categorie')))} | {html.escape(unit.capitalize())} |",
                       "| --- | ---: |"]
                      + [f"| {html.escape(str(k))} | {_number(v)} |" for k, v in values.items()])
    note = f"\n\n<small>{html.escape(str(data['toelichting']))}</small>" if data.get("toelichting") else ""
    return (f'<div class="cw-grafiek" markdown>\n\n<figure>{svg}<figcaption>{title}</figcaption></figure>\n\n'
            f'<div class="cw-grafiek-tabel" markdown>\n\n{table}{note}\n\n</div>\n\n</div>\n')


def _number(value: float) -> str:
    text = f"{value:,.1f}" if isinstance(value, float) and not value.is_integer() else f"{int(value):,}"
    return text.replace(",", "X").replace(".", ",").replace("X", ".")   # Dutch: 1.234,5


def replace_flows_and_charts(markdown: str, page) -> str:
    """Render every `stroomschema` and `grafiek` block of a page."""
    global _ids
    _ids = itertools.count(1)   # SVG ids only need to be unique within one page; keep builds reproducible
    first = page.body_start_line - 1   # + the body's offset = the line of the opening ``` (errors add 1 or more)
    markdown = replace_fenced(markdown, "stroomschema", lambda body, line: render_flow(body, page.src_path, first + line))
    return replace_fenced(markdown, "grafiek", lambda body, line: render_chart(body, page.src_path, first + line))
