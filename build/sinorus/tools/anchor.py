"""Print the Turtle for a claim's quote: its selectors, paragraph and footnote.

    python -m sinorus.tools.anchor CLAIM_ID SOURCE "exact words" [--occurrence N]

SOURCE is `report` or `oped`. CLAIM_ID is the claim's local name (c1042). The exact words
must occur in the pinned source file; if they occur more than once, --occurrence picks one
(1-based) and the tool lists them. The tool prints:

  - the paragraph (sinorus:inParagraph) the words stand in;
  - the footnote marker that follows the words in the same sentence, if any
    (a suggestion: check it, the claim must cite the footnote that supports it);
  - the TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector (start, end)
    blocks, ready to paste under the claim.

Prefix and suffix are up to 32 characters taken from the same paragraph, so that the
selector still anchors the quote if offsets ever drift (Hypothesis's lesson).
"""

from __future__ import annotations

import argparse
import re
import sys

from ..sources import OPED, REPORT, SourceText

CONTEXT = 32
SENTENCE_BREAK = re.compile(r"[.?!…][’'”)\]]*\s+[A-Z‘“'\[(]")


def turtle_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def selectors(source: SourceText, start: int, exact: str) -> dict:
    paragraph = source.paragraph_at(start)
    if paragraph is None:
        raise ValueError("the words do not start inside a paragraph")
    end = start + len(exact)
    if end > paragraph.end:
        raise ValueError("the words run past the end of their paragraph: quote within one")
    text = source.text
    prefix = text[max(paragraph.start, start - CONTEXT) : start]
    suffix = text[end : min(paragraph.end, end + CONTEXT)]
    following = [
        f for f in source.footnotes() if f.line == paragraph.line and f.start >= end - 1
    ]
    # The marker that closes the sentence: the first one after the quote, unless a new
    # sentence starts in between (a terminator, white space, then a capital letter).
    footnote = None
    if following:
        between = text[end - 1 : following[0].start]
        if not SENTENCE_BREAK.search(between):
            footnote = following[0].number
    return {
        "paragraph": paragraph.line,
        "start": start,
        "end": end,
        "prefix": prefix,
        "suffix": suffix,
        "footnote": footnote,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("claim_id")
    parser.add_argument("source", choices=["report", "oped"])
    parser.add_argument("exact")
    parser.add_argument("--occurrence", type=int, default=0)
    args = parser.parse_args(argv)
    source = REPORT if args.source == "report" else OPED
    found = source.occurrences(args.exact)
    if not found:
        print("not found verbatim in the pinned source (check quotes ’ ‘ and dashes – —)", file=sys.stderr)
        return 1
    if len(found) > 1 and not args.occurrence:
        print(f"found {len(found)} times, at offsets {found}: pass --occurrence N", file=sys.stderr)
        return 1
    start = found[(args.occurrence or 1) - 1]
    try:
        s = selectors(source, start, args.exact)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    para_prefix = "para" if source is REPORT else "opara"
    c = args.claim_id
    print(f"    sinorus:inParagraph {para_prefix}:{s['paragraph']} ;")
    if s["footnote"]:
        print(f"    sinorus:citesFootnote fn:{s['footnote']} ;")
    print(f"    sinorus:quoteSelector claim:{c}-quote ;")
    print(f"    sinorus:positionSelector claim:{c}-position ;")
    print()
    print(f"claim:{c}-quote\n    a oa:TextQuoteSelector ;")
    context = [("oa:exact", args.exact), ("oa:prefix", s["prefix"]), ("oa:suffix", s["suffix"])]
    context = [(name, value) for name, value in context if value]  # no empty context
    for index, (name, value) in enumerate(context):
        print(f"    {name} {turtle_string(value)} {'.' if index == len(context) - 1 else ';'}")
    print()
    print(f"claim:{c}-position\n    a oa:TextPositionSelector ;")
    print(f"    oa:start {s['start']} ;\n    oa:end {s['end']} .")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
