"""SpiffWorkflow's own test models behave the same with compaction after every step as without it.

The corpus is not on PyPI (the sdist has no tests) and CI reaches no GitHub, so this runs where a checkout
is at hand: ``SPIFF_CORPUS=/path/to/SpiffWorkflow/tests/SpiffWorkflow make spiff-corpus``. Each .bpmn file
is deployed with the files of its folder that define what it calls; one our deploy refuses (unknown script syntax,
missing called process, …) is not part of the deployable corpus and is skipped with the refusal.
"""
import os
import re
from pathlib import Path

import pytest

from tests.compaction import drive
from tests.compaction.test_same_outcomes import _both_ways

CORPUS = Path(os.environ.get("SPIFF_CORPUS", ""))
MODELS = sorted(CORPUS.rglob("*.bpmn")) if os.environ.get("SPIFF_CORPUS") else []

pytestmark = pytest.mark.skipif(not MODELS, reason="SPIFF_CORPUS is not set (see the module docstring)")


def _with_folder(model: Path) -> dict[str, str]:
    """The model, the files of its folder defining the processes it calls (at any depth), and the folder's DMN."""
    folder = {p.name: p.read_text(encoding="utf-8") for p in model.parent.iterdir() if p.suffix in (".bpmn", ".dmn")}
    defines = {pid: name for name, text in folder.items() if name.endswith(".bpmn")
               for pid in re.findall(r'<(?:bpmn:)?process[^>]* id="([^"]+)"', text)}
    files, todo = {}, [model.name]
    while todo:
        name = todo.pop()
        if name not in files:
            files[name] = folder[name]
            todo += [defines[c] for c in re.findall(r'calledElement="([^"]+)"', folder[name]) if c in defines]
    return {**files, **{n: t for n, t in folder.items() if n.endswith(".dmn")}}


@pytest.mark.parametrize("model", MODELS, ids=lambda p: str(p.relative_to(CORPUS)))
def test_a_spiffworkflow_model_behaves_the_same_with_compaction(rt, clock, model):
    for process_id, compacted, plain in _both_ways(rt, clock, _with_folder(model)):
        assert compacted == plain, process_id
    drive.assert_all_replay(rt)
