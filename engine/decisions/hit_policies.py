"""Hit policies: from the rules that matched to the table's result, as DMN 1.3 section 8.2.11 defines them.

Single-hit policies (UNIQUE, ANY, FIRST, PRIORITY) give one value per output; multi-hit policies
(RULE ORDER, OUTPUT ORDER, COLLECT) a list per output, or with COLLECT an aggregate (SUM, MIN,
MAX; COUNT counts the matched values, as Camunda does). A table that cannot decide — two matches
under UNIQUE, disagreeing matches under ANY, no match where one value is needed — is a
``DecisionFailed`` naming the rules, never a silent choice.
"""
from decimal import Decimal

from engine.decisions.errors import DecisionFailed, FeelEvaluationError, FeelSyntaxError
from engine.decisions.feel import nodes
from engine.decisions.feel.evaluator import compare
from engine.decisions.feel.parser import parse_unary_tests
from engine.decisions.feel.values import kind, kind_name
from engine.decisions.model import SINGLE_HIT, Decision, Rule

Hit = tuple[Rule, dict]  # a matched rule and its outputs (FEEL values by output name)


def rule_names(rules) -> str:
    return ", ".join(f"regel {rule.row} ({rule.id})" for rule in rules)


def apply(decision: Decision, hits: list[Hit], defaults: dict | None, inputs_text: str) -> tuple[dict, list[Rule]]:
    """The table's result (output name → value, list or aggregate) and the rules it came from."""
    table = decision.table
    if not hits:
        return _no_match(decision, defaults, inputs_text), []
    policy = table.hit_policy
    if policy == "UNIQUE" and len(hits) > 1:
        raise DecisionFailed(f"Beslissing {decision.label()} heeft hitPolicy UNIQUE, maar {len(hits)} regels passen: "
                             f"{rule_names(r for r, _ in hits)} (invoer: {inputs_text}).", decision.id)
    if policy == "ANY":
        different = [rule for rule, outputs in hits if outputs != hits[0][1]]
        if different:
            raise DecisionFailed(f"Beslissing {decision.label()} heeft hitPolicy ANY, maar de passende regels geven "
                                 f"verschillende uitkomsten: {rule_names([hits[0][0], *different])} "
                                 f"(invoer: {inputs_text}).", decision.id)
        return hits[0][1], [rule for rule, _ in hits]
    if policy in ("PRIORITY", "OUTPUT ORDER"):
        hits = sorted(hits, key=lambda hit: _priority(decision, hit))
    if policy in SINGLE_HIT:
        return hits[0][1], [hits[0][0]]
    rules = [rule for rule, _ in hits]
    if table.aggregation:
        [output] = table.outputs
        return {output.name: _aggregate(decision, table.aggregation, [o[output.name] for _, o in hits])}, rules
    return {o.name: [outputs[o.name] for _, outputs in hits] for o in table.outputs}, rules


def _no_match(decision: Decision, defaults: dict | None, inputs_text: str) -> dict:
    table = decision.table
    if defaults is not None:
        return defaults
    if table.hit_policy not in SINGLE_HIT and table.aggregation not in ("MIN", "MAX"):
        if table.aggregation:
            return {table.outputs[0].name: Decimal(0)}
        return {o.name: [] for o in table.outputs}
    raise DecisionFailed(f"Beslissing {decision.label()}: geen regel past bij de invoer {inputs_text}, en de tabel "
                         "heeft geen standaardwaarde.", decision.id)


def _priority(decision: Decision, hit: Hit) -> tuple:
    """Position of each output value in its outputValues list: earlier is a higher priority."""
    rule, outputs = hit
    positions = []
    for output in decision.table.outputs:
        if not output.values:
            continue
        order = output_order(output.values)
        value = outputs[output.name]
        position = next((i for i, v in enumerate(order) if kind(v) == kind(value) and v == value), None)
        if position is None:
            raise DecisionFailed(f"Beslissing {decision.label()}, regel {rule.row} ({rule.id}): uitvoer "
                                 f"'{output.name}' = {value!r} staat niet in de uitvoerwaarden {output.values}, "
                                 "dus de prioriteit is onbekend.", decision.id)
        positions.append(position)
    return tuple(positions)


def output_order(text: str) -> list:
    """The values of an ``outputValues`` cell, highest priority first; refuses anything but plain values."""
    tests = parse_unary_tests(text)
    items = tests.tests if isinstance(tests, nodes.Disjunction) else ()
    if not items or not all(isinstance(t, nodes.Equals) and isinstance(t.expression, nodes.Literal) for t in items):
        raise FeelSyntaxError("uitvoerwaarden moeten een lijst van waarden zijn, zoals \"hoog\",\"laag\"")
    return [t.expression.value for t in items]


def _aggregate(decision: Decision, aggregation: str, values: list):
    if aggregation == "COUNT":
        return Decimal(len(values))
    values = [v for v in values if v is not None]
    if aggregation == "SUM":
        wrong = next((v for v in values if kind(v) != "number"), None)
        if wrong is not None:
            raise DecisionFailed(f"Beslissing {decision.label()}: SUM kan alleen getallen optellen, niet "
                                 f"{kind_name(wrong)} ({wrong!r}).", decision.id)
        return sum(values, Decimal(0))
    if not values:
        raise DecisionFailed(f"Beslissing {decision.label()}: {aggregation} van alleen lege waarden bestaat niet.",
                             decision.id)
    best = values[0]
    try:
        for value in values[1:]:
            if compare("<" if aggregation == "MIN" else ">", value, best):
                best = value
    except FeelEvaluationError as err:
        raise DecisionFailed(f"Beslissing {decision.label()}: {aggregation} kan niet: {err.reason}.",
                             decision.id) from None
    return best
