"""Probe of MT201's missed garbled transliterations (ja, ar, zh): for each garbled-transliteration row of a
labelled JSONL (scripts/inject.py) that MT201 does not locate, print which path of the rule sees the name
(`entity`: a gazetteer place or country, judged by `garbled_entities`; `person`: a person's name word;
`proper`: another capitalised source word; `none`: no path) and what that path found in the garble's
paragraph: the spans taken as renderings, the near misses, the garble's consonant and sound costs, and for a
gazetteer entry the renderings searched and how often the paragraph writes them. For classifying the dev
half's misses by hand; it reads the rule's own analyses, changes nothing.

    python scripts/garble_misses.py FILE.jsonl [--all]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from garble_probe import garbled_rows  # scripts/ is on the path of a script run from it

from mtcheck.model import Span
from mtcheck.registry import ALL_RULES
from mtcheck.rules.names_script import _name_parts, _rendered_in, _without_article
from mtcheck.text.article import ArticlePair
from mtcheck.text.name_match import analyse
from mtcheck.text.phonetic import rendering_cost, sound_cost
from mtcheck.text.renderings import name_words, proper_words


def _rule():
    for r in ALL_RULES:
        rule = r() if isinstance(r, type) else r
        if rule.code == "MT201":
            return rule
    raise SystemExit("garble_misses.py: no rule MT201")


def main() -> None:
    path = sys.argv[1]
    show_all = "--all" in sys.argv
    rule = _rule()
    try:
        with open(path, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
    except (OSError, ValueError) as e:
        print(f"garble_misses.py: {path}: not a labelled JSONL ({e})", file=sys.stderr)
        sys.exit(2)
    for row, name, clean, garble in garbled_rows(rows):
        label = row["label"]
        lang = row["target_lang"]
        pair = ArticlePair(row["source"], row["target"], lang)
        a0, b0 = label["target_span"]
        found = [f for f in rule.check(pair) if f.target_span and f.target_span.start < b0 and a0 < f.target_span.end]
        if found and not show_all:
            continue
        a = analyse(pair)
        bead = a.bead_of(Span(a0, b0), "target")
        out = [f"{'HIT' if found else 'MISS'} {row['id']} {name}: {clean} -> {garble}",
               f"  cost {rendering_cost(name, clean, lang):.2f}->{rendering_cost(name, garble, lang):.2f}"
               f" sound {sound_cost(name, clean, lang):.2f}->{sound_cost(name, garble, lang):.2f}"]
        paths = []
        for e in a.mentions:
            if name.lower() in e.text.lower() and bead and bead.source.start <= e.span.start < bead.source.end:
                rs = _without_article(e.entry.renderings + _name_parts(e.entry.renderings, lang), lang)
                said = sum(1 for o in a.mentions if o.entry.key == e.entry.key
                           and bead.source.start <= o.span.start < bead.source.end)
                written = sum(_rendered_in(pair.target, bead.target, r, lang) for r in rs)
                paths.append(f"  entity {e.entry.key} ({e.entry.kind}) said {said} written {written}: {'|'.join(rs)}")
                break
        for kind, words in (("person", name_words(pair)), ("proper", proper_words(pair))):
            for w in words:
                if w.word != name:
                    continue
                tg = [pair.target[s.start:s.end] for s in w.targets
                      if bead and bead.target.start <= s.start < bead.target.end]
                nr = [(pair.target[t.start:t.end], round(sc, 2)) for _, t, sc in w.near
                      if bead and bead.target.start <= t.start < bead.target.end]
                paths.append(f"  {kind} targets {tg} near {nr}")
        out += paths or ["  none"]
        print("\n".join(out))


if __name__ == "__main__":
    main()
