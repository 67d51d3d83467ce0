"""MT9xx: findings about mtcheck's own inputs rather than the translation."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from mtcheck.model import Category, Finding, Severity
from mtcheck.rules.base import Rule
from mtcheck.text.article import ArticlePair

if TYPE_CHECKING:
    from mtcheck.waivers import Waiver


class UnusedWaiver(Rule):
    """A waiver that applies to this article but matches none of its findings.

    ## What it does
    Reports each `[[waiver]]` of the waivers file whose `article` matches the article checked (or that has no
    `article`) and which accepted none of its findings, pointing at the waiver's line in the waivers file.
    Expired waivers are not reported: the finding they accepted comes back instead.

    ## Why is this bad?
    A waiver outlives the error it accepted: the article was fixed or the rule improved. Left in place it
    would silently accept the next, real error with the same text (ruff's unused-noqa, RUF100, for the same
    reason). MT901 findings are about the waivers file, so they never lower the article's score; they count
    in the gate like any finding of their severity.

    ## Example
    Waiver: code = "MT202", text = "Belada", article = "rutte-kyiv/en"
    Source: Kata mantan Perdana Menteri Belanda itu.
    Target: Said the former Dutch Prime Minister.

    Use instead:
    Delete the waiver: the typo it accepted is fixed.
    """

    code = "MT901"
    name = "unused-waiver"
    category = Category.CONFIG
    default_severity = Severity.MINOR
    # Not a text detector: the engine calls `for_waivers` once the other rules' findings are waived.
    text_rule = False

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        return iter(())

    def for_waivers(self, unused: Sequence[Waiver]) -> Iterator[Finding]:
        for w in unused:
            yield Finding(
                code=self.code, rule=self.name, category=self.category, severity=self.default_severity,
                message=f"waiver {w.label} matched no finding (by {w.author}, {w.date}): remove it",
                source_span=None, target_span=None, file_location=(w.file, w.line),
                evidence=(f"reason given: {w.reason}",))
