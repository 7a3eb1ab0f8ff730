"""Anchors: the head (chain, seq, hash) of every chain, signed with the audit key, kept outside the database.

Whoever can write the database and holds the audit key can rewrite a chain so that it verifies
again. An anchor written before that, and stored where the database's users cannot change it,
still holds the old heads: ``audit verify --anchors FILE`` then names the chain and seq that no
longer match. A retention purge changes no hash, so a purged chain still matches its anchor.
"""
import hmac
from dataclasses import asdict

from sqlalchemy import and_, func, select

from engine.audit import verify
from engine.audit.audit_key import audit_key
from engine.persistence.tables import AuditEvent
from engine.spiff.canonical import keyed_digest

ANCHOR_CHAIN = "anker"  # the name a report gives to the anchor file itself


def heads(session) -> list[dict]:
    """The last event of every chain, ordered by chain."""
    last = (select(AuditEvent.chain, func.max(AuditEvent.seq).label("seq")).group_by(AuditEvent.chain).subquery())
    rows = session.execute(select(AuditEvent.chain, AuditEvent.seq, AuditEvent.hash)
                           .join(last, and_(AuditEvent.chain == last.c.chain, AuditEvent.seq == last.c.seq))
                           .order_by(AuditEvent.chain))
    return [{"chain": chain, "seq": seq, "hash": hash_} for chain, seq, hash_ in rows]


def make(rt) -> dict:
    """A signed anchor of the trail as it stands now."""
    with rt.uow() as uow:
        body = {"made_at": rt.clock.now().isoformat(), "heads": heads(uow.session)}
    return {**body, "signature": keyed_digest(audit_key(), body)}


def check(rt, anchor) -> list[verify.Break]:
    """Every anchored head the trail no longer has; an unsigned or malformed anchor is one break."""
    if not _well_signed(anchor):
        return [verify.Break(ANCHOR_CHAIN, None, "anchor_invalid",
                             "Het ankerbestand is onleesbaar of niet met de auditsleutel van deze installatie ondertekend.")]
    breaks = []
    with rt.uow() as uow:
        for head in anchor["heads"]:
            stored = uow.session.scalars(select(AuditEvent.hash).where(AuditEvent.chain == head["chain"],
                                                                       AuditEvent.seq == head["seq"])).first()
            if stored != head["hash"]:
                what = "ontbreekt" if stored is None else "heeft een andere hash"
                breaks.append(verify.Break(head["chain"], head["seq"], "anchor_mismatch",
                                           f"Gebeurtenis {head['seq']} {what} dan in het anker van {anchor['made_at']}: "
                                           "de keten is na het ankeren herschreven."))
    return breaks


def verify_with(rt, anchor) -> dict:
    """``verify.verify_all`` plus the anchored heads."""
    report = verify.verify_all(rt)
    found = report["breaks"] + [asdict(b) for b in check(rt, anchor)]
    return {**report, "status": "broken" if found else "verified", "breaks": found}


def _well_signed(anchor) -> bool:
    if not isinstance(anchor, dict) or not isinstance(anchor.get("heads"), list):
        return False
    if not all(isinstance(h, dict) and isinstance(h.get("chain"), str) and isinstance(h.get("seq"), int)
               and isinstance(h.get("hash"), str) for h in anchor["heads"]):
        return False
    body = {"made_at": anchor.get("made_at"), "heads": anchor["heads"]}
    return isinstance(anchor.get("signature"), str) and hmac.compare_digest(keyed_digest(audit_key(), body),
                                                                            anchor["signature"])
