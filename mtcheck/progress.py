"""Progress of a long batch: a bar on a terminal (tqdm), a plain line every few seconds in a log.

On a terminal the bar shows done/total, percent, rate and time left. Without one (CI logs, nohup, a pipe)
a bar would write thousands of carriage returns into the log, so a plain line is printed every `interval`
seconds instead, and once at the end.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}h{m:02d}m{s:02d}s" if h else f"{m}m{s:02d}s" if m else f"{s}s"


class Progress:
    """mode: "bar" (a terminal), "lines" (a log) or "off". `done` counts articles finished before this run
    (a resumed batch): they show in done/total but not in the rate."""

    def __init__(self, mode: str, total: int | None, done: int = 0, interval: float = 30.0,
                 stream: TextIO | None = None) -> None:
        self.mode, self.total, self.interval = mode, total, interval
        self.stream = stream or sys.stderr
        self.done = self.start_done = done
        self.failed = self.errors = 0
        self.start = self.last = time.monotonic()
        self.bar = None
        if mode == "bar":
            from tqdm import tqdm

            self.bar = tqdm(total=total, initial=done, unit="article", file=self.stream, dynamic_ncols=True,
                            smoothing=0.1, mininterval=0.2)

    def update(self, failed: bool, error: bool) -> None:
        self.done += 1
        self.failed += failed
        self.errors += error
        if self.bar is not None:
            self.bar.update(1)
            if failed or error:
                self.bar.set_postfix(failed=self.failed, errors=self.errors, refresh=False)
        elif self.mode == "lines":
            now = time.monotonic()
            if now - self.last >= self.interval:
                self.last = now
                self.stream.write(self.line(now) + "\n")
                self.stream.flush()

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.start, 1e-9)
        rate = (self.done - self.start_done) / elapsed
        head = f"{self.done:,}"
        if self.total:
            head += f"/{self.total:,} ({100 * self.done / self.total:.1f}%)"
        parts = [head]
        parts.append(f"{rate:.1f} articles/s")
        if self.total and rate > 0:
            parts.append(f"ETA {_duration((self.total - self.done) / rate)}")
        parts.append(f"{self.failed} failed, {self.errors} errors, {_duration(elapsed)} elapsed")
        return "mtcheck batch: " + ", ".join(parts)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.mode == "lines" and self.done > self.start_done:
            self.stream.write(self.line() + "\n")
            self.stream.flush()
