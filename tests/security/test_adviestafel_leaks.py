"""The Adviestafel sees pseudonymised dossiers only: no endpoint (instances, tasks, events,
exports, point-in-time state, casussen, notifications, web pages) yields the person's name, BSN,
birth date, address or phone, for a case referred to it or any other."""
import re

import pytest

from tests.security.ketencase import (  # noqa: F401 (fixtures)
    GEBOORTEDATUM,
    PASSWORD,
    PERSOON,
    SECRETS,
    cases,
    driver,
    referred_casus,
)
from tests.web.conftest import web_login  # noqa: F401 (fixture)

API = "/api/v1"
DUTCH_BIRTH_DATE = "-".join(reversed(GEBOORTEDATUM.split("-")))
FORBIDDEN_TEXT = SECRETS + (PERSOON["adres"], PERSOON["telefoon"], DUTCH_BIRTH_DATE)


@pytest.fixture
def adviestafel(rt, client, driver, web_login):
    """All kinds of case, and a client logged in as the Adviestafel (web session and API token)."""
    ids = cases(driver)
    casus = referred_casus(driver)
    ids["casus_intake"] = casus["current_instance"]
    web_login("adviestafel")
    token = client.post(f"{API}/auth/token", json={"username": "adviestafel", "password": PASSWORD}).json["token"]
    return ids, casus["id"], {"Authorization": f"Bearer {token}"}


def task_ids(rt, instance_ids) -> list[str]:
    from engine.persistence.tables import WorkTask

    with rt.uow() as uow:
        return list(uow.session.scalars(WorkTask.__table__.select().with_only_columns(WorkTask.id)
                                        .where(WorkTask.instance_id.in_(instance_ids))))


def every_request(client, headers, ids, casus_id, tasks):
    """(method, path) of every GET in the OpenAPI document, filled in with every case, task and
    event; the replay POST; and the web pages."""
    params = {"instance_id": list(ids.values()), "task_id": tasks, "casus_id": [casus_id], "seq": [1, 2, 5, 9],
              "process_id": ["levensloop_intake"], "version": [1], "name": ["levensloop_intake.bpmn"]}
    spec = client.get(f"{API}/openapi.json").json
    for path, operations in spec["paths"].items():
        for method in ("get",) + (("post",) if path.endswith("/replay") else ()):
            if method in operations:
                yield from ((method, p) for p in _fill(path, params))
    for page in ("/zaken", "/taken", "/casussen", f"/casussen/{casus_id}", "/audit/toegang"):
        yield "get", page
    for instance_id in ids.values():
        for page in ("/zaken/{}", "/zaken/{}/diagram.bpmn", "/audit/zaken/{}", "/audit/zaken/{}/stappen/2",
                     "/audit/zaken/{}/export.json"):
            yield "get", page.format(instance_id)
    for task_id in tasks:
        yield "get", f"/taken/{task_id}"


def _fill(path: str, params: dict) -> list[str]:
    names = re.findall(r"{(\w+)}", path)
    paths = [path]
    for name in names:
        paths = [p.replace("{" + name + "}", str(value)) for p in paths for value in params[name]]
    return paths


def test_no_endpoint_gives_the_adviestafel_a_name_bsn_or_birth_date(rt, client, adviestafel):
    ids, casus_id, headers = adviestafel
    answered = 0
    for method, path in every_request(client, headers, ids, casus_id, task_ids(rt, list(ids.values()))):
        response = getattr(client, method)(path, headers=headers)
        assert response.status_code < 500, path
        body = response.get_data(as_text=True)
        leaked = [secret for secret in FORBIDDEN_TEXT if secret in body]
        assert not leaked, f"{method.upper()} {path} shows {leaked}"
        answered += response.status_code == 200
    assert answered > 10  # not vacuous: the Adviestafel did get pages and its dossiers


def test_the_adviestafel_gets_the_pseudonymised_dossier_of_a_referred_case(client, adviestafel):
    ids, casus_id, headers = adviestafel
    view = client.get(f"{API}/process-instances/{ids['referred']}", headers=headers).json
    assert view["data"]["adviestafel_dossier"]["pseudoniem"].startswith("LL-")
    assert set(view["data"]) <= {"adviestafel_dossier", "regio"}
    listed = {i["id"] for i in client.get(f"{API}/process-instances", headers=headers).json}
    assert listed == {ids["referred"], ids["casus_intake"]}
    casus = client.get(f"{API}/casussen/{casus_id}", headers=headers)
    assert casus.status_code == 200 and "person" not in casus.json
