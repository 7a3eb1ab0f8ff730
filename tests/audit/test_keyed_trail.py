"""The trail is hashed under the installation's audit key: a chain rewritten without the key is
found, a trail recorded before the key (plain SHA-256) still verifies, and no event may fall back
to plain SHA-256 after a keyed one."""
import pytest

from engine.audit import trail as audit
from engine.audit import verify as audit_verify
from engine.errors import EngineError
from tests.audit.conftest import rehash, stored_event, tamper


def test_new_events_are_hashed_under_the_audit_key(rt, scenario):
    instance_id = scenario()
    with rt.uow() as uow:
        assert {e.hash_alg for e in audit.events_of(uow.session, instance_id)} == {audit.HMAC_SHA256}


def test_a_trail_recorded_before_the_audit_key_still_verifies(rt, scenario):
    instance_id = scenario()
    rehash(rt, instance_id, lambda seq: audit.PLAIN_SHA256)
    assert audit_verify.verify_all(rt)["status"] == "verified"


def test_an_old_chain_continued_under_the_audit_key_verifies(rt, scenario):
    instance_id = scenario()
    rehash(rt, instance_id, lambda seq: audit.PLAIN_SHA256 if seq <= 3 else audit.HMAC_SHA256)
    assert audit_verify.verify_all(rt)["status"] == "verified"


def test_a_plain_sha256_event_after_a_keyed_one_is_refused(rt, scenario):
    instance_id = scenario()
    rehash(rt, instance_id, lambda seq: audit.HMAC_SHA256 if seq <= 3 else audit.PLAIN_SHA256)
    [found] = audit_verify.verify_all(rt)["breaks"]
    assert (found["chain"], found["seq"], found["kind"]) == (instance_id, 4, "hash_alg")


def test_a_chain_rewritten_without_the_audit_key_is_found(rt, scenario, monkeypatch):
    instance_id = scenario()
    monkeypatch.setenv("LEVENSLOOP_AUDIT_KEY", "een-geraden-sleutel")
    rehash(rt, instance_id, lambda seq: audit.HMAC_SHA256)
    monkeypatch.undo()
    [found] = audit_verify.verify_all(rt)["breaks"]
    assert (found["chain"], found["seq"], found["kind"]) == (instance_id, 1, "hash_mismatch")


def test_without_the_audit_key_verify_fails_in_dutch(rt, scenario, monkeypatch):
    scenario()
    monkeypatch.delenv("LEVENSLOOP_AUDIT_KEY")
    with pytest.raises(EngineError, match="LEVENSLOOP_AUDIT_KEY is niet gezet"):
        audit_verify.verify_all(rt)


def test_an_unknown_hash_method_is_refused(rt, scenario):
    instance_id = scenario()
    tamper(rt, lambda s: setattr(stored_event(s, instance_id, 2), "hash_alg", "md5"))
    [found] = audit_verify.verify_all(rt)["breaks"]
    assert (found["chain"], found["seq"], found["kind"]) == (instance_id, 2, "hash_alg")
    assert "onbekende hashmethode" in found["message"]
