"""Move running instances to a newer version of their process model: check, migrate one, migrate in bulk.

Each instance moves in its own unit of work, guarded by the instance row's lock like any step, and
leaves a ``migrated`` event (from, to, mapping) on its chain that replay performs again. What the
version row says is the only record of which version an instance runs. A refused migration writes
nothing. Only the cases the actor reaches for MIGRATE are checked, moved or named.
"""
from sqlalchemy import select

from engine.errors import Conflict, MigrationRefused
from engine.execution import step as steps
from engine.persistence.lookups import version_or_404
from engine.persistence.tables import ACTIVE_STATUSES, ProcessInstance, ProcessVersion
from engine.process_models import service as model_service
from engine.security import authorization, scope
from engine.security.actors import Actor
from engine.security.authorization import MIGRATE, NONE


def _target(session, instance: ProcessInstance, to_version: int) -> tuple[ProcessVersion, ProcessVersion | None, list]:
    """(current version, target version or None, reasons against) — what can be told without the workflow."""
    current = session.get(ProcessVersion, instance.process_version_id)
    reasons = []
    if instance.status != "running":
        reasons.append(f"Deze zaak heeft status '{instance.status}'; alleen een lopende zaak kan worden gemigreerd.")
    target = session.scalars(select(ProcessVersion).where(ProcessVersion.process_id == instance.process_id,
                                                          ProcessVersion.version == to_version)).first()
    if target is None:
        reasons.append(f"Versie {to_version} van procesmodel '{instance.process_id}' is niet gedeployed.")
    elif target.version <= current.version:
        reasons.append(f"Versie {to_version} is niet nieuwer dan versie {current.version}, waarop deze zaak loopt.")
    return current, target, reasons


def _reasons(rt, session, instance: ProcessInstance, to_version: int) -> tuple[ProcessVersion, ProcessVersion, list]:
    current, target, reasons = _target(session, instance, to_version)
    if not reasons:
        reasons = steps.try_migration(rt, session, instance, target).reasons
    return current, target, reasons


def check(rt, instance_id: str, to_version: int, actor: Actor) -> dict:
    """Whether the instance can move to ``to_version``, what differs between the versions, and why not."""
    with rt.uow() as uow:
        instance, _ = scope.instance_in_scope(uow.session, actor, instance_id, MIGRATE)
        current, target, reasons = _reasons(rt, uow.session, instance, to_version)
        report = {"process_instance": instance.id, "process_model": instance.process_id,
                  "from_version": current.version, "to_version": to_version, "possible": not reasons,
                  "reasons": reasons}
    changes = model_service.compare(rt, report["process_model"], report["from_version"], to_version) if target else {}
    return {**report, "changes": {k: changes.get(k, []) for k in ("added", "removed", "changed")}}


def _migrate_one(rt, uow, instance: ProcessInstance, to_version: int, actor: Actor) -> dict:
    current, target, reasons = _target(uow.session, instance, to_version)
    if reasons:
        raise MigrationRefused(reasons)
    command = {"type": "migrate", "from_version": current.version, "to_version": target.version,
               "from_version_id": current.id, "to_version_id": target.id}
    moved = steps.migrate(rt, uow, instance, target, command, actor)
    if not moved.possible:
        raise MigrationRefused(moved.reasons)
    return {"process_instance": instance.id, "process_model": instance.process_id,
            "from_version": current.version, "to_version": target.version, "mapping": moved.mapping}


def migrate(rt, instance_id: str, to_version: int, actor: Actor) -> dict:
    """Move one instance; refused (HTTP 409 with the reasons) leaves it exactly as it was."""
    with rt.uow() as uow:
        instance, _ = scope.instance_in_scope(uow.session, actor, instance_id, MIGRATE)
        result = _migrate_one(rt, uow, instance, to_version, actor)
        uow.commit()
        return result


def migrate_all(rt, process_id: str, from_version: int, to_version: int, dry_run: bool, actor: Actor) -> dict:
    """Move every unfinished instance of ``from_version`` in the actor's scope, each in its own unit of work.

    A dry run answers what would move and what would be refused, writing nothing.
    """
    authorization.require(actor, MIGRATE)
    with rt.uow() as uow:
        source = version_or_404(uow.session, process_id, from_version)
        version_or_404(uow.session, process_id, to_version)
        ids = list(uow.session.scalars(
            select(ProcessInstance.id).where(ProcessInstance.process_version_id == source.id,
                                             ProcessInstance.status.in_(ACTIVE_STATUSES),
                                             scope.instance_view(actor, MIGRATE) > NONE)
            .order_by(ProcessInstance.started_at, ProcessInstance.id)))
    migrated, refused = [], []
    for instance_id in ids:
        try:
            _migrate_or_try(rt, instance_id, to_version, dry_run, actor)
            migrated.append(instance_id)
        except Conflict as err:  # refused, or changed by someone else meanwhile
            refused.append({"id": instance_id, "reason": err.message})
    return {"process_model": process_id, "from_version": from_version, "to_version": to_version,
            "dry_run": dry_run, "migrated": migrated, "refused": refused}


def _migrate_or_try(rt, instance_id: str, to_version: int, dry_run: bool, actor: Actor) -> None:
    with rt.uow() as uow:
        instance, _ = scope.instance_in_scope(uow.session, actor, instance_id, MIGRATE)
        if dry_run:
            _, _, reasons = _reasons(rt, uow.session, instance, to_version)
            if reasons:
                raise MigrationRefused(reasons)
            return
        _migrate_one(rt, uow, instance, to_version, actor)
        uow.commit()
