"""`mtcheck cache`: where the cache of built tables is and how big it is; `mtcheck cache clean` empties it."""

from __future__ import annotations

import argparse

from mtcheck.cli import EXIT_OK
from mtcheck.errors import InputError


def run_cache(args: argparse.Namespace) -> int:
    from mtcheck.cache import cache_dir, clean, usage

    days = args.older_than
    if days < 0:
        raise InputError(f"--older-than {days:g}: must be a number of days, 0 or more")
    if args.action == "clean":
        n, size = clean(days)
        print(f"mtcheck: removed {n} cache entr{'y' if n == 1 else 'ies'} ({size / 1e6:.1f} MB) from {cache_dir()}"
              + (f", unused for {days:g} days or more" if days else ""))
        return EXIT_OK
    n, size = usage()
    old, old_size = usage(days or 30)
    print(f"{cache_dir()}: {n} entr{'y' if n == 1 else 'ies'}, {size / 1e6:.1f} MB; "
          f"unused for {days or 30:g} days or more: {old}, {old_size / 1e6:.1f} MB "
          f"(mtcheck cache clean [--older-than DAYS] removes them; each is rebuilt on first use)")
    return EXIT_OK
