"""What a process version consists of, part by part, so an upload can tell new, changed and unchanged apart.

A process's content is its model file plus everything it uses: its forms, the decision files it calls and,
recursively, the processes it calls. Only a process whose parts differ from its newest deployed version
gets a new version; the parts that differ say what changed.
"""
import hashlib


def _sha(text: str | None) -> str:
    return hashlib.sha256((text if text is not None else "\0missing").encode()).hexdigest()


def parts(process_id: str, procs: dict, decs: dict, files: dict[str, str], _seen: frozenset = frozenset()) -> dict:
    """Label -> digest for one process in a set (``procs``/``decs`` from ``references.index``)."""
    refs = procs[process_id]
    found = {"model": _sha(files.get(refs.file))}
    for name in refs.forms:
        found[f"formulier {name}"] = _sha(files.get(name))
    for decision_id in refs.decisions:
        found[f"beslissing {decision_id}"] = _sha(files.get(decs.get(decision_id, "")))
    for called in refs.calls:
        if called in procs and called not in _seen:
            found[f"aangeroepen proces {called}"] = digest(parts(called, procs, decs, files, _seen | {process_id}))
    return found


def digest(found: dict) -> str:
    return _sha("\n".join(f"{label}={value}" for label, value in sorted(found.items())))


def differing(old: dict, new: dict) -> list[str]:
    """The labels whose content differs, was added or was removed."""
    return sorted(label for label in old.keys() | new.keys() if old.get(label) != new.get(label))
