"""Evaluate parsed FEEL: expressions give a value, unary tests say whether an input value matches.

Values of different types never compare silently: comparing text with a number is a
``FeelEvaluationError`` naming both types, which the decision turns into an incident. ``null``
(a JSON null) compares unequal to everything but ``null`` and matches no range.
"""
import operator
from datetime import timedelta
from decimal import Decimal

from engine.decisions.errors import FeelEvaluationError
from engine.decisions.feel import nodes
from engine.decisions.feel.functions import FUNCTIONS
from engine.decisions.feel.values import kind, kind_name

ORDERINGS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
ORDERED_KINDS = {"number", "string", "date", "date and time", "duration"}


class MissingName(FeelEvaluationError):
    """A name the expression reads is not in its context."""

    def __init__(self, name: str):
        super().__init__(f"onbekende naam '{name}'")
        self.name = name


def evaluate(node, context: dict):
    """The value of an expression node in ``context`` (FEEL values by name)."""
    if isinstance(node, nodes.Literal):
        return node.value
    if isinstance(node, nodes.Name):
        if node.name not in context:
            raise MissingName(node.name)
        return context[node.name]
    if isinstance(node, nodes.Path):
        return _path(evaluate(node.base, context), node.key)
    if isinstance(node, nodes.Negate):
        value = evaluate(node.operand, context)
        return None if value is None else _arithmetic("-", Decimal(0) if kind(value) == "number" else timedelta(), value)
    if isinstance(node, nodes.Binary):
        return _binary(node, context)
    if isinstance(node, nodes.Between):
        value = evaluate(node.value, context)
        return _all((compare(">=", value, evaluate(node.low, context)),
                     compare("<=", value, evaluate(node.high, context))))
    if isinstance(node, nodes.If):
        return evaluate(node.then if evaluate(node.condition, context) is True else node.otherwise, context)
    if isinstance(node, nodes.ListOf):
        return [evaluate(item, context) for item in node.items]
    if isinstance(node, nodes.Call):
        return _call(node, context)
    raise FeelEvaluationError(f"geen expressie: {type(node).__name__}")


def matches(test, value, context: dict) -> bool:
    """Whether ``value`` (an input) passes the unary ``test``; the input is ``?`` inside the test."""
    if isinstance(test, nodes.AnyValue):
        return True
    if isinstance(test, nodes.Negation):
        return not matches(test.tests, value, context)
    if isinstance(test, nodes.Disjunction):
        return any(matches(t, value, context) for t in test.tests)
    scope = {**context, "?": value}
    if isinstance(test, nodes.Compare):
        return compare(test.op, value, evaluate(test.endpoint, scope)) is True
    if isinstance(test, nodes.Interval):
        low, high = evaluate(test.low, scope), evaluate(test.high, scope)
        return (compare(">=" if test.low_closed else ">", value, low) is True
                and compare("<=" if test.high_closed else "<", value, high) is True)
    if isinstance(test, nodes.Equals):
        if "?" in nodes.all_names(test.expression):
            result = evaluate(test.expression, scope)
            if not isinstance(result, bool) and result is not None:
                raise FeelEvaluationError(f"een test met '?' moet ja/nee opleveren, niet {kind_name(result)}")
            return result is True
        expected = evaluate(test.expression, scope)
        if isinstance(expected, list) and not isinstance(value, list):
            return any(compare("=", value, item) is True for item in expected)
        return compare("=", value, expected) is True
    raise FeelEvaluationError(f"geen test: {type(test).__name__}")


def compare(op: str, left, right):
    """``left op right`` in FEEL: True, False, or None when null takes part in an ordering."""
    if op in ("=", "!="):
        if left is None or right is None:
            equal = left is None and right is None
        else:
            _same_kind(op, left, right)
            equal = left == right
        return equal if op == "=" else not equal
    if left is None or right is None:
        return None
    _same_kind(op, left, right)
    if kind(left) not in ORDERED_KINDS:
        raise FeelEvaluationError(f"'{op}' kan niet op {kind_name(left)}")
    return ORDERINGS[op](left, right)


def _same_kind(op: str, left, right) -> None:
    if kind(left) != kind(right):
        raise FeelEvaluationError(f"kan {kind_name(left)} ({_show(left)}) niet met '{op}' vergelijken met "
                                  f"{kind_name(right)} ({_show(right)})")


def _show(value) -> str:
    return f'"{value}"' if isinstance(value, str) else str(value)


def _binary(node: nodes.Binary, context: dict):
    if node.op in ("and", "or"):
        values = (_boolean(evaluate(node.left, context), node.op), _boolean(evaluate(node.right, context), node.op))
        return _all(values) if node.op == "and" else _any(values)
    left, right = evaluate(node.left, context), evaluate(node.right, context)
    if node.op in ORDERINGS or node.op in ("=", "!="):
        return compare(node.op, left, right)
    if left is None or right is None:
        return None
    return _arithmetic(node.op, left, right)


def _boolean(value, op: str):
    if value is not None and not isinstance(value, bool):
        raise FeelEvaluationError(f"'{op}' verwacht ja/nee, niet {kind_name(value)}")
    return value


def _all(values):
    return False if False in values else (None if None in values else True)


def _any(values):
    return True if True in values else (None if None in values else False)


ARITHMETIC = {
    ("+", "number", "number"), ("-", "number", "number"), ("*", "number", "number"), ("/", "number", "number"),
    ("**", "number", "number"), ("+", "string", "string"),
    ("+", "date", "duration"), ("-", "date", "duration"), ("-", "date", "date"),
    ("+", "date and time", "duration"), ("-", "date and time", "duration"), ("-", "date and time", "date and time"),
    ("+", "duration", "duration"), ("-", "duration", "duration"), ("*", "duration", "number"),
}
OPERATORS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "**": operator.pow}


def _arithmetic(op: str, left, right):
    signature = (op, kind(left), kind(right))
    if signature not in ARITHMETIC:
        raise FeelEvaluationError(f"'{op}' kan niet met {kind_name(left)} en {kind_name(right)}")
    if signature == ("*", "duration", "number"):
        right = float(right)
    try:
        result = OPERATORS[op](left, right)
    except ZeroDivisionError:  # decimal's DivisionByZero is one too
        raise FeelEvaluationError("deling door nul") from None
    except ArithmeticError as err:  # e.g. decimal Overflow of 10 ** 1000000
        raise FeelEvaluationError(f"rekenfout ({type(err).__name__})") from None
    return result


def _path(base, key: str):
    if base is None:
        return None
    if isinstance(base, dict):
        return base.get(key)
    if isinstance(base, list):
        return [_path(item, key) for item in base]
    raise FeelEvaluationError(f"'.{key}' kan niet op {kind_name(base)}")


def _call(node: nodes.Call, context: dict):
    args = [evaluate(arg, context) for arg in node.args]
    try:
        return FUNCTIONS[node.function](*args)
    except (TypeError, ValueError) as err:
        raise FeelEvaluationError(f"{node.function}() met deze argumenten kan niet ({err})") from None
