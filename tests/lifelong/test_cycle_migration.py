"""A casus's running cycle can be moved to a newer version; the cycles after it start on the newest version."""
from engine.audit import replay
from engine.casus import service as casus
from engine.instances import migration
from engine.process_models import service as model_service
from tests.conftest import OWNER, actor, bpmn_files
from tests.lifelong.conftest import CASEMANAGER

MONTHLY = "cycle_monthly.bpmn"


def _deploy_monthly(rt, evaluation_name: str) -> None:
    files = bpmn_files(MONTHLY, "evaluatie-keuze-schema.json")
    files[MONTHLY] = files[MONTHLY].replace('name="Evaluatie"', f'name="{evaluation_name}"')
    model_service.deploy(rt, files, OWNER)


def test_running_cycle_moves_and_the_next_cycle_takes_the_newest_version(rt, casussen):
    casus_id = casussen.register()
    casussen.include(casus_id)
    cycle_1 = casussen.current(casus_id)
    _deploy_monthly(rt, "Maandevaluatie")
    moved = migration.migrate(rt, cycle_1.id, 2, OWNER)
    assert moved["mapping"] == {"evaluatie": "evaluatie", "signaal_ontvangen": "signaal_ontvangen"}
    # the boundary message of the open task still listens, and the task shows its new name
    assert casus.deliver_message(rt, casus_id, "signaal", {"tekst": "Melding"}, CASEMANAGER) == [cycle_1.id]
    view = casussen.view(casus_id)
    assert sorted(t["name"] for t in view["current_tasks"]) == ["Maandevaluatie", "Signaal verwerken"]
    _deploy_monthly(rt, "Evaluatie van de maand")
    casussen.complete(casus_id, "signaal_verwerken")
    casussen.cycle(casus_id)
    cycle_2 = casussen.current(casus_id)
    assert [(i["cycle"], i["version"]) for i in casussen.view(casus_id)["instances"]][1:] == [(1, 2), (2, 3)]
    assert cycle_2.id != cycle_1.id
    auditor = actor("auditor")
    assert replay.replay(rt, cycle_1.id, auditor)["status"] == "verified"
    assert replay.replay(rt, cycle_2.id, auditor)["status"] == "verified"
