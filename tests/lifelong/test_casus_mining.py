"""A casus's process-mining log: its cycles are one case, named by the pseudonym; over HTTP for the roles that
may mine, as a download, with Dutch refusals for the others and for bad parameters."""
import csv
import io
from datetime import timedelta

from tests.lifelong.conftest import INCLUSION, MODELS, PERSON, add_duo_workers

REGISTRATION = {"person": PERSON, "region": "Gelderland-Zuid", "process_model": "cycle_intake"}


def rows(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


def test_a_casus_exports_its_cycles_as_one_case_named_by_its_pseudonym(casussen, clock):
    casus_id = casussen.register()
    clock.advance(timedelta(hours=2))
    casussen.include(casus_id)
    clock.advance(timedelta(days=3))
    casussen.cycle(casus_id)
    from engine.audit import mining
    from tests.conftest import actor

    content, _, filename = mining.for_casus(casussen.rt, casus_id, "csv", actor("auditor"))
    events = rows(content.encode("utf-8"))
    pseudonym = casussen.view(casus_id)["pseudonym"]
    assert filename == f"procesmining-{pseudonym}.csv" and {e["case"] for e in events} == {pseudonym}
    assert [(e["cycle"], e["lifecycle"]) for e in events] == [
        ("0", "start"), ("0", "complete"), ("1", "start"), ("1", "complete"), ("2", "start")]
    assert {e["process_model"] for e in events} == {"cycle_intake", "cycle_monthly"}
    assert PERSON["naam"] not in content and "cm_anna" not in content  # roles, never people


def test_the_mining_endpoints_download_and_refuse_in_dutch(rt, client, login, deploy):
    deploy(*MODELS)
    add_duo_workers(rt)
    regisseur = login("procesregisseur")
    created = client.post("/api/v1/casussen", json=REGISTRATION, headers=regisseur).json
    client.post(f"/api/v1/tasks/{created['current_tasks'][0]['id']}/complete", json={"data": INCLUSION},
                headers=regisseur)
    owner = login("proceseigenaar")

    model = client.get("/api/v1/process-models/cycle_intake/mining-export?format=csv&version=1", headers=owner)
    assert model.status_code == 200 and model.mimetype == "text/csv"
    assert model.headers["Content-Disposition"] == 'attachment; filename="procesmining-cycle_intake-v1.csv"'
    assert [(r["lifecycle"], r["resource"]) for r in rows(model.data)] == [("start", "procesregisseur"),
                                                                          ("complete", "procesregisseur")]
    xes = client.get(f"/api/v1/casussen/{created['id']}/mining-export", headers=owner)
    assert xes.status_code == 200 and xes.mimetype == "application/xml" and b"<trace>" in xes.data

    assert client.get("/api/v1/process-models/cycle_intake/mining-export", headers=regisseur).status_code == 403
    assert client.get("/api/v1/process-models/onbekend/mining-export", headers=owner).status_code == 404
    assert client.get("/api/v1/casussen/onbekend/mining-export", headers=owner).status_code == 404
    bad = client.get("/api/v1/process-models/cycle_intake/mining-export?format=pdf&from=gisteren", headers=owner)
    assert bad.status_code == 422 and set(bad.json["fields"]) == {"format", "from"}
    backwards = client.get("/api/v1/process-models/cycle_intake/mining-export?from=2030-01-02&until=2030-01-01",
                           headers=owner)
    assert backwards.status_code == 422 and "until" in backwards.json["fields"]
