"""The cells of a table in its expression language: FEEL (any modeler) or Python (SpiffArena tables).

A table's language is what it declares (``expressionLanguage`` on the table or the file); a table
that declares nothing is FEEL, unless some cell is not FEEL in form (``'hoog'``, ``in [1, 2]``; a
call of an unknown FEEL function does not count) while every cell is Python — the tables
SpiffArena's modeler writes. ``prepare`` fixes the language and checks every cell at deploy.
"""
import ast
from dataclasses import replace

from engine.decisions.errors import DecisionRefused, FeelEvaluationError, FeelSyntaxError
from engine.decisions.feel.evaluator import MissingName, evaluate, matches
from engine.decisions.feel.nodes import names_in
from engine.decisions.feel.parser import parse_expression, parse_unary_tests
from engine.decisions.feel.values import to_feel, to_json
from engine.decisions.hit_policies import output_order
from engine.decisions.model import Decision, Table
from engine.spiff.sandbox import SandboxEnvironment, SandboxViolation, compile_sandboxed

FEEL, PYTHON = "feel", "python"
ANY_CELL = ("", "-")
INPUT_NAME = "dmninputexpr"  # the input value inside a Python test, as SpiffWorkflow names it


class FeelCells:
    """Cells in FEEL: input expressions and output entries are expressions, input entries unary tests."""

    @staticmethod
    def check_expression(text: str) -> None:
        parse_expression(text)

    @staticmethod
    def check_tests(text: str) -> None:
        parse_unary_tests(text)

    @staticmethod
    def names(text: str) -> set[str]:
        return names_in(parse_expression(text))

    @staticmethod
    def value(text: str, context: dict):
        return evaluate(parse_expression(text), context)

    @staticmethod
    def test(text: str, value, context: dict) -> bool:
        return matches(parse_unary_tests(text), value, context)


class PythonCells:
    """Cells as SpiffWorkflow reads them: Python run in the sandbox, a test either a value or ``> 5``."""

    @staticmethod
    def check_expression(text: str) -> None:
        _compile(text)

    @staticmethod
    def check_tests(text: str) -> None:
        if text not in ANY_CELL:
            _compile(_test_source(text))

    @staticmethod
    def names(text: str) -> set[str]:
        return {node.id for node in ast.walk(ast.parse(text, mode="eval")) if isinstance(node, ast.Name)}

    @staticmethod
    def value(text: str, context: dict):
        return to_feel(_run(text, to_json(context)))

    @staticmethod
    def test(text: str, value, context: dict) -> bool:
        if text in ANY_CELL:
            return True
        return bool(_run(_test_source(text), {**to_json(context), INPUT_NAME: to_json(value)}))


def _test_source(text: str) -> str:
    try:
        compile_sandboxed(text, "eval")
        return f"{INPUT_NAME} == ({text})"
    except (SyntaxError, SandboxViolation):
        return f"{INPUT_NAME} {text}"


def _compile(text: str) -> None:
    try:
        compile_sandboxed(text, "eval")
    except SyntaxError as err:
        raise FeelSyntaxError(f"geen geldige Python-expressie ({err.msg})") from None
    except SandboxViolation as err:
        raise FeelSyntaxError(err.reason) from None


def _run(text: str, context: dict):
    try:
        return SandboxEnvironment().evaluate(text, context)
    except NameError as err:
        raise MissingName(err.name) from None
    except Exception as err:  # noqa: BLE001 — any failure of a model's expression is reported, not raised
        raise FeelEvaluationError(getattr(err, "reason", None) or f"{type(err).__name__}: {err}") from None


LANGUAGES = {FEEL: FeelCells, PYTHON: PythonCells}


def cells(table: Table):
    return LANGUAGES[table.language]


def prepare(decision: Decision) -> Decision:
    """The decision with its table's language fixed; every cell checked, refusals naming decision and rule."""
    if decision.literal is not None:
        _check(decision, None, "expressie", decision.literal.text, FeelCells.check_expression)
        return decision
    table = decision.table
    declared = table.language.lower()
    if "python" in declared:
        language = PYTHON
    elif declared and "feel" not in declared:
        raise DecisionRefused(f"beslissing {decision.label()}: expressietaal '{table.language}' wordt niet "
                              "ondersteund (alleen FEEL en Python)", decision.id)
    elif declared or not _looks_like_python(table):
        language = FEEL
    else:
        language = PYTHON
    problem = _first_problem(table, LANGUAGES[language])
    if problem is not None:
        rule, where, text, err = problem
        raise DecisionRefused(_refusal(decision, rule, where, text, err, language), decision.id,
                              rule.id if rule else None)
    return replace(decision, table=replace(table, language=language))


def _looks_like_python(table: Table) -> bool:
    feel_problem = _first_problem(table, FeelCells)
    return (feel_problem is not None and not feel_problem[3].unknown_function
            and _first_problem(table, PythonCells) is None)


def _cells_of(table: Table):
    """(rule or None, where, text, checker name) for every cell of the table."""
    for column in table.inputs:
        yield None, f"invoerkolom '{column.label}'", column.expression, "check_expression"
    for output in table.outputs:
        if output.default:
            yield None, f"standaardwaarde van '{output.name}'", output.default, "check_expression"
    for rule in table.rules:
        for column, text in zip(table.inputs, rule.inputs):
            yield rule, f"invoer '{column.label}'", text, "check_tests"
        for output, text in zip(table.outputs, rule.outputs):
            if text:
                yield rule, f"uitvoer '{output.name}'", text, "check_expression"


def _first_problem(table: Table, language):
    for rule, where, text, checker in _cells_of(table):
        try:
            getattr(language, checker)(text)
        except FeelSyntaxError as err:
            return rule, where, text, err
    for output in table.outputs:
        if output.values:
            try:
                output_order(output.values)
            except FeelSyntaxError as err:
                return None, f"uitvoerwaarden van '{output.name}'", output.values, err
    return None


def _check(decision: Decision, rule, where: str, text: str, checker) -> None:
    try:
        checker(text)
    except FeelSyntaxError as err:
        raise DecisionRefused(_refusal(decision, rule, where, text, err, FEEL), decision.id) from None


def _refusal(decision: Decision, rule, where: str, text: str, err: FeelSyntaxError, language: str) -> str:
    at = f", regel {rule.row} ({rule.id})" if rule is not None else ""
    kind = "FEEL" if language == FEEL else "Python"
    return f"beslissing {decision.label()}{at}, {where}: '{text}' is geen ondersteunde {kind}: {err.reason}"
