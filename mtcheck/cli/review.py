"""`mtcheck review`: serve the review app (or, with --export-waivers, write the decisions as waivers)."""

from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path

from mtcheck.cli import EXIT_OK, settings_from_args
from mtcheck.config import Settings
from mtcheck.errors import InputError
from mtcheck.store.decisions import DEFAULT_REVIEW_DB


def review_db_path(settings: Settings) -> Path:
    return settings.review_db or DEFAULT_REVIEW_DB


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        raise InputError(f"--host {host} --port {port}: cannot listen there ({e.strerror}); "
                         "try another --port (0 picks a free one)") from None
    sock.listen(128)
    return sock


def run_review(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    db = review_db_path(settings)
    if args.export_waivers is not None:
        from mtcheck.store.waivers import export_waivers

        if not db.exists():
            raise InputError(f"{db}: no review database here (pass --review-db FILE)")
        n = export_waivers(db, args.export_waivers)
        print(f"mtcheck: wrote {n} waiver(s) from {db} to {args.export_waivers}", file=sys.stderr)
        return EXIT_OK
    if not args.paths:
        raise InputError("review needs PATH (batch output, batch input JSONL or directory) or SOURCE TARGET")
    try:
        import uvicorn

        from mtcheck.review.app import ReviewState, create_app
    except ImportError as e:
        raise InputError(f"the review app needs its extra: pip install 'mtcheck[review]' ({e.name} is missing)"
                         ) from None
    from mtcheck.review.articles import load_articles
    from mtcheck.store.decisions import DecisionStore
    from mtcheck.store.history import History

    history_path = settings.history
    print(f"mtcheck review: loading {len(args.paths)} path(s)...", file=sys.stderr)
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    articles = load_articles([Path(p) for p in args.paths], settings, args.inputs, jobs)
    store = DecisionStore(db)
    history = History(history_path) if history_path else None
    hosts = ["127.0.0.1", "localhost", "::1", "[::1]"]
    if args.host not in hosts:
        hosts.append(args.host)
    if args.host in ("0.0.0.0", "::"):
        hosts = ["*"]  # listening everywhere on purpose: any name this machine is reached by
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"mtcheck review: warning: listening on {args.host}: anyone who can reach this machine can read the "
              "articles and, from a page this server served, record decisions (there are no accounts)",
              file=sys.stderr)
    state = ReviewState(articles, store, history, author=args.author or "")
    app = create_app(state, allowed_hosts=hosts)
    sock = _bind(args.host, args.port)
    port = sock.getsockname()[1]
    shown = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{shown}:{port}/"
    print(f"mtcheck review: {len(articles)} article(s), decisions in {db} (check and batch honour its false "
          f"positives with --review-db {db}, or review-db in the config); open {url} (Ctrl+C stops)",
          file=sys.stderr)
    print(url, flush=True)
    if not args.no_browser:
        import threading
        import webbrowser

        threading.Timer(0.5, webbrowser.open, (url,)).start()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # Ctrl+C is how a local server is stopped: not an error
        print("mtcheck review: stopped", file=sys.stderr)
    finally:
        sock.close()
        store.close()
        if history is not None:
            history.close()
    return EXIT_OK
