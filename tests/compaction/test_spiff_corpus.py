"""SpiffWorkflow's own test models behave the same with compaction after every step as without it.

The corpus is not on PyPI (the sdist has no tests) and CI reaches no GitHub, so this runs where a checkout
is at hand: ``SPIFF_CORPUS=/path/to/SpiffWorkflow/tests/SpiffWorkflow make spiff-corpus``. Each .bpmn file
is deployed with the files of its folder (what it calls); one our deploy refuses (unknown script syntax,
missing called process, …) is not part of the deployable corpus and is skipped with the refusal.
"""
import os
from pathlib import Path

import pytest

from tests.compaction.test_same_outcomes import _assert_all_replay, _both_ways

CORPUS = Path(os.environ.get("SPIFF_CORPUS", ""))
MODELS = sorted(CORPUS.rglob("*.bpmn")) if os.environ.get("SPIFF_CORPUS") else []

pytestmark = pytest.mark.skipif(not MODELS, reason="SPIFF_CORPUS is not set (see the module docstring)")


def _with_folder(model: Path) -> dict[str, str]:
    """The model, and the other BPMN and DMN files of its folder as the set it may call into."""
    files = {p.name: p.read_text(encoding="utf-8") for p in model.parent.iterdir() if p.suffix in (".bpmn", ".dmn")}
    return {model.name: files.pop(model.name), **{n: t for n, t in files.items() if n.endswith(".dmn")}}


@pytest.mark.parametrize("model", MODELS, ids=lambda p: str(p.relative_to(CORPUS)))
def test_a_spiffworkflow_model_behaves_the_same_with_compaction(rt, clock, model):
    for process_id, compacted, plain in _both_ways(rt, clock, _with_folder(model)):
        assert compacted == plain, process_id
    _assert_all_replay(rt)
