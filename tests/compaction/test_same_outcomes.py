"""Compaction changes what is stored, never what happens: every test model and every process in
processes/, driven step by step, gives the same statuses, data, tasks, timers and incidents with
compaction after every step as without it, and both runs replay verified."""
from pathlib import Path

import pytest

from api.cli import read_model_files
from engine.errors import DeployRefused
from engine.process_models import service as model_service
from engine.spiff import compaction
from tests.compaction import drive
from tests.conftest import BPMN_DIR, OWNER, bpmn_files

ROOT = Path(__file__).resolve().parents[2]
SUPPORT = sorted(p.name for p in BPMN_DIR.iterdir() if p.suffix in (".json", ".dmn"))
CALLED = {"eng_call_parent.bpmn": ["eng_call_child.bpmn"]}
MODELS = sorted(p.name for p in BPMN_DIR.glob("*.bpmn"))


def _both_ways(rt, clock, files: dict[str, str]) -> list[tuple[str, list, list]]:
    try:
        model_service.deploy(rt, files, OWNER)
    except DeployRefused:
        pytest.skip("not deployable (a model that deployment must refuse)")
    runs = []
    for process_id in drive.process_ids(rt):
        compacted = drive.run(rt, clock, process_id, files)
        with compaction.disabled():
            plain = drive.run(rt, clock, process_id, files)
        runs.append((process_id, compacted, plain))
    return runs


@pytest.mark.parametrize("model", MODELS)
def test_a_test_model_behaves_the_same_with_compaction(rt, clock, model):
    files = bpmn_files(model, *CALLED.get(model, []), *SUPPORT)
    runs = _both_ways(rt, clock, files)
    for process_id, compacted, plain in runs:
        assert compacted == plain, process_id
    drive.assert_all_replay(rt)


def test_the_processes_behave_the_same_with_compaction(rt, clock):
    files = read_model_files([ROOT / "processes", ROOT / "forms"])
    runs = _both_ways(rt, clock, files)
    assert len(runs) >= 5
    for process_id, compacted, plain in runs:
        assert compacted == plain, process_id
    drive.assert_all_replay(rt)
