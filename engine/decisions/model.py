"""Decisions as parsed from DMN: plain frozen data, serializable into a workflow's state and back."""
from dataclasses import asdict, dataclass

HIT_POLICIES = ("UNIQUE", "FIRST", "PRIORITY", "ANY", "COLLECT", "RULE ORDER", "OUTPUT ORDER")
SINGLE_HIT = ("UNIQUE", "FIRST", "PRIORITY", "ANY")
AGGREGATIONS = ("SUM", "MIN", "MAX", "COUNT")


@dataclass(frozen=True)
class Input:
    id: str
    label: str
    expression: str
    type_ref: str | None


@dataclass(frozen=True)
class Output:
    id: str
    name: str
    label: str
    type_ref: str | None
    values: str | None = None  # outputValues: the order PRIORITY and OUTPUT ORDER follow
    default: str | None = None  # defaultOutputEntry: the value when no rule matches


@dataclass(frozen=True)
class Rule:
    id: str
    row: int
    description: str
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    hit_policy: str
    aggregation: str | None
    language: str  # "feel" or "python"
    inputs: tuple[Input, ...]
    outputs: tuple[Output, ...]
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Literal:
    """A literal-expression decision: one FEEL expression whose value is stored under ``variable``."""

    variable: str
    text: str


@dataclass(frozen=True)
class Decision:
    id: str
    name: str
    file: str
    required: tuple[str, ...]  # ids of the decisions whose results this one reads
    table: Table | None = None
    literal: Literal | None = None

    def label(self) -> str:
        return f"'{self.id}'" if self.name in ("", self.id) else f"'{self.id}' ({self.name})"


def to_dict(decision: Decision) -> dict:
    return asdict(decision)


def from_dict(data: dict) -> Decision:
    table = data.get("table")
    literal = data.get("literal")
    return Decision(
        id=data["id"], name=data["name"], file=data["file"], required=tuple(data["required"]),
        table=None if table is None else Table(
            hit_policy=table["hit_policy"], aggregation=table["aggregation"], language=table["language"],
            inputs=tuple(Input(**i) for i in table["inputs"]),
            outputs=tuple(Output(**o) for o in table["outputs"]),
            rules=tuple(Rule(**{**r, "inputs": tuple(r["inputs"]), "outputs": tuple(r["outputs"])})
                        for r in table["rules"])),
        literal=None if literal is None else Literal(**literal),
    )
