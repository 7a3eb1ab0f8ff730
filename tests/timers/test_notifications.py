"""Notifications: a timer that makes a task ready tells that task's lane (in the same step), the
API lists them by role, and the optional e-mail sender delivers at least once, audited."""
from datetime import timedelta

import pytest

from engine.audit import trail, verify
from engine.instances import service as instances
from engine.notifications import outbox
from engine.notifications.sender import SmtpConfig, deliver_pending, from_environment
from engine.persistence.tables import Notification
from tests.conftest import actor

CONFIG = SmtpConfig(host="smtp.example.nl", addresses={"coordinator": "coordinatoren@example.nl"})


@pytest.fixture
def escalated(rt, deploy, clock, tick):
    deploy("timer_boundary.bpmn")
    instance = instances.start(rt, "timer_boundary", {}, actor("procesregisseur"))["id"]
    assert outbox.for_actor(rt, actor("procesregisseur", "coordinator")).items == []  # starting is no news
    clock.advance(timedelta(days=10, seconds=1))
    tick()
    return instance


def test_a_timer_tells_the_lane_of_each_task_it_made_ready(rt, escalated):
    mine = outbox.for_actor(rt, actor("coordinator")).items
    assert [(n["kind"], n["role"], n["instance_id"]) for n in mine] == [("taak_door_termijn", "coordinator", escalated)]
    assert "Escalatie: plan te laat" in mine[0]["subject"]
    assert [n["role"] for n in outbox.for_actor(rt, actor("procesregisseur")).items] == ["procesregisseur"]
    assert outbox.for_actor(rt, actor("aanmelder")).items == []


def test_the_api_lists_the_callers_notifications(client, login, escalated):
    response = client.get("/api/v1/notifications", headers=login("coordinator"))
    assert response.status_code == 200
    assert [n["role"] for n in response.json] == ["coordinator"]
    assert client.get("/api/v1/notifications").status_code == 401
    assert "/api/v1/notifications" in client.get("/api/v1/openapi.json").json["paths"]


def test_mail_is_delivered_at_least_once_and_each_delivery_is_audited(rt, clock, escalated):
    sent, failures = [], [ConnectionRefusedError("smtp weg")]

    def send(config, message):
        if failures:
            raise failures.pop()
        sent.append((message["To"], message["Subject"]))

    assert deliver_pending(rt, CONFIG, clock.now(), send) == 0  # the server was down: kept for later
    assert deliver_pending(rt, CONFIG, clock.now(), send) == 0  # backing off
    clock.advance(timedelta(minutes=1))
    assert deliver_pending(rt, CONFIG, clock.now(), send) == 1
    assert sent == [("coordinatoren@example.nl", "Termijn verstreken: taak 'Escalatie: plan te laat' staat klaar")]
    assert deliver_pending(rt, CONFIG, clock.now() + timedelta(days=1), send) == 0  # never twice once sent
    with rt.uow() as uow:
        [event] = trail.events_of(uow.session, trail.NOTIFICATION_CHAIN)
        assert (event.type, event.inputs["to"], event.inputs["attempt"]) == ("notification_sent",
                                                                            "coordinatoren@example.nl", 2)
        row = uow.session.get(Notification, event.inputs["notification_id"])
        assert row.sent_at == clock.now() and row.recipient_role == "coordinator"
    assert verify.verify_all(rt)["status"] == "verified"


def test_smtp_is_configured_by_environment():
    assert from_environment({}) is None
    config = from_environment({"LEVENSLOOP_SMTP_HOST": "mail", "LEVENSLOOP_SMTP_PORT": "2525",
                               "LEVENSLOOP_NOTIFY_ADDRESSES": "coordinator=c@x.nl, beheerder=b@x.nl"})
    assert (config.host, config.port, config.address_for("beheerder"), config.address_for("aanmelder")) == (
        "mail", 2525, "b@x.nl", None)


def test_a_notification_is_scoped_like_the_case_it_concerns(rt, escalated):
    """A coördinator of another region holds the same role but may not see the case: no notice, no task id."""
    elsewhere = actor("coordinator", region="Gelderland-Midden")
    assert outbox.for_actor(rt, elsewhere).items == []
    assert [n["instance_id"] for n in outbox.for_actor(rt, actor("coordinator")).items] == [escalated]
