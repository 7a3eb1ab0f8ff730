"""Business rule tasks evaluated by ``engine.decisions`` instead of SpiffWorkflow's DMN engine.

SpiffWorkflow reads one decision per DMN file, knows two hit policies and no FEEL. ``DecisionParser``
reads every decision of every DMN file with ``engine.decisions``; a business rule task gets a
``DecisionEngine`` where SpiffWorkflow put its ``DMNEngine`` (the task spec calls ``result(task)``
and merges the outputs into the task data). ``DecisionTaskConverter`` stores the decision and the
decisions it requires in the workflow state; states written with SpiffWorkflow's own engine
(a ``decision_table`` key) still load through SpiffWorkflow's converter.
"""
from dataclasses import replace

from SpiffWorkflow.bpmn.exceptions import WorkflowTaskException
from SpiffWorkflow.bpmn.parser.ValidationException import ValidationException
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser
from SpiffWorkflow.spiff.serializer.task_spec import BusinessRuleTaskConverter, SpiffBpmnTaskConverter
from SpiffWorkflow.util.deep_merge import DeepMerge

from engine.decisions import model
from engine.decisions.cells import prepare
from engine.decisions.dmn_xml import read_decisions
from engine.decisions.errors import DecisionFailed, DecisionRefused
from engine.decisions.evaluate import evaluate
from engine.decisions.graph import check_graph, closure


class DecisionEngine:
    """What a business rule task calls: evaluates one decision (and what it requires) on the task data."""

    def __init__(self, decision_id: str, decisions: dict[str, model.Decision]):
        self.decision_id = decision_id
        self.decisions = decisions

    def result(self, task) -> dict:
        try:
            outputs = evaluate(self.decisions, self.decision_id, task.data).outputs
        except DecisionFailed as err:
            raise WorkflowTaskException(err.message, task=task) from None
        merged: dict = {}
        for name, value in outputs.items():
            merged = DeepMerge.merge(merged, _nested(name, value))
        return merged

    def to_dict(self) -> dict:
        return {"id": self.decision_id, "decisions": [model.to_dict(d) for d in self.decisions.values()]}

    @classmethod
    def from_dict(cls, data: dict) -> "DecisionEngine":
        return cls(data["id"], {d["id"]: model.from_dict(d) for d in data["decisions"]})


def _nested(name: str, value) -> dict:
    """``{"a.b": 1}`` as ``{"a": {"b": 1}}``: output names with dots write into nested data, as in SpiffWorkflow."""
    for key in reversed(name.split(".")[1:]):
        value = {key: value}
    return {name.split(".")[0]: value}


class DecisionParser(SpiffBpmnParser):
    """SpiffWorkflow's spiff parser, with every decision of every DMN file read by ``engine.decisions``."""

    def __init__(self):
        super().__init__()
        self.decisions: dict[str, model.Decision] = {}

    def add_dmn_xml(self, node, filename=None):
        """Read every decision; the same decision twice (a called process's copy of a file) is read once."""
        for decision in map(prepare, read_decisions(node, filename or "")):
            known = self.decisions.get(decision.id)
            if known is not None and replace(known, file=decision.file) != decision:
                raise DecisionRefused(f"beslissing '{decision.id}' komt twee keer voor, verschillend (ook in "
                                      f"{known.file})", decision.id)
            self.decisions.setdefault(decision.id, decision)

    def check_decisions(self) -> None:
        """Refuse missing required decisions and requirement cycles, once every file is read."""
        check_graph(self.decisions)

    def get_engine(self, decision_ref, node):
        if decision_ref not in self.decisions:
            known = ", ".join(sorted(self.decisions)) or "geen"
            raise ValidationException(f"beslissing '{decision_ref}' bestaat niet (beschikbaar: {known})",
                                      node=node, file_name="")
        return DecisionEngine(decision_ref, closure(self.decisions, decision_ref))


class DecisionTaskConverter(BusinessRuleTaskConverter):
    """Serializes a business rule task with its ``DecisionEngine``; older states keep SpiffWorkflow's."""

    def to_dict(self, spec):
        if not isinstance(spec.dmnEngine, DecisionEngine):
            return super().to_dict(spec)
        return {**SpiffBpmnTaskConverter.to_dict(self, spec), "decision": spec.dmnEngine.to_dict()}

    def from_dict(self, dct):
        if "decision" not in dct:
            return super().from_dict(dct)
        dct["dmnEngine"] = DecisionEngine.from_dict(dct.pop("decision"))
        return self.task_spec_from_dict(dct)
