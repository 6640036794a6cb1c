"""Check that every claim's quoted words are the source's own, where the claim says.

For each claim: the TextQuoteSelector's exact words must stand in the pinned source file
at the TextPositionSelector's offsets, preceded by its prefix and followed by its suffix,
inside the paragraph the claim names. This is the build's half of rule R2 (the shapes
check the selectors' form); a failure stops the build like a SHACL violation.
"""

from __future__ import annotations

from rdflib import Graph

from .config import OA, SINORUS
from .sources import source_for


def quote_problems(graph: Graph) -> tuple[int, list[str]]:
    """Return (number of quotes verified, one line per problem)."""
    problems, verified = [], 0
    for claim in sorted(set(graph.subjects(SINORUS.quoteSelector, None))):
        quote = graph.value(claim, SINORUS.quoteSelector)
        position = graph.value(claim, SINORUS.positionSelector)
        source = source_for(graph.value(claim, SINORUS.statedIn))
        exact = graph.value(quote, OA.exact)
        where = f"{claim}"
        if source is None:
            problems.append(f"{where}: sinorus:statedIn is not a source with a pinned text")
            continue
        if exact is None:
            problems.append(f"{where}: the quote selector has no oa:exact")
            continue
        exact, text = str(exact), source.text
        if exact not in text:
            problems.append(
                f"{where}: rule R2, the quoted words do not occur in {source.filename}: {exact[:80]!r}"
            )
            continue
        start, end = graph.value(position, OA.start), graph.value(position, OA.end)
        if start is None or end is None:
            problems.append(f"{where}: the position selector lacks oa:start or oa:end")
            continue
        try:
            start, end = int(str(start)), int(str(end))
        except ValueError:
            problems.append(f"{where}: rule R2, offsets {start}-{end} are not whole numbers")
            continue
        if text[start:end] != exact:
            found = source.occurrences(exact)
            problems.append(
                f"{where}: rule R2, offsets {start}-{end} do not reproduce the quote "
                f"(it stands at {found[:3]}; run the anchor tool)"
            )
            continue
        prefix, suffix = graph.value(quote, OA.prefix), graph.value(quote, OA.suffix)
        if prefix is not None and not text[:start].endswith(str(prefix)):
            problems.append(f"{where}: rule R2, oa:prefix {str(prefix)!r} does not precede the quote")
            continue
        if suffix is not None and not text[end:].startswith(str(suffix)):
            problems.append(f"{where}: rule R2, oa:suffix {str(suffix)!r} does not follow the quote")
            continue
        paragraph = source.paragraph_at(start)
        named = graph.value(claim, SINORUS.inParagraph)
        if paragraph is None or str(named) != source.paragraph_iri(paragraph.line):
            actual = source.paragraph_iri(paragraph.line) if paragraph else "no paragraph"
            problems.append(f"{where}: rule R4, sinorus:inParagraph is {named}, but the quote stands in {actual}")
            continue
        verified += 1
    return verified, problems
