"""Deploy process models: validate a set of files, then store it as an immutable numbered version."""
import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from SpiffWorkflow.bpmn.parser.ValidationException import ValidationException
from sqlalchemy import func, select

from engine.audit import trail
from engine.casus import endings
from engine.errors import DeployRefused, Invalid, NotFound
from engine.persistence.tables import Deployment, ProcessVersion
from engine.process_models.checks import check_spec, form_files, loop_warnings
from engine.spiff.bpmn_files import (
    MODEL_SUFFIXES,
    check_safe_xml,
    executable_process_ids,
    load_specs,
    parse_models,
)

ALLOWED_SUFFIXES = MODEL_SUFFIXES + (".json",)


@dataclass
class DeployResult:
    process_id: str
    version: int
    created: bool
    processes: list[dict]
    warnings: list[dict] = field(default_factory=list)


def checksum(files: dict[str, str]) -> str:
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode() + b"\0" + files[name].encode() + b"\0")
    return h.hexdigest()


def validate(files: dict[str, str], handlers: dict, forms_dir: Path | None, deployed=None) -> dict:
    """Check a set of files; returns {'processes', 'resolved', 'warnings'} or raises DeployRefused.

    ``deployed(process_id)`` returns files of the newest deployed version of a process, used to
    resolve call activities that are not part of this upload.
    """
    bad = [n for n in files if not n.endswith(ALLOWED_SUFFIXES) or "/" in n or n.startswith(".")]
    if bad:
        raise DeployRefused("Onbekend bestandstype", [{"file": n, "element": None, "message": "alleen .bpmn, .dmn en .json"} for n in bad])
    parser = parse_models(files)
    process_ids = executable_process_ids(parser)
    if not process_ids:
        raise DeployRefused("Geen uitvoerbaar proces gevonden", [{"file": None, "element": None, "message": "geen proces met isExecutable=\"true\""}])
    resolved = _resolve_called(parser, process_ids, deployed)
    available = dict(files)
    problems, warnings, specs = [], [], {}
    for pid in process_ids:
        spec, subs = load_specs(parser, pid)
        specs[pid] = spec
        for s in [spec, *[v for v in subs.values() if v is not None]]:
            for name in _forms_of(s):
                if name not in available and forms_dir is not None and (forms_dir / name).is_file():
                    resolved[name] = available[name] = (forms_dir / name).read_text(encoding="utf-8")
        problems += check_spec(spec, available, handlers) + endings.problems(spec)
        warnings += loop_warnings(spec)
    if problems:
        raise DeployRefused(f"{len(problems)} fout(en) in het model", problems)
    called = {ts.spec for s in specs.values() for ts in s.task_specs.values() if hasattr(ts, "spec") and isinstance(ts.spec, str)}
    processes = [{"id": pid, "name": specs[pid].description or pid, "called": pid in called} for pid in process_ids]
    return {"processes": processes, "resolved": resolved, "warnings": warnings}


def _forms_of(spec) -> list[str]:
    return [name for ts in spec.task_specs.values() for name in form_files(ts)]


def _resolve_called(parser, process_ids, deployed) -> dict[str, str]:
    """Add already-deployed processes this upload calls but does not contain."""
    resolved: dict[str, str] = {}
    for _ in range(20):  # called processes may call others in turn
        missing = set()
        for pid in executable_process_ids(parser):
            try:
                parser.get_subprocess_specs(pid)
            except ValidationException as err:
                missing |= _missing_called(parser, pid)
                if not missing:
                    raise DeployRefused(str(err), [{"file": None, "element": None, "message": str(err)}]) from err
        if not missing:
            return resolved
        for called in missing:
            extra = deployed(called) if deployed else None
            if not extra:
                raise DeployRefused(
                    f"Aangeroepen proces '{called}' bestaat niet",
                    [{"file": None, "element": called, "message": f"aangeroepen proces '{called}' is niet meegeleverd en niet eerder gedeployed"}],
                )
            for name, text in extra.items():
                if name.endswith(MODEL_SUFFIXES) and name not in resolved:
                    resolved[name] = text
                    parser.add_bpmn_str(text.encode(), filename=name) if name.endswith(".bpmn") else parser.add_dmn_str(text.encode(), filename=name)
    raise DeployRefused("Te diep geneste aanroepen", [])


