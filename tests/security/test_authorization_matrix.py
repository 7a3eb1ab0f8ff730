"""The need-to-know matrix, driven through the REST API with real tokens: every role, against a
case of its own, of its region, of another region, assigned or not, referred to the Adviestafel
or not, on every case endpoint, for reads and for writes. The expectations below are the issue's rules, written out by hand."""
import pytest

from engine.process_models.reserved_names import RESERVED
from engine.security import authorization, users
from engine.security.actors import ALL_ROLES, Actor
from tests.scenarios.driver import REGION
from tests.scenarios.paths import include
from tests.security.ketencase import OTHER_REGION, PASSWORD, cases, driver  # noqa: F401 (fixture)

F, P = "full", "pseudonymised"
CASES = ("own", "referred", "duo", "elsewhere")
#: username -> (roles, region); cm_anna, cm_bram (casemanager_zorg) and cr_carla come from the driver.
ACCOUNTS = {
    "aanmelder": (["aanmelder"], REGION), "aanmelder_noord": (["aanmelder"], OTHER_REGION),
    "procesregisseur": (["procesregisseur"], REGION), "procesregisseur_noord": (["procesregisseur"], OTHER_REGION),
    "coordinator": (["coordinator"], REGION), "coordinator_noord": (["coordinator"], OTHER_REGION),
    "adviestafel": (["adviestafel"], REGION), "auditor": (["auditor"], None),
    "proceseigenaar": (["proceseigenaar"], None), "beheerder": (["beheerder"], None),
}
#: What each user may see of each case (absent: nothing).
EXPECTED = {
    "aanmelder": {"own": F, "referred": F},  # registered by them, not yet included
    "aanmelder_noord": {"elsewhere": F},
    "procesregisseur": {"own": F, "referred": F, "duo": F},  # their region
    "procesregisseur_noord": {"elsewhere": F},
    "coordinator": {"own": F, "referred": F, "duo": F},
    "coordinator_noord": {"elsewhere": F},
    "cm_anna": {"duo": F},  # in the duo
    "cm_bram": {},  # same role and region, not in the duo
    "cr_carla": {"duo": F},
    "adviestafel": {"referred": P},  # referred to the Adviestafel, pseudonymised only
    "auditor": {case: F for case in CASES},
    "proceseigenaar": {},
    "beheerder": {},
}
#: who resolves incidents of cases it may not read (the beheerder, through the API only)
RESOLVES_EVERY_CASE = {"beheerder"}
ROLES = {"cm_anna": ["casemanager_zorg"], "cm_bram": ["casemanager_zorg"], "cr_carla": ["casusregisseur_gemeente"],
         **{name: roles for name, (roles, _) in ACCOUNTS.items()}}
API = "/api/v1"


def test_every_role_has_a_row_in_the_matrix_and_a_user_here():
    assert set(authorization.MATRIX) == ALL_ROLES
    assert {role for roles in ROLES.values() for role in roles} == ALL_ROLES - {
        "regiebehandelaar", "opnamecoordinator", "gedragsdeskundige", "sociaal_team", "casusregisseur_gezin", "aanbieder",
        "verwijzer"}  # region roles, as procesregisseur; verwijzer reads only what it started


@pytest.fixture
def world(rt, client, driver):
    ids = cases(driver)
    for username, (roles, region) in ACCOUNTS.items():
        users.add_user(rt, username, PASSWORD, roles, region)
    tokens = {}
    for username in EXPECTED:
        response = client.post(f"{API}/auth/token", json={"username": username, "password": PASSWORD})
        tokens[username] = {"Authorization": f"Bearer {response.json['token']}"}
    ready = {case: client.get(f"{API}/process-instances/{ids[case]}", headers=tokens["auditor"]).json["ready_tasks"]
             for case in CASES}
    return ids, tokens, ready


