"""The FEEL syntax tree: what the parser builds and the evaluator walks."""
from dataclasses import dataclass, fields, is_dataclass
from typing import Any


@dataclass(frozen=True)
class Literal:
    value: Any


@dataclass(frozen=True)
class Name:
    name: str


@dataclass(frozen=True)
class Path:
    base: Any
    key: str


@dataclass(frozen=True)
class Call:
    function: str
    args: tuple


@dataclass(frozen=True)
class Negate:
    operand: Any


@dataclass(frozen=True)
class Binary:
    op: str  # + - * / ** = != < <= > >= and or
    left: Any
    right: Any


@dataclass(frozen=True)
class Between:
    value: Any
    low: Any
    high: Any


@dataclass(frozen=True)
class If:
    condition: Any
    then: Any
    otherwise: Any


@dataclass(frozen=True)
class ListOf:
    items: tuple


# unary tests: what an input entry says about the input value


@dataclass(frozen=True)
class AnyValue:
    """``-`` or an empty cell: every value matches."""


@dataclass(frozen=True)
class Compare:
    op: str  # < <= > >= = !=
    endpoint: Any


@dataclass(frozen=True)
class Interval:
    low: Any
    high: Any
    low_closed: bool
    high_closed: bool


@dataclass(frozen=True)
class Equals:
    """A plain expression as a test: the input equals its value (or, using ``?``, the expression is true)."""

    expression: Any


@dataclass(frozen=True)
class Disjunction:
    tests: tuple


@dataclass(frozen=True)
class Negation:
    tests: Disjunction


def all_names(node) -> set[str]:
    """Every name a node reads, ``?`` (the input value inside a unary test) included."""
    if isinstance(node, Name):
        return {node.name}
    if isinstance(node, tuple):
        return set().union(*map(all_names, node))
    if is_dataclass(node):
        return set().union(*(all_names(getattr(node, f.name)) for f in fields(node)))
    return set()


def names_in(node) -> set[str]:
    """Free variable names a node reads, to know which inputs a caller must give."""
    return all_names(node) - {"?"}