def _missing_called(parser, pid) -> set[str]:
    spec = parser.get_spec(pid)
    return {ts.spec for ts in spec.task_specs.values()
            if hasattr(ts, "spec") and isinstance(ts.spec, str) and parser.get_process_parser(ts.spec) is None}


def deploy(session, files: dict[str, str], actor: str, now, handlers: dict, forms_dir: Path | None) -> DeployResult:
    """Validate and store; identical content returns the existing versions (no new version)."""
    if not files:
        raise Invalid("Geen bestanden ontvangen.", {"files": "Lever minstens één .bpmn-bestand aan."})
    digest = checksum(files)
    existing = session.scalars(select(Deployment).where(Deployment.checksum == digest)).first()
    if existing is not None:
        return _result(session, existing, created=False)
    checked = validate(files, handlers, forms_dir, deployed=lambda pid: deployed_files(session, pid))
    deployment = Deployment(checksum=digest, deployed_at=now, deployed_by=actor, files=files, resolved=checked["resolved"])
    session.add(deployment)
    session.flush()
    for proc in checked["processes"]:
        current = session.scalar(select(func.max(ProcessVersion.version)).where(ProcessVersion.process_id == proc["id"]))
        session.add(ProcessVersion(process_id=proc["id"], version=(current or 0) + 1, name=proc["name"],
                                   deployment_id=deployment.id, deployed_at=now))
    session.flush()
    result = _result(session, deployment, created=True, warnings=checked["warnings"])
    trail.append_to_shared_chain(session, trail.DEPLOYMENT_CHAIN, "deployed", actor, now,
                                 {"checksum": digest, "files": sorted(files), "processes": result.processes}, digest)
    return result


def _result(session, deployment: Deployment, created: bool, warnings=None) -> DeployResult:
    versions = list(session.scalars(select(ProcessVersion).where(ProcessVersion.deployment_id == deployment.id).order_by(ProcessVersion.id)))
    processes = [{"id": v.process_id, "version": v.version} for v in versions]
    called = _called_ids(deployment)
    main = next((v for v in versions if v.process_id not in called), versions[0])
    return DeployResult(main.process_id, main.version, created, processes, warnings or [])


def _called_ids(deployment: Deployment) -> set[str]:
    """Process ids called by a call activity in this deployment (they are not the main model)."""
    called = set()
    for name, text in deployment.files.items():
        if name.endswith(".bpmn"):
            tree = check_safe_xml(name, text)
            called |= set(tree.xpath("//*[local-name()='callActivity']/@calledElement"))
    return called


def deployed_files(session, process_id: str) -> dict[str, str] | None:
    """All files of the deployment holding the newest version of ``process_id``."""
    version = latest_version(session, process_id, required=False)
    if version is None:
        return None
    deployment = session.get(Deployment, version.deployment_id)
    return {**deployment.resolved, **deployment.files}


def latest_version(session, process_id: str, required: bool = True) -> ProcessVersion | None:
    version = session.scalars(select(ProcessVersion).where(ProcessVersion.process_id == process_id)
                              .order_by(ProcessVersion.version.desc()).limit(1)).first()
    if version is None and required:
        raise NotFound(f"Procesmodel '{process_id}' bestaat niet.")
    return version


@lru_cache(maxsize=64)
def _cached_specs(files_json: str, process_id: str):
    return load_specs(parse_models(json.loads(files_json)), process_id)


def specs_for(session, version: ProcessVersion):
    """(spec, subprocess_specs) of a deployed version; parsed once per content and cached."""
    deployment = session.get(Deployment, version.deployment_id)
    files = {**deployment.resolved, **deployment.files}
    return _cached_specs(json.dumps(files, sort_keys=True), version.process_id)


def form_file(session, version_id: int, name: str) -> dict | None:
    version = session.get(ProcessVersion, version_id)
    deployment = session.get(Deployment, version.deployment_id)
    text = deployment.files.get(name) or deployment.resolved.get(name)
    return json.loads(text) if text else None