def observed(client, headers, instance_id: str, tasks: list[dict]) -> dict:
    got = client.get(f"{API}/process-instances/{instance_id}", headers=headers)
    listing = client.get(f"{API}/process-instances", headers=headers)
    worklist = client.get(f"{API}/tasks", headers=headers).json
    path = f"{API}/process-instances/{instance_id}"
    return {
        "instance": (got.status_code, (F if "persoon" in got.json["data"] else P) if got.status_code == 200 else None),
        "events": client.get(f"{path}/events", headers=headers).status_code,
        "listed": listing.status_code == 200 and instance_id in {i["id"] for i in listing.json},
        "worklist": sorted(t["element"] for t in worklist if t["process_instance"] == instance_id),
        "tasks": {t["element"]: client.get(f"{API}/tasks/{t['id']}", headers=headers).status_code for t in tasks},
        "audit": [client.get(f"{path}/verify", headers=headers).status_code,
                  client.post(f"{path}/replay", headers=headers).status_code,
                  client.get(f"{path}/events/1/state", headers=headers).status_code,
                  client.get(f"{path}/events/export", headers=headers).status_code],
    }


def expected(username: str, case: str, tasks: list[dict]) -> dict:
    view, roles = EXPECTED[username].get(case), ROLES[username]
    auditor = "auditor" in roles
    in_lane = [t for t in tasks if t["lane"] in roles]
    hidden = 404 if authorization.allows(Actor(username, frozenset(roles)), authorization.READ) else 403
    return {
        "instance": (200, view) if view else (hidden, None),  # out of scope reads as absent; no rights at all: 403
        "events": 200 if view else hidden,
        "listed": bool(view),
        "worklist": sorted(t["element"] for t in in_lane) if view else [],
        "tasks": {t["element"]: 200 if view else hidden for t in tasks},  # a task reads with its case
        "audit": [200 if auditor else 403] * 4,
    }


@pytest.mark.parametrize("username", sorted(EXPECTED))
def test_each_user_sees_exactly_the_cases_need_to_know_allows(client, world, username):
    ids, tokens, ready = world
    for case in CASES:
        assert observed(client, tokens[username], ids[case], ready[case]) == expected(username, case, ready[case]), case


def test_the_registrant_loses_sight_of_the_case_at_inclusion(client, world, driver):
    ids, tokens, _ = world
    include(driver, ids["referred"])
    assert client.get(f"{API}/process-instances/{ids['referred']}", headers=tokens["aanmelder"]).status_code == 404
    assert client.get(f"{API}/process-instances/{ids['own']}", headers=tokens["aanmelder"]).status_code == 200


def test_task_completion_stays_lane_based(client, world):
    ids, tokens, ready = world
    [plan_zorg] = [t for t in ready["duo"] if t["element"] == "plan_zorg"]
    refused = client.post(f"{API}/tasks/{plan_zorg['id']}/complete", json={"data": {}}, headers=tokens["cr_carla"])
    assert refused.status_code == 403


def test_writes_outside_the_scope_answer_as_absent_and_change_nothing(client, world):
    """Cancel, retry, messages (by instance and by correlation) and task completion by a worker of another
    region: 404 as for an unknown id, no delivery, no instance id of that region revealed."""
    ids, tokens, ready = world
    noord = tokens["procesregisseur_noord"]
    before = client.get(f"{API}/process-instances/{ids['own']}/events", headers=tokens["auditor"]).json
    assert client.post(f"{API}/process-instances/{ids['own']}/cancel", headers=noord).status_code == 404
    assert client.post(f"{API}/process-instances/{ids['own']}/retry", headers=noord).status_code == 404
    by_instance = client.post(f"{API}/messages", json={"name": "signaal_zorg", "process_instance": ids["duo"]},
                              headers=noord)
    assert by_instance.status_code == 404
    by_correlation = client.post(f"{API}/messages", json={"name": "signaal_zorg", "correlation": {"casus_id": "C-DUO"},
                                                          "payload": {"casus_id": "C-DUO"}}, headers=noord)
    assert by_correlation.status_code == 404 and ids["duo"] not in by_correlation.get_data(as_text=True)
    [melding] = [t for t in ready["own"] if t["element"] == "melding_aan_persoon"]
    assert client.post(f"{API}/tasks/{melding['id']}/complete", json={"data": {}}, headers=noord).status_code == 404
    after = client.get(f"{API}/process-instances/{ids['own']}/events", headers=tokens["auditor"]).json
    assert after == before


