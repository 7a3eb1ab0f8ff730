"""Evaluate a decision, after the decisions it requires, for a set of input values.

Each required decision's outputs become variables of the next (by output name, and the whole
result under the decision's id). Anything that keeps a table from deciding for these inputs — a
missing input, a value of the wrong type, a cell that cannot compare it, no rule or too many rules
— is a ``DecisionFailed`` naming the decision and the input or rules, never a silent default.
"""
from dataclasses import dataclass, field

from engine.decisions import hit_policies
from engine.decisions.cells import FeelCells, cells
from engine.decisions.errors import DecisionFailed, FeelEvaluationError
from engine.decisions.feel.evaluator import MissingName
from engine.decisions.feel.values import to_feel, to_json
from engine.decisions.graph import evaluation_order
from engine.decisions.inputs import coerce, field_of, type_label
from engine.decisions.model import Decision, Input


@dataclass
class Evaluation:
    """One decision's outputs (plain JSON) and the rules that gave them; ``required``: what it used."""

    decision: str
    outputs: dict
    matched: list[dict]
    required: list["Evaluation"] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"decision": self.decision, "outputs": self.outputs, "matched_rules": self.matched,
                "required_decisions": [r.to_dict() for r in self.required]}


def evaluate(decisions: dict[str, Decision], decision_id: str, variables: dict) -> Evaluation:
    context = to_feel(dict(variables))
    results = []
    for current in evaluation_order(decisions, decision_id):
        decision = decisions[current]
        outputs, rules = _decide(decision, context)
        context.update(outputs)
        context[current] = next(iter(outputs.values())) if len(outputs) == 1 else dict(outputs)
        results.append(Evaluation(current, to_json(outputs),
                                  [{"id": r.id, "row": r.row, "description": r.description} for r in rules]))
    *required, last = results
    last.required = required
    return last


def _decide(decision: Decision, context: dict):
    if decision.literal is not None:
        try:
            return {decision.literal.variable: FeelCells.value(decision.literal.text, context)}, []
        except FeelEvaluationError as err:
            raise _failed(decision, "de expressie", None, err) from None
    table = decision.table
    language = cells(table)
    values = [_input_value(decision, column, language, context) for column in table.inputs]
    # a typed input read from a variable is that type in the whole table (ISO text as a date in outputs too)
    context = {**context, **{c.expression: v for c, v in zip(table.inputs, values) if c.expression.isidentifier()}}
    shown = ", ".join(f"{c.label} = {_show(v)}" for c, v in zip(table.inputs, values)) or "(geen invoer)"
    hits = []
    for rule in table.rules:
        if all(_test(decision, rule, column, text, value, language, context)
               for column, text, value in zip(table.inputs, rule.inputs, values)):
            hits.append((rule, {o.name: _output(decision, rule, o.name, text, language, context)
                                for o, text in zip(table.outputs, rule.outputs)}))
    defaults = None
    if any(o.default for o in table.outputs):
        defaults = {o.name: _output(decision, None, o.name, o.default or "", language, context) for o in table.outputs}
    return hit_policies.apply(decision, hits, defaults, shown)


def _input_value(decision: Decision, column: Input, language, context: dict):
    try:
        value = language.value(column.expression, context)
    except FeelEvaluationError as err:
        raise _failed(decision, f"invoer '{column.label}'", column, err) from None
    try:
        return coerce(value, column.type_ref)
    except ValueError:
        raise DecisionFailed(f"Beslissing {decision.label()}: invoer '{column.label}' moet een "
                             f"{type_label(column.type_ref)} zijn, maar is {_show(value)}.", decision.id,
                             {field_of(column): f"Moet een {type_label(column.type_ref)} zijn."}) from None


def _test(decision: Decision, rule, column: Input, text: str, value, language, context: dict) -> bool:
    try:
        return language.test(text, value, context)
    except FeelEvaluationError as err:
        raise DecisionFailed(f"Beslissing {decision.label()}, regel {rule.row} ({rule.id}): invoer '{column.label}' = "
                             f"{_show(value)} kan niet getoetst worden aan '{text}': {err.reason}.", decision.id,
                             {field_of(column): err.reason}) from None


def _output(decision: Decision, rule, name: str, text: str, language, context: dict):
    if not text:
        return None
    try:
        return language.value(text, context)
    except FeelEvaluationError as err:
        where = f", regel {rule.row} ({rule.id})" if rule is not None else ""
        raise DecisionFailed(f"Beslissing {decision.label()}{where}: uitvoer '{name}' ('{text}') kan niet berekend "
                             f"worden: {err.reason}.", decision.id) from None


def _failed(decision: Decision, what: str, column: Input | None, err: FeelEvaluationError) -> DecisionFailed:
    if isinstance(err, MissingName):
        return DecisionFailed(f"Beslissing {decision.label()}: {what} kan niet bepaald worden: '{err.name}' "
                              "ontbreekt.", decision.id, {err.name: "Ontbreekt."})
    fields = {field_of(column): err.reason} if column is not None else {}
    return DecisionFailed(f"Beslissing {decision.label()}: {what} kan niet bepaald worden: {err.reason}.",
                          decision.id, fields)


def _show(value) -> str:
    """A value as a process owner would write it in a cell: ``"tekst"``, ``12``, ``true``, ``leeg``."""
    shown = to_json(value)
    if isinstance(shown, str):
        return f'"{shown}"'
    if shown is None:
        return "leeg"
    return str(shown).lower() if isinstance(shown, bool) else str(shown)
