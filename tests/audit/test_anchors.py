"""``levensloop audit anchor`` signs the head of every chain; ``audit verify --anchors FILE`` finds
a chain rewritten after anchoring (even one rehashed with the real audit key), naming chain and seq."""
import json
from datetime import timedelta

from sqlalchemy import delete

from engine.audit import retention
from engine.audit import verify as audit_verify
from engine.persistence.tables import AuditEvent, ProcessInstance
from tests.audit.conftest import rehash, stored_event, tamper


def anchor(cli, tmp_path):
    path = tmp_path / "anker.json"
    result = cli("audit", "anchor", "--out", str(path))
    assert result.exit_code == 0, result.output
    return path


def test_an_anchor_holds_every_chain_head_and_a_fresh_one_verifies(cli, scenario, tmp_path):
    instance_id = scenario()
    path = anchor(cli, tmp_path)
    heads = json.loads(path.read_text())["heads"]
    assert [(h["chain"], h["seq"]) for h in heads] == sorted([("deployments", 1), (instance_id, 7)])
    result = cli("audit", "verify", "--anchors", str(path))
    assert result.exit_code == 0, result.output
    assert "Resultaat: de audittrail is ongeschonden." in result.output


def test_a_chain_rewritten_with_the_audit_key_after_anchoring_is_found(rt, cli, scenario, tmp_path):
    instance_id = scenario()
    path = anchor(cli, tmp_path)
    tamper(rt, lambda s: setattr(stored_event(s, instance_id, 2), "actor", "iemand_anders"))
    rehash(rt, instance_id, lambda seq: "hmac-sha256")
    assert audit_verify.verify_all(rt)["status"] == "verified"  # consistent again: only the anchor shows it
    result = cli("audit", "verify", "--anchors", str(path))
    assert result.exit_code == 1
    assert f"Keten {instance_id} verbroken bij gebeurtenis 7: Gebeurtenis 7 heeft een andere hash" in result.output


def test_a_truncated_chain_is_found_at_the_anchored_head(rt, cli, scenario, tmp_path):
    instance_id = scenario()
    path = anchor(cli, tmp_path)

    def truncate(session):
        session.execute(delete(AuditEvent).where(AuditEvent.chain == instance_id, AuditEvent.seq == 7))
        instance = session.get(ProcessInstance, instance_id)
        instance.event_count, instance.last_event_hash = 6, stored_event(session, instance_id, 6).hash

    tamper(rt, truncate)
    result = cli("audit", "verify", "--anchors", str(path))
    assert result.exit_code == 1
    assert f"Keten {instance_id} verbroken bij gebeurtenis 7: Gebeurtenis 7 ontbreekt" in result.output


def test_an_edited_anchor_file_is_refused(cli, scenario, tmp_path):
    scenario()
    path = anchor(cli, tmp_path)
    edited = json.loads(path.read_text())
    edited["heads"][0]["hash"] = "0" * 64
    path.write_text(json.dumps(edited))
    result = cli("audit", "verify", "--anchors", str(path))
    assert result.exit_code == 1
    assert "Keten anker verbroken bij de keten: Het ankerbestand is onleesbaar of niet" in result.output
    path.write_text("geen json")
    assert cli("audit", "verify", "--anchors", str(path)).exit_code == 1


def test_a_retention_purge_after_anchoring_still_matches_the_anchor(rt, cli, clock, scenario, tmp_path):
    instance_id = scenario()
    path = anchor(cli, tmp_path)
    clock.advance(timedelta(days=2))
    assert [case.instance_ids for case in retention.purge(rt, 1)] == [[instance_id]]
    result = cli("audit", "verify", "--anchors", str(path))
    assert result.exit_code == 0, result.output