def test_the_takeover_attempt_is_refused_before_the_form_is_read(client, world, rt):
    """A casemanager of another region sends the duo's task with an injected duo: 404, and the duo unchanged."""
    ids, tokens, ready = world
    users.add_user(rt, "cm_midden", PASSWORD, ["casemanager_zorg"], "Gelderland-Midden")
    token = client.post(f"{API}/auth/token", json={"username": "cm_midden", "password": PASSWORD}).json["token"]
    [plan_zorg] = [t for t in ready["duo"] if t["element"] == "plan_zorg"]
    injected = {"duo": {"casemanager_zorg": {"id": "cm_midden"}, "casusregisseur_gemeente": {"id": "cm_midden"}}}
    response = client.post(f"{API}/tasks/{plan_zorg['id']}/complete", json={"data": injected},
                           headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 404
    own_colleague = client.post(f"{API}/tasks/{plan_zorg['id']}/complete", json={"data": injected},
                                headers=tokens["cm_anna"])
    assert own_colleague.status_code == 422 and own_colleague.json["fields"]["duo"] == RESERVED
    assert client.get(f"{API}/process-instances/{ids['duo']}", headers={"Authorization": f"Bearer {token}"}
                      ).status_code == 404


def attempted_writes(client, headers, instance_id: str, tasks: list[dict]) -> dict:
    """Every write a case offers, each sent so that it changes nothing once past the scope check (an undeclared
    form field, a message nobody waits for, a retry without incident) — except cancel, sent last."""
    path = f"{API}/process-instances/{instance_id}"
    message = client.post(f"{API}/messages", json={"name": "onbekend_bericht", "process_instance": instance_id},
                          headers=headers)
    return {
        "tasks": {t["element"]: client.post(f"{API}/tasks/{t['id']}/complete", json={"data": {"onbekend_veld": 1}},
                                            headers=headers).status_code for t in tasks},
        "message": (message.status_code, "bestaat niet" in message.get_data(as_text=True)),
        "retry": client.post(f"{path}/retry", headers=headers).status_code,
        "cancel": client.post(f"{path}/cancel", headers=headers).status_code,
    }


def expected_writes(username: str, case: str, tasks: list[dict]) -> dict:
    """Role lacks the action: 403. Case outside its scope (the read scope; for retry the beheerder reaches every
    case): 404, as if absent. Else the request reaches the case:
    a form refuses the unknown field (422) — only in the task's lane (403 outside it) —, no instance waits for
    the message (404, but not "bestaat niet"), a running case has no incident to retry (409), cancel succeeds."""
    roles = ROLES[username]
    who = Actor(username, frozenset(roles))
    in_scope = case in EXPECTED[username]

    def outcome(action: str, reached: int, reaches: bool = in_scope) -> int:
        return 403 if not authorization.allows(who, action) else reached if reaches else 404

    message = outcome(authorization.ACT, 404)
    return {
        "tasks": {t["element"]: outcome(authorization.COMPLETE, 422 if t["lane"] in roles else 403) for t in tasks},
        "message": (message, message == 404 and not in_scope),
        "retry": outcome(authorization.RESOLVE, 409, in_scope or username in RESOLVES_EVERY_CASE),
        "cancel": outcome(authorization.CANCEL, 200),
    }


@pytest.mark.parametrize("username", sorted(EXPECTED))
def test_each_user_writes_exactly_where_need_to_know_allows(client, world, username):
    ids, tokens, ready = world
    trails = {case: client.get(f"{API}/process-instances/{ids[case]}/events", headers=tokens["auditor"]).json
              for case in CASES}
    for case in CASES:
        got = attempted_writes(client, tokens[username], ids[case], ready[case])
        assert got == expected_writes(username, case, ready[case]), case
        after = client.get(f"{API}/process-instances/{ids[case]}/events", headers=tokens["auditor"]).json
        cancelled = got["cancel"] == 200
        assert after[:len(trails[case])] == trails[case] and len(after) == len(trails[case]) + cancelled, case
