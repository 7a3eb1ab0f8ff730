"""What a BPMN or DMN file defines (processes, decisions) and what each process references.

Read from the XML, not from SpiffWorkflow's specs, so that a model set can be completed from deployed
versions before SpiffWorkflow parses it, and so that each reference keeps its element and line.
"""
from dataclasses import dataclass, field

from lxml import etree

FORM_PROPERTIES = ("formJsonSchemaFilename", "formUiSchemaFilename")
FLOW_NODES = {
    "task", "userTask", "manualTask", "serviceTask", "scriptTask", "businessRuleTask", "sendTask", "receiveTask",
    "callActivity", "subProcess", "transaction", "adHocSubProcess",
    "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
    "exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway", "complexGateway",
}


@dataclass
class ProcessRefs:
    """One process element and the files, processes and decisions it needs."""

    id: str
    name: str
    file: str
    executable: bool
    element: etree._Element
    forms: dict[str, etree._Element] = field(default_factory=dict)      # file name -> referring element
    calls: dict[str, etree._Element] = field(default_factory=dict)      # process id -> call activity
    decisions: dict[str, etree._Element] = field(default_factory=dict)  # decision id -> business rule task


def _local(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _owner(node) -> etree._Element:
    """The task or event a spiff property belongs to."""
    while node is not None and _local(node) in ("property", "properties", "extensionElements", "calledDecisionId"):
        node = node.getparent()
    return node


def processes(file: str, tree: etree._Element) -> list[ProcessRefs]:
    """The processes a .bpmn tree defines, with their references."""
    found = []
    for element in tree.iter("{*}process"):
        refs = ProcessRefs(element.get("id") or "", element.get("name") or "", file,
                           element.get("isExecutable") == "true", element)
        for prop in element.iter("{*}property"):
            if prop.get("name") in FORM_PROPERTIES and prop.get("value"):
                refs.forms.setdefault(prop.get("value").strip(), _owner(prop))
        for call in element.iter("{*}callActivity"):
            if call.get("calledElement"):
                refs.calls.setdefault(call.get("calledElement").strip(), call)
        for decision in element.iter("{*}calledDecisionId"):
            if (decision.text or "").strip():
                refs.decisions.setdefault(decision.text.strip(), _owner(decision))
        found.append(refs)
    return found


def decisions(tree: etree._Element) -> list[str]:
    """The decision ids a .dmn tree defines."""
    return [d.get("id") for d in tree.iter("{*}decision") if d.get("id")]


def index(trees: dict[str, etree._Element]) -> tuple[dict[str, ProcessRefs], dict[str, str]]:
    """(process id -> refs, decision id -> file) over a set of parsed files; the first definition wins."""
    procs: dict[str, ProcessRefs] = {}
    decs: dict[str, str] = {}
    for name in sorted(trees):
        if name.endswith(".dmn"):
            for decision_id in decisions(trees[name]):
                decs.setdefault(decision_id, name)
        else:
            for refs in processes(name, trees[name]):
                procs.setdefault(refs.id, refs)
    return procs, decs


def duplicates(trees: dict[str, etree._Element]) -> list[tuple[str, str, etree._Element]]:
    """(id, file, element) of every process or decision defined a second time in the set."""
    seen, found = set(), []
    for name in sorted(trees):
        elements = list(trees[name].iter("{*}decision" if name.endswith(".dmn") else "{*}process"))
        for element in elements:
            key = (name.endswith(".dmn"), element.get("id"))
            if key in seen:
                found.append((element.get("id"), name, element))
            seen.add(key)
    return found
