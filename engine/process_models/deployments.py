"""Deploy process models: validate a set of files, then store it as an immutable numbered version."""
import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sqlalchemy import func, select

from engine.audit import trail
from engine.casus import endings
from engine.errors import DeployRefused, Invalid, NotFound
from engine.persistence.tables import Deployment, ProcessVersion
from engine.process_models import fingerprint, model_set, version_cache
from engine.process_models.catalogue import Catalogue
from engine.process_models.checks import loop_warnings
from engine.process_models.diff import diff as node_diff
from engine.process_models.form_hooks import FormHooks
from engine.process_models.lint import LintContext, lint
from engine.process_models.problems import problem, where
from engine.security.actors import WORKER_ROLES
from engine.spiff.loop_classes import embedded_specs
from engine.spiff.bpmn_files import MODEL_SUFFIXES, load_specs, parse_models

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


def check(session, files: dict[str, str], handlers: dict, forms_dir: Path | None, form_hooks: FormHooks) -> dict:
    """Complete, classify and lint an upload: {'set', 'processes', 'errors', 'warnings'}; never raises on content."""
    errors = [problem(n, "onbekend bestandstype: alleen .bpmn, .dmn en .json") for n in files
              if not n.endswith(ALLOWED_SUFFIXES) or "/" in n or n.startswith(".")]
    files = {n: t for n, t in files.items() if n.endswith(ALLOWED_SUFFIXES) and "/" not in n and not n.startswith(".")}
    catalogue = Catalogue(session, forms_dir)
    found = model_set.complete(files, catalogue)
    errors += found.problems
    if errors:
        return {"set": found, "processes": [], "errors": errors, "warnings": []}
    procs, decs = found.index()
    executable = [pid for pid in found.candidates if procs[pid].executable]
    if not executable:
        errors.append(problem(None, "geen uitvoerbaar proces gevonden (een proces met isExecutable=\"true\"), en geen "
                                    "gedeployed proces gebruikt de geüploade bestanden"))
        return {"set": found, "processes": [], "errors": errors, "warnings": []}
    processes = [_classify(catalogue, found, procs, decs, pid) for pid in executable]
    ctx = LintContext(found.files, procs, decs, handlers, WORKER_ROLES, form_hooks)
    warnings = []
    for proc in processes:
        if proc["status"] == "unchanged" and procs[proc["id"]].file not in found.uploaded:
            continue
        findings = lint(procs[proc["id"]], ctx)
        errors += findings.errors
        warnings += findings.warnings
    if not errors:
        errors, spec_warnings = _spec_checks(found, [p["id"] for p in processes if p["status"] != "unchanged"])
        warnings += spec_warnings
    return {"set": found, "processes": processes, "errors": _unique(errors), "warnings": _unique(warnings)}


def summary(errors: list[dict]) -> str:
    """One Dutch sentence over the errors: the error itself when there is one."""
    if len(errors) == 1:
        return f"{where(errors[0]) or 'model'}: {errors[0]['message']}"
    return f"{len(errors)} fouten in het model; zie de lijst per element."


def _unique(problems: list[dict]) -> list[dict]:
    seen, out = set(), []
    for p in problems:
        key = tuple(sorted((k, str(v)) for k, v in p.items()))
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _classify(catalogue: Catalogue, found, procs, decs, pid: str) -> dict:
    """new / changed (with the parts and flow nodes that differ) / unchanged against the newest version."""
    refs = procs[pid]
    entry = {"id": pid, "name": refs.name or pid, "file": refs.file}
    new_parts = fingerprint.parts(pid, procs, decs, found.files)
    version = catalogue.newest(pid)
    if version is None:
        return {**entry, "status": "new", "previous_version": None}
    old = catalogue.deployment_set(version.deployment_id)
    old_parts = fingerprint.parts(pid, old["procs"], old["decs"], old["files"])
    entry["previous_version"] = version.version
    if fingerprint.digest(old_parts) == fingerprint.digest(new_parts):
        return {**entry, "status": "unchanged"}
    old_file = old["procs"][pid].file
    return {**entry, "status": "changed", "changed_parts": fingerprint.differing(old_parts, new_parts),
            "elements": node_diff(old["files"][old_file], found.files[refs.file], pid)}


def _spec_checks(found, process_ids: list[str]) -> tuple[list[dict], list[dict]]:
    """What only SpiffWorkflow's parse can tell: its own refusals, casus endings, loops."""
    errors, warnings = [], []
    try:
        parser = parse_models(found.files, found.trees)
        for pid in process_ids:
            spec, subs = load_specs(parser, pid, found.trees)
            errors += [problem(spec.file, p["message"], element_id=p.get("element")) for p in endings.problems(spec)]
            for checked in [spec, *embedded_specs(spec, subs)]:  # called processes are checked on their own
                warnings += loop_warnings(checked)
    except DeployRefused as err:
        errors += err.errors
    return errors, warnings


