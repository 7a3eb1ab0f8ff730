"""Decision tests read DMN files drawn the Camunda Modeler / dmn-js way from this folder."""
from pathlib import Path

import pytest

from engine.decisions.evaluate import evaluate
from engine.spiff.bpmn_files import parse_models

HERE = Path(__file__).parent


def files(*names: str) -> dict[str, str]:
    return {name: (HERE / name).read_text(encoding="utf-8") for name in names}


@pytest.fixture(scope="session")
def decide():
    """Evaluate a decision of the test files with these variables; returns (outputs, matched row numbers)."""
    decisions = parse_models(files("hit_policies.dmn", "feel_constructs.dmn", "regie_drg.dmn")).decisions

    def _decide(decision_id: str, **variables):
        result = evaluate(decisions, decision_id, variables)
        return result.outputs, [rule["row"] for rule in result.matched]

    return _decide
