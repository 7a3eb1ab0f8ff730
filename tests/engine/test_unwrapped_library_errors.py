"""An error SpiffWorkflow lets through unwrapped (here: a parallel multi-instance task whose input collection
is missing) refuses the step with a Dutch, value-free 422: nothing is stored, never a 500."""
from sqlalchemy import func, select

from engine.persistence.tables import AuditEvent, ProcessInstance

MODEL = "eng_mi_missing_input.bpmn"


def counts(rt) -> tuple[int, int]:
    with rt.uow() as uow:
        return (uow.session.scalar(select(func.count()).select_from(ProcessInstance)),
                uow.session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.chain != "deployments")))


def test_a_start_the_library_breaks_off_is_refused_and_nothing_is_stored(rt, client, login, deploy):
    deploy(MODEL)
    headers = login("procesregisseur")
    refused = client.post("/api/v1/process-instances", json={"process_model": "eng_mi_missing_input", "data": {}},
                          headers=headers)
    assert refused.status_code == 422, refused.json
    assert refused.json["message"].startswith("Deze stap kan niet worden uitgevoerd: Stap 'Per partner noteren'")
    assert counts(rt) == (0, 0)

    started = client.post("/api/v1/process-instances", json={"process_model": "eng_mi_missing_input",
                                                              "data": {"partners": ["GGZ", "Reclassering"]}},
                          headers=headers)
    assert started.status_code == 201, started.json
    assert started.json["data"]["notities"] == ["GGZ ingelicht", "Reclassering ingelicht"]
