"""The skeleton of an IEEE 1849-2016 (XES) event log, shared by the trail export and the mining export."""
from lxml import etree

XES_NS = "http://www.xes-standard.org/"
XES_VERSION = "1849.2016"  # the standard's schema types xes.version as a decimal; its elements have no namespace
EXTENSIONS = [("Concept", "concept"), ("Time", "time"), ("Organizational", "org"), ("Lifecycle", "lifecycle")]
GLOBALS = {  # attributes every trace/event has (the classifier's keys must be among them)
    "trace": [("string", "concept:name", "")],
    "event": [("string", "concept:name", ""), ("date", "time:timestamp", "1970-01-01T00:00:00+00:00"),
              ("string", "org:resource", ""), ("string", "lifecycle:transition", "complete")],
}


def log(name: str):
    """An empty log with the standard extensions, globals and an activity classifier."""
    root = etree.Element("log", attrib={"xes.version": XES_VERSION, "xes.features": ""})
    for extension, prefix in EXTENSIONS:
        etree.SubElement(root, "extension", name=extension, prefix=prefix, uri=f"{XES_NS}{prefix}.xesext")
    for scope, defaults in GLOBALS.items():
        glob = etree.SubElement(root, "global", scope=scope)
        for tag, key, value in defaults:
            attr(glob, tag, key, value)
    etree.SubElement(root, "classifier", name="Activity", keys="concept:name")
    attr(root, "string", "concept:name", name)
    return root


def element(parent, tag: str, attributes: list[tuple[str, str, str]]):
    """A ``trace`` or ``event`` under ``parent`` with (type, key, value) attributes."""
    node = etree.SubElement(parent, tag)
    for kind, key, value in attributes:
        attr(node, kind, key, value)
    return node


def attr(parent, tag: str, key: str, value: str) -> None:
    etree.SubElement(parent, tag, key=key, value=value)


def text(root) -> str:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")
