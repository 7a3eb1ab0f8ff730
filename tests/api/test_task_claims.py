"""Who holds a task: claim, release, assign to a colleague of the same lane who reaches the case; a claimed task
is completed only by its holder. Out of scope it all does not exist; every change is on the trail and replays."""
from datetime import timedelta

import pytest

from tests.api.conftest import error

VALID = {"naam": "Jansen", "datum": "2027-01-05"}


@pytest.fixture
def regisseurs(login):
    """Two procesregisseurs of Gelderland-Zuid, one of another region, and an aanmelder of the same region."""
    return {"anna": login("procesregisseur", username="anna"), "bert": login("procesregisseur", username="bert"),
            "noord": login("procesregisseur", username="noord", region="Gelderland-Midden"),
            "aanmelder": login("aanmelder")}


@pytest.fixture
def start(client, upload, regisseurs, clock):
    """Start a case with one task 'Besluit vastleggen' in lane procesregisseur, due at ``deadline``; a minute apart."""
    upload("claimable_task.bpmn", "gegevens-schema.json")

    def _start(deadline=None) -> dict:
        clock.advance(timedelta(minutes=1))
        data = {"deadline": deadline} if deadline else {}
        started = client.post("/api/v1/process-instances", json={"process_model": "claimable_task", "data": data},
                              headers=regisseurs["anna"])
        assert started.status_code == 201, started.json
        return started.json["ready_tasks"][0]

    return _start


def post(client, task, action, headers, **body):
    return client.post(f"/api/v1/tasks/{task['id']}/{action}", json=body or None, headers=headers)


def test_a_claimed_task_is_completed_only_by_its_holder(client, start, regisseurs):
    task = start()
    claimed = post(client, task, "claim", regisseurs["anna"])
    assert (claimed.status_code, claimed.json["claimed_by"]) == (200, "anna")
    refused = error(post(client, task, "complete", regisseurs["bert"], data=VALID), 409, "conflict")
    assert "in behandeling bij anna" in refused["message"]
    still = client.get(f"/api/v1/tasks/{task['id']}", headers=regisseurs["bert"]).json
    assert (still["state"], still["claimed_by"]) == ("ready", "anna")
    assert post(client, task, "complete", regisseurs["anna"], data=VALID).json["status"] == "completed"


def test_release_lets_a_colleague_take_it_and_only_the_holder_releases(client, start, regisseurs):
    task = start()
    post(client, task, "claim", regisseurs["anna"])
    error(post(client, task, "claim", regisseurs["bert"]), 409, "conflict")
    error(post(client, task, "release", regisseurs["bert"]), 409, "conflict")
    assert post(client, task, "release", regisseurs["anna"]).json["claimed_by"] is None
    assert post(client, task, "claim", regisseurs["bert"]).json["claimed_by"] == "bert"


def test_assign_only_to_a_colleague_with_the_lane_who_reaches_the_case(client, start, regisseurs):
    task = start()
    colleagues = client.get(f"/api/v1/tasks/{task['id']}/colleagues", headers=regisseurs["anna"])
    assert [c["username"] for c in colleagues.json] == ["anna", "bert"]  # not the aanmelder, not another region
    for outsider in ("aanmelder", "noord", "bestaat_niet"):
        refused = error(post(client, task, "assign", regisseurs["anna"], username=outsider), 422, "invalid")
        assert "procesregisseur" in refused["fields"]["username"]
    unnamed = client.post(f"/api/v1/tasks/{task['id']}/assign", json={}, headers=regisseurs["anna"])
    assert error(unnamed, 422, "invalid")["fields"]["username"] == "Kies een collega."
    assert post(client, task, "assign", regisseurs["anna"], username="bert").json["claimed_by"] == "bert"
    error(post(client, task, "complete", regisseurs["anna"], data=VALID), 409, "conflict")
    assert post(client, task, "assign", regisseurs["anna"], username="anna").json["claimed_by"] == "anna"  # taken over
    assert post(client, task, "complete", regisseurs["anna"], data=VALID).status_code == 200


