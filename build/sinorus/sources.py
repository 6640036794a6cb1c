"""The pinned source texts: their lines (paragraphs), sections and footnote markers.

One job: know the text of each source file exactly, so that quotes and offsets can be
checked against it and its structure (sections, paragraphs, footnotes) can be published.
Offsets are Python string indices, i.e. Unicode code points, counted from 0, end excluded,
as in a Web Annotation TextPositionSelector.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .config import ID_BASE, SOURCES_DIR


@dataclass(frozen=True)
class Paragraph:
    line: int  # 1-based line number in the pinned file; also the paragraph's number
    start: int  # offset of the first character
    end: int  # offset just past the last character (the newline excluded)
    section: str | None  # slug of the innermost section it belongs to


@dataclass(frozen=True)
class Section:
    slug: str
    line: int
    heading: str
    parent: str | None


@dataclass(frozen=True)
class Footnote:
    number: int
    start: int  # offset of the marker's first digit
    end: int
    line: int


@dataclass(frozen=True)
class SourceText:
    slug: str  # the last segment of the source's IRI: id/source/<slug>
    filename: str
    # heading line number -> (slug, parent slug); lines not listed are paragraphs
    headings: dict
    footnote_count: int

    @property
    def iri(self) -> str:
        return f"{ID_BASE}source/{self.slug}"

    @property
    def path(self) -> Path:
        return SOURCES_DIR / self.filename

    @property
    def text(self) -> str:
        return _read(self.path)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()

    def paragraph_iri(self, line: int) -> str:
        return f"{self.iri}/para/{line}"

    def section_iri(self, slug: str) -> str:
        return f"{self.iri}/section/{slug}"

    def footnote_iri(self, number: int) -> str:
        return f"{self.iri}/footnote/{number}"

    def sections(self) -> list[Section]:
        lines = self.text.split("\n")
        return [
            Section(slug, line, lines[line - 1], parent)
            for line, (slug, parent) in sorted(self.headings.items())
        ]

    def paragraphs(self) -> list[Paragraph]:
        """Every non-empty line that is not a heading, with the section it falls under."""
        out, offset, current = [], 0, None
        for number, line in enumerate(self.text.split("\n"), start=1):
            if number in self.headings:
                current = self.headings[number][0]
            elif line.strip():
                out.append(Paragraph(number, offset, offset + len(line), current))
            offset += len(line) + 1
        return out

    def paragraph_at(self, offset: int) -> Paragraph | None:
        for paragraph in self.paragraphs():
            if paragraph.start <= offset < paragraph.end:
                return paragraph
        return None

    def footnotes(self) -> list[Footnote]:
        return _footnotes(self)

    def occurrences(self, words: str) -> list[int]:
        """Every offset at which `words` stand in the text."""
        found, start = [], 0
        while (index := self.text.find(words, start)) >= 0:
            found.append(index)
            start = index + 1
        return found


@cache
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# A footnote marker is the footnote's number glued after the words it supports. The
# numbers are searched for in order (1, 2, 3 ...), each after the previous one, so a
# number that is data ("S-400", "70th", "500 people") is never taken for a marker: a
# marker never follows a digit, a space, a dollar sign, a dash or a slash, except for
# the one irregular marker "operations. 82" at the end of a line.
def _marker_pattern(number: int) -> re.Pattern:
    n = str(number)
    return re.compile(rf"(?<=[^\d\s$\u2013\-/]){n}(?!\d)|(?<=\. ){n}(?=\n|$)")


def _footnotes(source: SourceText) -> list[Footnote]:
    text, position, out = source.text, 0, []
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    for number in range(1, source.footnote_count + 1):
        match = _marker_pattern(number).search(text, position)
        if match is None:
            raise ValueError(f"{source.filename}: footnote marker {number} not found")
        line = sum(1 for s in line_starts if s <= match.start())
        out.append(Footnote(number, match.start(), match.end(), line))
        position = match.end()
    return out


# --- The two sources of the project --------------------------------------------------

REPORT = SourceText(
    slug="aspi-2019-sino-russian-partnership",
    filename="aspi-2019-sino-russian-high-tech-partnership.txt",
    headings={
        2: ("whats-the-problem", None),
        7: ("whats-the-solution", None),
        13: ("background", None),
        18: ("strategic-partnership", None),
        22: ("dialogues-and-exchanges", "strategic-partnership"),
        26: ("science-and-technology-parks", "strategic-partnership"),
        35: ("joint-funds", "strategic-partnership"),
        40: ("contests-and-competitions", "strategic-partnership"),
        44: ("academic-cooperation", "strategic-partnership"),
        48: ("priorities-for-partnership", None),
        50: ("next-generation-telecommunications", "priorities-for-partnership"),
        57: ("big-data-robotics-ai", "priorities-for-partnership"),
        71: ("biotechnology", "priorities-for-partnership"),
        74: ("new-media", "priorities-for-partnership"),
        78: ("digital-economy", "priorities-for-partnership"),
        80: ("problems-and-obstacles", None),
        91: ("conclusions", None),
        98: ("policy-recommendations", None),
    },
    footnote_count=133,
)

OPED = SourceText(
    slug="oped-2019-kania-bendett",
    filename="afpc-2019-op-ed-kania-bendett.txt",
    headings={},
    footnote_count=0,
)

SOURCES = {source.iri: source for source in (REPORT, OPED)}


def source_for(iri: str) -> SourceText | None:
    return SOURCES.get(str(iri))