def validate(session, files: dict[str, str], handlers: dict, forms_dir: Path | None, form_hooks: FormHooks) -> dict:
    """{'processes', 'errors', 'warnings'} for the validate endpoint and the CLI."""
    checked = check(session, files, handlers, forms_dir, form_hooks)
    return {k: checked[k] for k in ("processes", "errors", "warnings")}


def deploy(session, files: dict[str, str], actor: str, now, handlers: dict, forms_dir: Path | None,
           form_hooks: FormHooks, comment: str | None = None) -> DeployResult:
    """Validate and store a version of every new or changed process; unchanged ones keep their version.
    ``comment`` (why, in the process owner's words) is kept with each new version and with the audit event of
    the deployment."""
    if not files:
        raise Invalid("Geen bestanden ontvangen.", {"files": "Lever minstens één .bpmn-bestand aan."})
    checked = check(session, files, handlers, forms_dir, form_hooks)
    if checked["errors"]:
        raise DeployRefused(summary(checked["errors"]), checked["errors"], warnings=checked["warnings"])
    found, processes = checked["set"], checked["processes"]
    to_store = [p for p in processes if p["status"] != "unchanged"]
    if to_store:
        deployment = _deployment(session, found, now, actor)
        for proc in to_store:
            current = session.scalar(select(func.max(ProcessVersion.version)).where(ProcessVersion.process_id == proc["id"]))
            proc["version"] = (current or 0) + 1
            session.add(ProcessVersion(process_id=proc["id"], version=proc["version"], name=proc["name"],
                                       deployment_id=deployment.id, deployed_at=now, deployed_by=actor,
                                       comment=comment))
        session.flush()
        trail.append_to_shared_chain(session, trail.DEPLOYMENT_CHAIN, "deployed", actor, now,
                                     {"checksum": deployment.checksum, "files": sorted(found.uploaded),
                                      "processes": [{"id": p["id"], "version": p["version"], "status": p["status"]}
                                                    for p in to_store], **({"comment": comment} if comment else {})},
                                     deployment.checksum)
    for proc in processes:
        proc.setdefault("version", proc["previous_version"])
    called = {c for proc in processes for c in found.index()[0][proc["id"]].calls}
    main = next((p for p in to_store + processes if p["id"] not in called), (to_store + processes)[0])
    return DeployResult(main["id"], main["version"], bool(to_store), processes, checked["warnings"])


def _deployment(session, found, now, actor) -> Deployment:
    """A new deployment row, or an earlier one with exactly these files (content reverted), which is reused."""
    for files, resolved in ((found.uploaded, found.resolved), ({**found.resolved, **found.uploaded}, {})):
        digest = checksum(files)
        existing = session.scalars(select(Deployment).where(Deployment.checksum == digest)).first()
        if existing is None:
            deployment = Deployment(checksum=digest, deployed_at=now, deployed_by=actor, files=files, resolved=resolved)
            session.add(deployment)
            session.flush()
            return deployment
        if existing.resolved == resolved or not existing.resolved:
            return existing
    return existing


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
    """(spec, subprocess_specs) of a deployed version; parsed once per content, looked up once per version."""
    def parse():
        deployment = session.get(Deployment, version.deployment_id)
        files = {**deployment.resolved, **deployment.files}
        return _cached_specs(json.dumps(files, sort_keys=True), version.process_id)

    return version_cache.cached(session, ("specs", version.id), parse)


def form_file(session, version_id: int, name: str) -> dict | None:
    """A form file of a version, read once per version: only that file's text, not the whole deployment."""
    def read():
        text = session.scalar(
            select(func.coalesce(Deployment.files[name].as_string(), Deployment.resolved[name].as_string()))
            .join(ProcessVersion, ProcessVersion.deployment_id == Deployment.id).where(ProcessVersion.id == version_id))
        return json.loads(text) if text else None

    return version_cache.cached(session, ("form", version_id, name), read)


def version_number(session, version_id: int) -> int:
    """The number a version was deployed as (per process id), read once per version."""
    return version_cache.cached(session, ("number", version_id),
                                lambda: session.scalar(select(ProcessVersion.version).where(ProcessVersion.id == version_id)))


def form_schemas(session, version_id: int) -> list[dict]:
    """Every form schema deployed with a version (JSON objects that declare properties), read once per version."""
    def read():
        version = session.get(ProcessVersion, version_id)
        deployment = session.get(Deployment, version.deployment_id)
        found = []
        for name, text in {**deployment.resolved, **deployment.files}.items():
            if name.endswith(".json"):
                loaded = json.loads(text)
                if isinstance(loaded, dict) and isinstance(loaded.get("properties"), dict):
                    found.append(loaded)
        return found

    return version_cache.cached(session, ("form_schemas", version_id), read)
