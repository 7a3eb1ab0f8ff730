"""Read DMN 1.1–1.5 XML as any modeler writes it (Camunda Modeler, dmn-js, SpiffArena): every decision.

Elements are matched by local name inside a known DMN namespace, so the version does not matter;
diagram interchange (DMNDI) and vendor extensions are ignored. What this engine cannot run is
refused here, naming the decision and the rule.
"""
from engine.decisions.errors import DecisionRefused
from engine.decisions.model import AGGREGATIONS, HIT_POLICIES, Decision, Input, Literal, Output, Rule, Table

DMN_NAMESPACES = {
    "http://www.omg.org/spec/DMN/20151101/dmn.xsd": "1.1",
    "http://www.omg.org/spec/DMN/20180521/MODEL/": "1.2",
    "https://www.omg.org/spec/DMN/20191111/MODEL/": "1.3",
    "https://www.omg.org/spec/DMN/20211108/MODEL/": "1.4",
    "https://www.omg.org/spec/DMN/20230324/MODEL/": "1.5",
}
UNSUPPORTED_LOGIC = ("context", "invocation", "functionDefinition", "relation", "list", "conditional", "filter",
                     "for", "every", "some")


def _ns(element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag[1:].split("}")[0] if tag.startswith("{") else ""


def _local(element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.split("}")[-1]


def _children(element, name: str) -> list:
    return [child for child in element if _local(child) == name and _ns(child) == _ns(element)]


def _child(element, name: str):
    found = _children(element, name)
    return found[0] if found else None


def _text(element, name: str = "text") -> str:
    found = _child(element, name) if element is not None else None
    return (found.text or "").strip() if found is not None else ""


def is_dmn(root) -> bool:
    return _local(root) == "definitions" and _ns(root) in DMN_NAMESPACES


def read_decisions(root, filename: str) -> list[Decision]:
    """Every decision in a DMN document; raises DecisionRefused (Dutch) for what cannot run."""
    if not is_dmn(root):
        raise DecisionRefused(f"geen DMN-bestand: het hoofdelement is geen <definitions> in een DMN 1.1–1.5-namespace "
                              f"(gevonden: {_local(root)!r} in {_ns(root) or 'geen namespace'!r})")
    language = root.get("expressionLanguage")
    decisions = [_decision(element, filename, language) for element in _children(root, "decision")]
    if not decisions:
        raise DecisionRefused("het DMN-bestand bevat geen beslissing")
    return decisions


def _decision(element, filename: str, language: str | None) -> Decision:
    decision_id = element.get("id") or ""
    if not decision_id:
        raise DecisionRefused("een beslissing zonder id")
    name = element.get("name") or decision_id
    required = tuple(_href(req) for info in _children(element, "informationRequirement")
                     for req in _children(info, "requiredDecision"))
    if _children(element, "knowledgeRequirement"):
        raise DecisionRefused(f"beslissing '{decision_id}': kennismodellen (knowledgeRequirement) worden niet "
                              "ondersteund", decision_id)
    table, literal = _child(element, "decisionTable"), _child(element, "literalExpression")
    if table is not None:
        return Decision(decision_id, name, filename, required, table=_table(table, decision_id, language))
    if literal is not None:
        variable = _child(element, "variable")
        return Decision(decision_id, name, filename, required,
                        literal=Literal(variable.get("name") if variable is not None and variable.get("name")
                                        else decision_id, _text(literal)))
    kinds = [_local(c) for c in element if _local(c) in UNSUPPORTED_LOGIC]
    raise DecisionRefused(f"beslissing '{decision_id}': alleen beslistabellen en literal expressions worden "
                          f"ondersteund{f', niet {kinds[0]}' if kinds else ''}", decision_id)


def _href(element) -> str:
    return (element.get("href") or "").rsplit("#", 1)[-1]


def _table(element, decision_id: str, language: str | None) -> Table:
    hit_policy = (element.get("hitPolicy") or "UNIQUE").strip().upper()
    if hit_policy not in HIT_POLICIES:
        raise DecisionRefused(f"beslissing '{decision_id}': onbekend hitPolicy '{hit_policy}'", decision_id)
    aggregation = (element.get("aggregation") or "").strip().upper() or None
    if aggregation is not None and (aggregation not in AGGREGATIONS or hit_policy != "COLLECT"):
        raise DecisionRefused(f"beslissing '{decision_id}': aggregatie '{aggregation}' kan alleen SUM, MIN, MAX of "
                              "COUNT zijn, bij hitPolicy COLLECT", decision_id)
    inputs = tuple(_input(i, n) for n, i in enumerate(_children(element, "input"), 1))
    outputs = tuple(_output(o, n, decision_id) for n, o in enumerate(_children(element, "output"), 1))
    rules = tuple(_rule(r, row, decision_id, len(inputs), len(outputs))
                  for row, r in enumerate(_children(element, "rule"), 1))
    if not outputs:
        raise DecisionRefused(f"beslissing '{decision_id}': de beslistabel heeft geen uitvoerkolom", decision_id)
    if aggregation and len(outputs) != 1:
        raise DecisionRefused(f"beslissing '{decision_id}': aggregatie {aggregation} kan alleen met één "
                              "uitvoerkolom", decision_id)
    if hit_policy in ("PRIORITY", "OUTPUT ORDER") and not any(o.values for o in outputs):
        raise DecisionRefused(f"beslissing '{decision_id}': hitPolicy {hit_policy} vraagt om een volgorde van "
                              "uitvoerwaarden (outputValues) bij een uitvoerkolom", decision_id)
    return Table(hit_policy, aggregation, _language(element, decision_id, language), inputs, outputs, rules)


def _language(table, decision_id: str, language: str | None) -> str:
    """The table's expression language; cells may repeat it, not choose another (Camunda 7's JUEL cells)."""
    declared = table.get("expressionLanguage") or language or ""
    in_cells = {e.get("expressionLanguage") for e in table.iter() if e is not table and e.get("expressionLanguage")}
    families = {_family(text) for text in in_cells | ({declared} if declared else set())}
    if len(families) > 1:
        raise DecisionRefused(f"beslissing '{decision_id}': cellen met verschillende expressietalen "
                              f"({', '.join(sorted(in_cells | {declared} - {''}))}) worden niet ondersteund", decision_id)
    return declared or next(iter(in_cells), "")


def _family(language: str) -> str:
    lowered = language.lower()
    return "python" if "python" in lowered else "feel" if "feel" in lowered else lowered


def _input(element, number: int) -> Input:
    expression = _child(element, "inputExpression")
    text = _text(expression)
    label = element.get("label") or text or f"invoer {number}"
    return Input(element.get("id") or f"input_{number}", label, text,
                 expression.get("typeRef") if expression is not None else None)


def _output(element, number: int, decision_id: str) -> Output:
    name = element.get("name") or element.get("label") or ""  # SpiffArena falls back to the label, so do we
    if not name:
        raise DecisionRefused(f"beslissing '{decision_id}': uitvoerkolom {number} heeft geen naam (name)", decision_id)
    values = _child(element, "outputValues")
    default = _child(element, "defaultOutputEntry")
    return Output(element.get("id") or f"output_{number}", name, element.get("label") or name,
                  element.get("typeRef"), _text(values) if values is not None else None,
                  _text(default) if default is not None else None)


def _rule(element, row: int, decision_id: str, input_count: int, output_count: int) -> Rule:
    rule_id = element.get("id") or f"regel_{row}"
    inputs = tuple(_text(e) for e in _children(element, "inputEntry"))
    outputs = tuple(_text(e) for e in _children(element, "outputEntry"))
    if len(inputs) != input_count or len(outputs) != output_count:
        raise DecisionRefused(f"beslissing '{decision_id}', regel {row} ({rule_id}): {len(inputs)} invoer- en "
                              f"{len(outputs)} uitvoercellen, de tabel heeft {input_count} en {output_count} "
                              "kolommen", decision_id, rule_id)
    found = _child(element, "description")
    description = (found.text or "").strip() if found is not None else ""
    return Rule(rule_id, row, description, inputs, outputs)
