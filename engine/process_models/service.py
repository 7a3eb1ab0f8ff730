"""Process-model use cases for process owners: deploy, validate and download files, each one unit of work."""
import mimetypes

from engine.errors import Invalid, NotFound
from engine.persistence.lookups import version_or_404
from engine.persistence.tables import Deployment
from engine.instances import queries
from engine.process_models import deployments, diff
from engine.security import authorization
from engine.security.actors import Actor


def _require_owner(actor: Actor) -> None:
    authorization.require(actor, authorization.MODELS)


MAX_COMMENT = 1000


def deploy(rt, files: dict[str, str], actor: Actor, comment: str | None = None) -> deployments.DeployResult:
    """Deploy what changed; ``comment`` says why (optional, kept with the new versions)."""
    _require_owner(actor)
    comment = (comment or "").strip() or None
    if comment is not None and len(comment) > MAX_COMMENT:
        raise Invalid(f"De toelichting is te lang (maximaal {MAX_COMMENT} tekens).",
                      {"comment": f"Maximaal {MAX_COMMENT} tekens."})
    with rt.uow() as uow:
        result = deployments.deploy(uow.session, files, actor.username, rt.clock.now(), rt.handlers, rt.forms_dir,
                                    rt.form_hooks, comment)
        uow.commit()
        return result


def validate(rt, files: dict[str, str], actor: Actor | None = None) -> dict:
    """{'processes', 'errors', 'warnings'} without deploying (``actor`` None: the CLI)."""
    if actor is not None:
        _require_owner(actor)
    with rt.uow() as uow:
        return deployments.validate(uow.session, files, rt.handlers, rt.forms_dir, rt.form_hooks)


def compare(rt, process_id: str, old_version: int, new_version: int) -> dict:
    """The difference between two deployed versions of ``process_id``."""
    old_xml = queries.version_diagram(rt, process_id, old_version)
    new_xml = queries.version_diagram(rt, process_id, new_version)
    return {"process_model": process_id, "from": old_version, "to": new_version,
            **diff.diff(old_xml, new_xml, process_id)}


def _deployment_of(session, process_id: str, version: int) -> Deployment:
    return session.get(Deployment, version_or_404(session, process_id, version).deployment_id)


def version_file(rt, process_id: str, version: int, name: str) -> tuple[str, str]:
    """(text, content type) of one file deployed with a version: uploaded or pinned from earlier versions."""
    with rt.uow() as uow:
        deployment = _deployment_of(uow.session, process_id, version)
        text = {**deployment.resolved, **deployment.files}.get(name)
        if text is None:
            raise NotFound(f"Bestand '{name}' hoort niet bij versie {version} van procesmodel '{process_id}'.")
        return text, CONTENT_TYPES.get(name.rsplit(".", 1)[-1], mimetypes.guess_type(name)[0] or "text/plain")


def version_file_names(rt, process_id: str, version: int) -> list[str]:
    with rt.uow() as uow:
        deployment = _deployment_of(uow.session, process_id, version)
        return sorted({**deployment.resolved, **deployment.files})


CONTENT_TYPES = {"bpmn": "application/xml", "dmn": "application/xml", "json": "application/json"}
