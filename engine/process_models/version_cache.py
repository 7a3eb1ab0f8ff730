"""What a deployed process version holds never changes, so it is read from the database once per process.

The cache is per database engine (a process may talk to several databases, tests do) and keyed by what
the caller names, e.g. ``("form", version_id, filename)``; it holds at most ``MAX_ENTRIES`` values, the
least recently used going first. Cached values are shared: callers must not change them.
"""
import threading
from collections import OrderedDict
from typing import Callable, Hashable
from weakref import WeakKeyDictionary

MAX_ENTRIES = 1024

_lock = threading.Lock()
_by_engine: WeakKeyDictionary = WeakKeyDictionary()


def cached(session, key: Hashable, load: Callable[[], object]):
    """The value for ``key`` in the session's database, loaded with ``load()`` on the first call."""
    with _lock:
        entries = _by_engine.setdefault(session.get_bind().engine, OrderedDict())
        if key in entries:
            entries.move_to_end(key)
            return entries[key]
    value = load()
    with _lock:
        entries[key] = value
        if len(entries) > MAX_ENTRIES:
            entries.popitem(last=False)
    return value
