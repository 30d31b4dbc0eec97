"""Stage 2 of 3, inside the engine: a Python-Markdown extension for what is page-level syntax.

- a preprocessor on the editor's Markdown: agreement anchors `[[2.5a]]`, flows and charts,
  `<!-- codewijzer: ... -->` placeholders (checkers, lists), one-code links, 'Zie ook' and an
  example's context; it runs first, so error lines are the lines of the file;
- a tree processor that links every mention of the vertrouwenspersoon in the text (not in links,
  headings, code, ...) to who that is, on the element tree instead of on finished HTML.

The page being rendered and the site come from the BuildState the prepare stage made; the engine
adapter (hooks.py) tells the extension which page it renders (`state.current`).
"""
from __future__ import annotations

import xml.etree.ElementTree as etree
from html.parser import HTMLParser
from typing import Callable

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from . import agreements, crosslinks, diagrams, placeholders, single_code
from .build_state import BuildState
from .content_model import ContentError, SourcePage
from .paths import page_url, relative_url

# Before Python-Markdown's own preprocessors (normalize_whitespace 30, fenced code 25, raw HTML 20):
# our input is the editor's text as it is in the file.
PAGE_PRIORITY = 35
# After the inline processor (20) has made the text nodes and after the engine has checked and
# rewritten the editor's links (relpath, 0): ours are URLs already, checked by the anchor check.
TRUSTED_PERSON_PRIORITY = -1


def render_page_markdown(markdown: str, page: SourcePage, state: BuildState) -> str:
    """The editor's Markdown with every page-level construct rendered (raises ContentError)."""
    if state.left_out:
        markdown = single_code.without_links_to(markdown, page, state.left_out)
    # the editor's own text first, so line numbers in errors are those of the file
    markdown = agreements.render_agreements(markdown, page.src_path, page.body_start_line)
    markdown = diagrams.replace_flows_and_charts(markdown, page)
    markdown = placeholders.render_placeholders(markdown, page, state.site)
    if page.kind == "voorbeeld":
        markdown += crosslinks.example_context(page, state.site)
    return markdown + crosslinks.see_also(page, state.site)


def trusted_person_href(page: SourcePage, state: BuildState) -> str | None:
    if not page.organisation:
        return None
    target, anchor = state.site.code_link(page.organisation, "vertrouwenspersoon")
    return relative_url(page_url(target), page_url(page.src_path)) + (f"#{anchor}" if anchor else "")


class PagePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: CodewijzerExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        state = self.extension.state()
        if state is None or state.current is None:     # a generated page: complete as it is
            return lines
        try:
            return render_page_markdown("\n".join(lines), state.current, state).split("\n")
        except ContentError as error:
            raise self.extension.fail(error) from None


class TrustedPersonLinks(Treeprocessor):
    """Wrap each mention of 'vertrouwenspersoon/-personen' outside links and headings in a link.

    Raw HTML inside a paragraph (an SVG drawing's <text>, a <code> written as HTML) reaches the tree
    as one stashed placeholder per tag; those tags count too, read with the standard HTML parser."""

    def __init__(self, md: Markdown, extension: CodewijzerExtension):
        super().__init__(md)
        self.extension = extension
        self.raw_depth = 0      # open raw-HTML elements whose text is never linked

    def run(self, root: etree.Element) -> None:
        state = self.extension.state()
        if state is None or state.current is None:
            return
        href = trusted_person_href(state.current, state)
        if href:
            self.raw_depth = 0
            self._link_in(root, href)

    def _link_in(self, element: etree.Element, href: str) -> None:
        if element.tag in crosslinks.NO_LINK_TAGS:
            return
        children = list(element)
        if element.text:
            element.text, links = self._split(element.text, href)
            for offset, link in enumerate(links):
                element.insert(offset, link)
        for child in children:
            self._link_in(child, href)
            if child.tail:
                child.tail, links = self._split(child.tail, href)
                at = list(element).index(child) + 1
                for offset, link in enumerate(links):
                    element.insert(at + offset, link)

    def _split(self, text: str, href: str) -> tuple[str, list[etree.Element]]:
        """The text before the first mention, and a link element per mention (its tail: the text after)."""
        head: list[str] = []
        tails: list[list[str]] = []
        links: list[etree.Element] = []
        current = head
        position = 0
        for stashed in [*HTML_PLACEHOLDER_RE.finditer(text), None]:
            prose = text[position:stashed.start() if stashed else len(text)]
            parts = crosslinks.TRUSTED_PERSON.split(prose) if self.raw_depth == 0 else [prose]
            current.append(parts[0])
            for mention, after in zip(parts[1::2], parts[2::2]):
                link = etree.Element("a", {"class": "cw-vertrouwenspersoon", "href": href,
                                           "title": "Wie is de vertrouwenspersoon?"})
                link.text = mention
                links.append(link)
                current = [after]
                tails.append(current)
            if stashed:
                current.append(stashed.group(0))
                self.raw_depth = max(0, self.raw_depth + self._depth_change(int(stashed.group(1))))
                position = stashed.end()
        for link, tail in zip(links, tails):
            link.tail = "".join(tail)
        return "".join(head), links

    def _depth_change(self, index: int) -> int:
        blocks = self.md.htmlStash.rawHtmlBlocks
        raw = blocks[index] if index < len(blocks) else ""
        tags = _Tags()
        tags.feed(raw if isinstance(raw, str) else "")
        return tags.change


class _Tags(HTMLParser):
    """+1 for each opening, -1 for each closing tag of an element whose text is never linked."""

    def __init__(self) -> None:
        super().__init__()
        self.change = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.change += tag in crosslinks.NO_LINK_TAGS

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        self.change -= tag in crosslinks.NO_LINK_TAGS


class CodewijzerExtension(Extension):
    """state: the current BuildState; fail: the exception the engine reports an editor's error with."""

    def __init__(self, state: Callable[[], BuildState | None], fail: Callable[[ContentError], Exception]):
        super().__init__()
        self.state, self.fail = state, fail

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(PagePreprocessor(md, self), "codewijzer_page", PAGE_PRIORITY)
        md.treeprocessors.register(TrustedPersonLinks(md, self), "codewijzer_trusted_person",
                                   TRUSTED_PERSON_PRIORITY)
