"""Moving an instance to a version that differs only in task names changes nothing that happens: the test
models with waiting events, gateways, loops and call activities, migrated before step k (every k), and every
process in processes/, migrated before some steps, driven on, give the same statuses, data, tasks, timers and
incidents as without the migration, and replay verified across it."""
import re

import pytest

from api.cli import read_model_files
from engine.errors import DeployRefused
from engine.instances import migration
from engine.persistence.tables import ProcessInstance, ProcessVersion
from engine.process_models import deployments
from engine.process_models import service as model_service
from tests.compaction import drive
from tests.compaction.test_same_outcomes import CALLED, ROOT, SUPPORT
from tests.conftest import OWNER, bpmn_files

#: models whose wait states are where a migration can go wrong (boundary and cycle timers, messages, joins, calls)
MODELS = ("cycle_monthly.bpmn", "eng_boundary_timer.bpmn", "eng_call_parent.bpmn",
          "eng_intermediate_timer.bpmn", "eng_message_correlation.bpmn", "gw_inclusive.bpmn", "gw_parallel.bpmn",
          "loop_parallel.bpmn", "loop_rich.bpmn", "timer_boundary.bpmn", "timer_cycle.bpmn", "timer_local_cycle.bpmn")
CALLS = {**CALLED, "loop_rich.bpmn": ["eng_call_child.bpmn"]}
#: the steps before which the (slow to deploy) processes/ are migrated
PROCESS_STEPS = (0, 1, 3, 6)
TASKS = re.compile(r'(<bpmn:(?:userTask|manualTask|scriptTask|serviceTask|task)\b[^>]*?\bname=")([^"]*)"')


def renamed(files: dict[str, str], mark: str) -> dict[str, str]:
    """Every task of every model renamed: a new version whose flow is the same."""
    return {name: TASKS.sub(rf'\g<1>\g<2> ({mark})"', text) if name.endswith(".bpmn") else text
            for name, text in files.items()}


def _migrating(rt, files: dict[str, str], at: int):
    """Before step ``at``: deploy renamed models and move the instance to the newest version of its process."""
    def between(instance_id: str, step: int) -> None:
        if step != at:
            return
        model_service.deploy(rt, renamed(files, f"stap {at}"), OWNER)
        with rt.uow() as uow:
            instance = uow.session.get(ProcessInstance, instance_id)
            newest = deployments.latest_version(uow.session, instance.process_id).version
            current = uow.session.get(ProcessVersion, instance.process_version_id).version
            running = instance.status == "running"
        if running and newest > current:
            assert migration.migrate(rt, instance_id, newest, OWNER)["to_version"] == newest

    return between


def _same_with_migrations(rt, clock, files: dict[str, str], steps=None) -> None:
    try:
        model_service.deploy(rt, files, OWNER)
    except DeployRefused:
        pytest.skip("not deployable (a model that deployment must refuse)")
    for process_id in drive.process_ids(rt):
        plain = drive.run(rt, clock, process_id, files)
        for at in [k for k in range(len(plain) - 1) if steps is None or k in steps]:
            moved = drive.run(rt, clock, process_id, files, between=_migrating(rt, files, at))
            assert moved == plain, (process_id, at)
    drive.assert_all_replay(rt)


@pytest.mark.parametrize("model", MODELS)
def test_a_test_model_behaves_the_same_after_a_migration(rt, clock, model):
    _same_with_migrations(rt, clock, bpmn_files(model, *CALLS.get(model, []), *SUPPORT))


def test_the_processes_behave_the_same_after_a_migration(rt, clock):
    _same_with_migrations(rt, clock, read_model_files([ROOT / "processes", ROOT / "forms"]), PROCESS_STEPS)
