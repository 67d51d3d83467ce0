"""A persistent cache of the methods `dataclasses` writes, so that a new process does not compile them again.

`@dataclass` writes each class's __init__, __repr__, __eq__, __hash__ and, when frozen, __setattr__ and
__delattr__ as Python source and compiles it with exec(): for the ~50 dataclasses a check imports that was
50-90 ms of each `mtcheck check` on the shared machine, more than half of importing every rule and analysis.
This module gives the `dataclasses` module an exec() that keeps the code compiled from each source text
(marshalled into the user's cache, mtcheck.cache, when the process ends) and runs that code instead of
compiling the text again. The text is the key, and the code is compiled from it as exec() would compile it
there (no `__future__` flags inherited), so the classes are the ones dataclasses would make.

Like mtcheck.recache it is keyed by the exact Python build (marshal's format is per version) and switches
itself off where `dataclasses` does not look as expected; then the classes are compiled as always.
"""

from __future__ import annotations

import atexit
import builtins
import os
import sys
from types import ModuleType

_MAX = 2000  # source texts kept; a check uses about 250 (one per generated method)
_codes: dict[str, object] = {}  # source text -> code object, from the file and compiled by this process
_used: list[str] = []  # texts this process ran, in order
_known: set[str] = set()  # texts the file held when this process started
_enabled = False


def _exec(source: object, globals: dict | None = None, locals: dict | None = None) -> None:
    """exec() for the dataclasses module: a source text runs as the code compiled from it once."""
    if type(source) is str:
        code = _codes.get(source)
        if code is None:
            # dont_inherit: the flags of dataclasses' own exec() call (none), not this module's annotations
            code = _codes[source] = compile(source, "<string>", "exec", dont_inherit=True)
        _used.append(source)
        source = code
    builtins.exec(source, globals, locals)


def _usable() -> bool:
    import dataclasses

    return (sys.implementation.name == "cpython" and (3, 11) <= sys.version_info[:2] <= (3, 13)
            and "exec" not in vars(dataclasses))


def _path() -> str:
    from importlib.util import MAGIC_NUMBER

    from mtcheck import __version__
    from mtcheck.cache import cache_dir

    tag = f"{sys.implementation.cache_tag}-{MAGIC_NUMBER.hex()}"
    return os.path.join(cache_dir(), f"dataclass-code-{tag}-mtcheck{__version__}.marshal")


class _Deferred(ModuleType):
    """A module whose code runs at the first attribute read that its namespace lacks (its own __spec__,
    __name__ and the like are there: `import` statements read those, and find it loaded). Unlike
    importlib.util.LazyLoader's module, which runs the code at any attribute read, including the __spec__
    that Python 3.11's `import` reads from a module already in sys.modules."""

    def __getattr__(self, name: str) -> object:
        spec = self.__spec__
        self.__class__ = ModuleType  # first: no second run from inside the module's own code
        spec.loader.exec_module(self)
        return getattr(self, name)


def defer_inspect() -> None:
    """Import `inspect` deferred (_Deferred): `dataclasses` imports it at its top only to write, with
    inspect.signature, the docstring of a class that has none (every mtcheck dataclass has one), and inspect
    brings ast, dis, tokenize and linecache: ~37M instructions, 6% of a warm `mtcheck check` in English, for
    nothing. Whoever reads an attribute of it later gets the real module. Call it before `dataclasses` is
    imported, in a process with one thread (the deferred run takes no lock); it does nothing where inspect
    is already imported or not loaded from a file."""
    if "inspect" in sys.modules or "dataclasses" in sys.modules or os.environ.get("MTCHECK_NO_CODE_CACHE"):
        return
    from importlib.machinery import PathFinder, SourceFileLoader
    from importlib.util import module_from_spec

    spec = PathFinder.find_spec("inspect")
    if spec is None or type(spec.loader) is not SourceFileLoader:
        return
    module = module_from_spec(spec)
    module.__class__ = _Deferred
    sys.modules["inspect"] = module


def enable() -> None:
    """Serve dataclasses' generated methods from the cache from now on; save new ones at exit. Call it before
    the modules that define the classes are imported. Safe to call twice."""
    global _enabled
    if _enabled or os.environ.get("MTCHECK_NO_CODE_CACHE") or not _usable():
        return
    import dataclasses
    import marshal

    _enabled = True
    try:
        with open(_path(), "rb") as f:
            saved = marshal.loads(f.read())  # (marshal.load reads a file object piece by piece: 10x slower)
        if isinstance(saved, dict):
            _codes.update((k, v) for k, v in saved.items() if type(k) is str and type(v) is type(_exec.__code__))
    except Exception:  # missing, or from an interrupted write of another build: compiled as usual
        _codes.clear()
    _known.update(_codes)
    dataclasses.exec = _exec  # the module's own global, found before the builtin
    atexit.register(_save)


def _save() -> None:
    """Rewrite the file when this process compiled texts the file did not hold: those it ran first, then the
    file's others, up to _MAX (texts of classes since edited or removed fall out)."""
    if all(text in _known for text in _used):
        return
    import marshal

    from mtcheck.cache import write_replacing

    try:
        entries = dict.fromkeys(_used)
        for text in _codes:
            if len(entries) >= _MAX:
                break
            entries.setdefault(text)
        kept = {text: _codes[text] for text in list(entries)[:_MAX]}
        write_replacing(_path(), lambda f: marshal.dump(kept, f))
    except Exception:
        return
