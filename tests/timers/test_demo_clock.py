"""The demo clock: ``levensloop clock advance`` is refused unless demo mode is on, and then moves
the time every process reads from the database."""
from datetime import timedelta

import pytest

from engine.errors import Invalid
from engine.timers.demo_clock import DemoClock, parse_duration


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def test_advance_is_refused_when_demo_mode_is_off(runner, monkeypatch, clock):
    monkeypatch.delenv("LEVENSLOOP_DEMO_CLOCK", raising=False)
    before = clock.now()
    result = runner.invoke(args=["clock", "advance", "30d"])
    assert result.exit_code != 0
    assert "democlok staat uit" in result.output and "LEVENSLOOP_DEMO_CLOCK=1" in result.output
    assert clock.now() == before


def test_advance_in_demo_mode_is_shared_through_the_database(rt, runner, monkeypatch):
    monkeypatch.setenv("LEVENSLOOP_DEMO_CLOCK", "1")
    server, cli = DemoClock(rt.session_factory), DemoClock(rt.session_factory)
    rt.clock = cli
    start = server.now()
    result = runner.invoke(args=["clock", "advance", "30d"])
    assert result.exit_code == 0, result.output
    assert "Democlok staat nu op" in result.output
    assert timedelta(days=30) <= server.now() - start < timedelta(days=30, minutes=1)


@pytest.mark.parametrize("text, expected", [("30d", timedelta(days=30)), ("2w", timedelta(weeks=2)),
                                            ("1d12h", timedelta(days=1, hours=12)), ("90m", timedelta(minutes=90))])
def test_durations(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "30", "dertig dagen", "-3d", "3x"])
def test_bad_durations_are_refused(text):
    with pytest.raises(Invalid):
        parse_duration(text)
