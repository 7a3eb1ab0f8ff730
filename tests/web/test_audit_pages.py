"""Auditor pages: the trail, replay verdicts, stepping through events, exports and the access log."""
import json
import re
from datetime import datetime, timezone

import pytest

from engine.instances import service as instances
from tests.audit.conftest import stored_event, tamper
from tests.conftest import actor

WORKER = actor("aanmelder")


@pytest.fixture
def case(rt, clock, deploy):
    clock.set(datetime(2027, 3, 1, 9, 0, tzinfo=timezone.utc))
    deploy("web_form_task.bpmn", "gegevens-schema.json")
    view = instances.start(rt, "web_form_task", {"persoon": {"naam": "Jan"}}, WORKER)
    instances.complete_task(rt, view["ready_tasks"][0]["id"], {"naam": "Jan", "datum": "2027-02-01"}, WORKER)
    return view["id"]


def test_trail_lists_events_with_step_and_export_links(client, web_login, case):
    web_login("auditor")
    html = client.get(f"/audit/zaken/{case}").get_data(as_text=True)
    assert "2 gebeurtenissen in de hashketen" in html and "web_fill" in html
    assert f"/audit/zaken/{case}/stappen/2" in html
    for fmt in ("json", "csv", "xes"):
        assert f"/audit/zaken/{case}/export.{fmt}" in html


def test_replay_shows_first_divergence(rt, client, web_login, case):
    def change(session):
        stored_event(session, case, 2).state_hash = "0" * 64

    tamper(rt, change)
    web_login("auditor")
    html = client.get(f"/audit/zaken/{case}/herspelen").get_data(as_text=True)
    assert "Uitkomst: geverifieerd" not in html
    assert "Eerste afwijking bij gebeurtenis 2 (Taak afgerond)" in html
    assert f"/audit/zaken/{case}/stappen/1" in html


def markers(html: str) -> dict:
    return json.loads(re.search(r'id="diagram-markers">(.*?)</script>', html, re.S).group(1))


def test_step_shows_diagram_and_data_as_of_that_event(client, web_login, case):
    web_login("auditor")
    first = client.get(f"/audit/zaken/{case}/stappen/1").get_data(as_text=True)
    assert markers(first) == {"completed": ["web_start"], "current": ["web_fill"], "timers": []}
    assert "Gegevens invullen (aanmelder)" in first and "<dt>datum</dt>" not in first
    assert 'rel="next"' in first and 'rel="prev"' not in first
    second = client.get(f"/audit/zaken/{case}/stappen/2").get_data(as_text=True)
    assert markers(second)["current"] == ["web_wait"] and "<dt>datum</dt>" in second
    assert 'rel="next"' not in second and 'aria-current="step"' in second


def test_unknown_step_is_a_dutch_404(client, web_login, case):
    web_login("auditor")
    response = client.get(f"/audit/zaken/{case}/stappen/9")
    assert response.status_code == 404
    assert "Gebeurtenis 9 van deze zaak bestaat niet." in response.get_data(as_text=True)


@pytest.mark.parametrize("fmt, media", [("json", "application/json"), ("csv", "text/csv"), ("xes", "application/xml")])
def test_export_downloads_the_trail(client, web_login, case, fmt, media):
    web_login("auditor")
    response = client.get(f"/audit/zaken/{case}/export.{fmt}")
    assert response.status_code == 200 and response.mimetype == media
    assert response.headers["Content-Disposition"] == f'attachment; filename="audittrail-{case}.{fmt}"'


@pytest.mark.parametrize("path", ["", "/herspelen", "/stappen/1", "/export.json"])
def test_workers_get_no_audit_pages(client, web_login, case, path):
    web_login("aanmelder")
    response = client.get(f"/audit/zaken/{case}{path}")
    assert response.status_code == 403 and "Alleen een auditor mag dit inzien." in response.get_data(as_text=True)


def rows(html: str) -> list[str]:
    table = re.search(r'id="toegangslog">.*?<tbody>(.*?)</tbody>', html, re.S)
    return re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S) if table else []


def test_access_log_filters_by_user_case_and_period(rt, app, client, clock, web_login, case):
    other = instances.start(rt, "web_form_task", {}, WORKER)["id"]
    app.config["WEB_SESSION_IDLE_SECONDS"] = 7 * 24 * 3600
    web_login("aanmelder")  # the one who started both cases
    client.get(f"/zaken/{case}")  # logs the zaak and its timeline
    clock.set(datetime(2027, 3, 5, 9, 0, tzinfo=timezone.utc))
    client.get(f"/zaken/{other}")
    web_login("auditor", username="olga")
    assert len(rows(client.get("/audit/toegang?gebruiker=aanmelder").get_data(as_text=True))) == 4
    by_case = rows(client.get(f"/audit/toegang?gebruiker=aanmelder&zaak={case}").get_data(as_text=True))
    assert len(by_case) == 2 and all(case[:8] in row for row in by_case)
    assert "zaakgegevens, persoonsgegevens" in by_case[1] and "uitvoering van de casus" in by_case[1]
    period = "/audit/toegang?gebruiker=aanmelder&van=2027-03-05&tot=2027-03-05"
    in_period = rows(client.get(period).get_data(as_text=True))
    assert len(in_period) == 2 and all(other[:8] in row for row in in_period)
    assert rows(client.get("/audit/toegang?gebruiker=aanmelder&tot=2027-02-28").get_data(as_text=True)) == []


def test_access_log_refuses_a_reversed_period(client, web_login):
    web_login("auditor")
    response = client.get("/audit/toegang?van=2027-03-05&tot=2027-03-01")
    assert response.status_code == 422
    assert "De einddatum ligt voor de begindatum." in response.get_data(as_text=True)