def test_out_of_scope_the_task_does_not_exist_and_another_lane_may_not(client, start, regisseurs):
    task = start()
    for action, body in (("claim", {}), ("release", {}), ("assign", {"username": "noord"})):
        error(post(client, task, action, regisseurs["noord"], **body), 404, "notfound")
    error(client.get(f"/api/v1/tasks/{task['id']}/colleagues", headers=regisseurs["noord"]), 404, "notfound")
    error(post(client, task, "claim", regisseurs["aanmelder"]), 404, "notfound")  # not even in its scope
    error(post(client, {"id": "bestaat-niet"}, "claim", regisseurs["anna"]), 404, "notfound")


def test_claims_are_on_the_trail_and_the_case_replays(client, start, regisseurs, login):
    task = start()
    post(client, task, "claim", regisseurs["anna"])
    post(client, task, "assign", regisseurs["anna"], username="bert")
    post(client, task, "release", regisseurs["bert"])
    post(client, task, "claim", regisseurs["anna"])
    post(client, task, "complete", regisseurs["anna"], data=VALID)
    auditor = login("auditor")
    trail = client.get(f"/api/v1/process-instances/{task['process_instance']}/events", headers=auditor).json
    assert [(e["type"], e["actor"]) for e in trail][1:] == [
        ("task_claimed", "anna"), ("task_assigned", "anna"), ("task_released", "bert"), ("task_claimed", "anna"),
        ("task_completed", "anna")]
    assert trail[2]["inputs"]["holder"] == "bert"
    replayed = client.post(f"/api/v1/process-instances/{task['process_instance']}/replay", headers=auditor)
    assert replayed.json["status"] == "verified", replayed.json


def test_worklist_sorts_filters_and_counts_the_overdue(client, start, regisseurs):
    # the test clock: 4 January 2027, a few minutes past 10:00 Dutch time
    late_day, late_hour, today, later, none = (start(d) for d in ("2027-01-03", "2027-01-04T09:30:00+01:00",
                                                                 "2027-01-04", "2027-02-01", None))
    post(client, today, "claim", regisseurs["anna"])
    post(client, later, "claim", regisseurs["bert"])

    def ids(query):
        response = client.get("/api/v1/tasks" + query, headers=regisseurs["anna"])
        assert response.status_code == 200, response.json
        return [t["id"] for t in response.json], response.headers["X-Overdue-Count"]

    assert ids("?sort=due") == ([t["id"] for t in (late_day, late_hour, today, later, none)], "2")
    assert ids("?sort=-created")[0] == [t["id"] for t in (none, later, today, late_hour, late_day)]
    assert ids("?overdue=true&sort=due")[0] == [late_day["id"], late_hour["id"]]
    assert ids("?holder=mij")[0] == [today["id"]]
    assert set(ids("?holder=vrij")[0]) == {late_day["id"], late_hour["id"], none["id"]}
    assert ids("?process=claimable_task&limit=2&sort=due")[0] == [late_day["id"], late_hour["id"]]
    assert ids("?process=elders")[0] == []
    listed = client.get("/api/v1/tasks", headers=regisseurs["anna"]).json[0]
    assert (listed["name"], listed["process_name"]) == ("Besluit vastleggen", "Besluit met termijn")


@pytest.mark.parametrize(("query", "field"), [("?sort=naam", "sort"), ("?holder=iemand", "holder"),
                                              ("?overdue=misschien", "overdue")])
def test_bad_worklist_arguments_are_422_in_dutch(client, regisseurs, query, field):
    refused = error(client.get("/api/v1/tasks" + query, headers=regisseurs["anna"]), 422, "invalid")
    assert set(refused["fields"]) == {field} and refused["fields"][field].startswith(("Kies", "Verwacht"))
