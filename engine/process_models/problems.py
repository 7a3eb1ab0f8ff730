"""One shape for every model problem a process owner sees: file, element id and name, line, Dutch message."""
from lxml import etree


def problem(file: str | None, message: str, node=None, element_id: str | None = None,
            element_name: str | None = None, line: int | None = None) -> dict:
    """A problem, taking id, name and line from ``node`` (an lxml element) when given."""
    if node is not None and isinstance(node.tag, str):
        element_id = element_id or node.get("id")
        element_name = element_name or node.get("name")
        line = line or node.sourceline
    return {"file": file, "element_id": element_id or None, "element_name": element_name or None,
            "line": line, "message": message}


def locate(trees: dict[str, etree._Element], element_id: str | None, file: str | None = None):
    """The file and element with ``element_id`` (first in ``file`` if given), for line numbers and names."""
    if not element_id:
        return file, None
    names = ([file] if file in trees else []) + [n for n in sorted(trees) if n != file]
    for name in names:
        found = trees[name].xpath("//*[@id=$eid]", eid=element_id)
        if found:
            return name, found[0]
    return file, None


def where(p: dict) -> str:
    """'file, regel n, element (naam)' for one-line messages (CLI, summaries)."""
    parts = [p.get("file") or "", f"regel {p['line']}" if p.get("line") else "",
             p.get("element_id") or "", f"({p['element_name']})" if p.get("element_name") else ""]
    return " ".join(part for part in parts if part)
