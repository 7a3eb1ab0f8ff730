"""Signals come from the casus's duo and the region's workers: the Adviestafel and the auditor read the casus but
get no "Signaal melden" form, and the page and the API refuse a signal from them; nothing reaches the cycle."""
import pytest

from tests.web.conftest import csrf_of
from tests.web.test_casus_pages import in_monitoring

SIGNAL = {"signaal": "klinische_opname", "omschrijving": "Opgenomen na een crisis"}


@pytest.mark.parametrize("role", ["adviestafel", "auditor"])
def test_adviestafel_and_auditor_cannot_report_a_signal(rt, client, web_login, login, driver, role):
    view = in_monitoring(rt, driver)
    token = web_login(role)
    page = client.get(f"/casussen/{view['id']}")
    assert page.status_code == 200 and "Signaal melden" not in page.get_data(as_text=True)
    assert client.post(f"/casussen/{view['id']}/signaal", data={"csrf_token": token, **SIGNAL}).status_code == 403
    headers = login(role, username=f"{role}_api")
    response = client.post(f"/api/v1/casussen/{view['id']}/messages", headers=headers,
                           json={"name": "klinische_opname", "payload": {"omschrijving": "Opgenomen"}})
    assert response.status_code == 403 and "duo" in response.json["message"]
    by_correlation = client.post("/api/v1/messages", headers=headers, json={
        "name": "klinische_opname", "correlation": {"casus_id": view["id"]}, "payload": {"casus_id": view["id"]}})
    assert by_correlation.status_code == (404 if role == "adviestafel" else 403)  # the auditor acts on nothing
    assert driver.ready(view["cycle"]) == ["monitoring_contact"]


@pytest.mark.parametrize("username, roles", [("cm_anna", ()), ("regiebehandelaar", ("regiebehandelaar",))])
def test_the_duo_and_a_region_worker_report_a_signal(rt, client, web_login, driver, username, roles):
    view = in_monitoring(rt, driver)
    web_login(*roles, username=username)
    page = client.get(f"/casussen/{view['id']}").get_data(as_text=True)
    assert "Signaal melden" in page
    response = client.post(f"/casussen/{view['id']}/signaal", data={"csrf_token": csrf_of(page), **SIGNAL})
    assert response.status_code == 303
    assert "plan_bijstellen_klinische_opname" in driver.ready(view["cycle"])
