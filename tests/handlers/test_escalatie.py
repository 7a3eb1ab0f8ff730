"""Escalation deadlines come from one configuration table and are counted in business days."""
import pytest

from handlers import HandlerError, config
from handlers.escalatie import escalatie_termijnen


def test_melding_overdue_crosses_koningsdag(ctx):
    result = escalatie_termijnen(ctx, ["melding_persoon"], vanaf="2027-04-26")
    assert result["vanaf"] == "2027-04-26T09:00:00+02:00"
    assert result["melding_persoon"] == "2027-05-04T09:00:00+02:00"  # 28,29,30 Apr, 3,4 May


def test_postponement_on_a_holiday_becomes_due_the_next_business_day(ctx):
    assert escalatie_termijnen(ctx, ["melding_persoon"], vanaf="2025-12-25")["vanaf"] == "2025-12-29T09:00:00+01:00"


def test_partner_information_deadline_crosses_christmas(ctx):
    result = escalatie_termijnen(ctx, ["partnerinformatie"], vanaf="2026-12-17")
    assert result["partnerinformatie"] == "2027-01-04T09:00:00+01:00"  # skips 25 Dec and 1 Jan


def test_plan_escalates_to_procesregisseur_before_coordinator(ctx):
    result = escalatie_termijnen(ctx, ["plan_procesregisseur", "plan_coordinator"])
    assert result["plan_procesregisseur"] == "2027-05-21T09:00:00+02:00"
    assert result["plan_procesregisseur"] < result["plan_coordinator"]


def test_durations_live_in_config(ctx, monkeypatch):
    monkeypatch.setitem(config.ESCALATIE_WERKDAGEN, "geen_contact", 1)
    assert escalatie_termijnen(ctx, ["geen_contact"], vanaf="2027-04-26")["geen_contact"] == "2027-04-28T09:00:00+02:00"


@pytest.mark.parametrize("soorten, message", [(["onzin"], "Onbekende termijnsoort"), ("geen_contact", "lijst"),
                                              ([], "lijst")])
def test_refuses_unknown_kinds(ctx, soorten, message):
    with pytest.raises(HandlerError, match=message):
        escalatie_termijnen(ctx, soorten)
