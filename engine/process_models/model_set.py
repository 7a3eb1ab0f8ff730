"""Complete an upload into a model set: what the uploaded files reference comes from the newest deployed versions.

A process owner uploads only what changed. Called processes, forms and decisions the upload does not hold
are taken from what is deployed; deployed processes that use an uploaded file (a form, a decision, a called
process) join the set as candidates for a new version, so they do not keep the old file pinned.
"""
from dataclasses import dataclass, field

from lxml import etree

from engine.errors import DeployRefused
from engine.process_models import references
from engine.process_models.catalogue import Catalogue
from engine.process_models.problems import problem
from engine.spiff.bpmn_files import MODEL_SUFFIXES, model_tree


@dataclass
class ModelSet:
    uploaded: dict[str, str]
    resolved: dict[str, str] = field(default_factory=dict)
    trees: dict[str, etree._Element] = field(default_factory=dict)
    candidates: list[str] = field(default_factory=list)  # process ids that may get a new version
    problems: list[dict] = field(default_factory=list)

    @property
    def files(self) -> dict[str, str]:
        return {**self.resolved, **self.uploaded}

    def index(self):
        return references.index(self.trees)


def complete(uploaded: dict[str, str], catalogue: Catalogue) -> ModelSet:
    """The upload plus what it needs from the deployed versions; parse problems are collected, not raised."""
    found = ModelSet(dict(uploaded))
    for name in sorted(uploaded):
        if name.endswith(MODEL_SUFFIXES):
            try:
                found.trees[name] = model_tree(name, uploaded[name])
            except DeployRefused as err:
                found.problems += err.errors
    for element_id, file, element in references.duplicates(found.trees):
        found.problems.append(problem(file, f"id '{element_id}' is al gedefinieerd in een ander bestand van de upload;"
                                            " elk proces en elke beslissing mag maar in één bestand staan", element))
    if found.problems:
        return found
    found.candidates = [r.id for n in sorted(found.trees) if n.endswith(".bpmn")
                        for r in references.processes(n, found.trees[n])]
    deployed = catalogue.newest_processes()
    while _add_missing(found, catalogue) | _add_dependents(found, deployed):
        pass
    return found


def _add(found: ModelSet, name: str, text: str) -> bool:
    """Add a deployed file unless an uploaded file has its name or it defines an id the set already has."""
    if name in found.uploaded or name in found.resolved:
        return False
    if name.endswith(MODEL_SUFFIXES):
        tree = model_tree(name, text)
        if references.duplicates({**found.trees, name: tree}):
            return False
        found.trees[name] = tree
    found.resolved[name] = text
    return True


def _add_missing(found: ModelSet, catalogue: Catalogue) -> bool:
    procs, decs = found.index()
    added = False
    for refs in list(procs.values()):
        for name in refs.forms:
            if name not in found.files and (text := catalogue.file(name)) is not None:
                added |= _add(found, name, text)
        for process_id in refs.calls:
            if process_id not in procs and (hit := catalogue.process_file(process_id)):
                added |= _add(found, *hit)
        for decision_id in refs.decisions:
            if decision_id not in decs and (hit := catalogue.decision_file(decision_id)):
                added |= _add(found, *hit)
    return added


def _add_dependents(found: ModelSet, deployed: list[tuple[str, str, str]]) -> bool:
    """Deployed processes using an uploaded form or decision, or calling a candidate, become candidates."""
    procs, decs = found.index()
    uploaded_decisions = {d for d, file in decs.items() if file in found.uploaded}
    added = False
    for process_id, name, text in deployed:
        if process_id in procs:
            continue
        refs = next((r for r in references.processes(name, model_tree(name, text)) if r.id == process_id), None)
        if refs is None:
            continue
        uses = (set(refs.forms) & set(found.uploaded)) | (set(refs.calls) & set(found.candidates)) \
            | (set(refs.decisions) & uploaded_decisions)
        if uses and _add(found, name, text):
            found.candidates.append(process_id)
            added = True
    return added
