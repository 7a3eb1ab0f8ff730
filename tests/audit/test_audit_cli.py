"""``levensloop replay`` and ``levensloop audit verify`` print a Dutch verdict and exit 1 when
something does not verify; a corrupted trail or an unknown instance never shows a traceback."""
from sqlalchemy import delete

from engine.persistence.tables import AuditEvent
from tests.audit.conftest import stored_event, tamper


def test_replay_prints_verified(cli, scenario):
    instance_id = scenario()
    result = cli("replay", instance_id)
    assert result.exit_code == 0, result.output
    assert f"Zaak {instance_id} (audit_scenario versie 1): 7 van 7 gebeurtenissen herspeeld." in result.output
    assert result.output.strip().endswith("Resultaat: geverifieerd.")


def test_replay_names_the_diverging_event_with_both_hashes(rt, cli, scenario):
    instance_id = scenario()
    tamper(rt, lambda session: setattr(stored_event(session, instance_id, 2), "inputs", {
        "type": "complete_task", "task_position": stored_event(session, instance_id, 2).inputs["task_position"],
        "data": {"spoed": False}}))
    result = cli("replay", instance_id)
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"Keten {instance_id} verbroken bij gebeurtenis 2" in result.output
    assert "Afwijking bij gebeurtenis 2 (task_completed)" in result.output
    assert "vastgelegde hash:" in result.output and "herspeelde hash:" in result.output
    assert "Traceback" not in result.output


def test_replay_of_an_unknown_instance_fails_in_dutch(cli):
    result = cli("replay", "onbekend")
    assert result.exit_code == 1
    assert "Fout: Procesinstantie 'onbekend' bestaat niet." in result.output


def test_audit_verify_passes_and_then_names_the_first_broken_link(rt, cli, scenario):
    instance_id = scenario()
    result = cli("audit", "verify")
    assert result.exit_code == 0, result.output
    assert "Gecontroleerd: 2 ketens, 8 gebeurtenissen." in result.output
    tamper(rt, lambda s: s.execute(delete(AuditEvent).where(AuditEvent.chain == instance_id, AuditEvent.seq == 5)))
    result = cli("audit", "verify")
    assert result.exit_code == 1
    assert f"Keten {instance_id} verbroken bij gebeurtenis 5: Gebeurtenis 5 ontbreekt" in result.output
    assert "Traceback" not in result.output
