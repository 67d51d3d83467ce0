"""Line and column of a code-point offset, as CI systems want them.

Lines and columns are 1-based; columns count Unicode code points (not bytes, not UTF-16 units), so "é" is one
column and an emoji is one column. A line ends at "\n" (a "\r" before it belongs to the line). End positions
are exclusive, like SARIF's `endColumn`: the position of the first character after the span.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from mtcheck.model import Span


@dataclass(frozen=True, slots=True)
class Location:
    """A span as 1-based lines and columns (the end exclusive), as editors and CI annotations show it."""
    line: int
    column: int
    end_line: int
    end_column: int

    def to_dict(self) -> dict[str, int]:
        return {"line": self.line, "column": self.column, "end_line": self.end_line, "end_column": self.end_column}


class LineIndex:
    """Offsets of line starts in one text, so each lookup is a binary search."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of a code-point offset."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def location(self, span: Span) -> Location:
        line, column = self.position(span.start)
        end_line, end_column = self.position(span.end)
        return Location(line, column, end_line, end_column)
