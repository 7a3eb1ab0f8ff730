"""What the web modeler opens and offers: the newest deployed files of a model, and the choices its
properties panel lists (forms, decisions, processes to chain to, roles, casus statuses)."""
from engine.casus.endings import CASUS_STATUSES
from engine.errors import NotFound
from engine.process_models.catalogue import Catalogue
from engine.security import authorization
from engine.security.actors import WORKER_ROLES, Actor

FORM_SUFFIX, UI_SUFFIX = "-schema.json", "-uischema.json"


def newest_files(rt, process_id: str, actor: Actor) -> dict:
    """{'process_id', 'name', 'version', 'file', 'files'}: the BPMN file defining ``process_id`` in its newest
    version, and the files it uses (its forms and decision files), which are edited alongside."""
    authorization.require(actor, authorization.MODELS)
    with rt.uow() as uow:
        catalogue = Catalogue(uow.session, rt.forms_dir)
        version = catalogue.newest(process_id)
        if version is None:
            raise NotFound(f"Procesmodel '{process_id}' bestaat niet.")
        found = catalogue.deployment_set(version.deployment_id)
        refs = found["procs"][process_id]
        used = {refs.file, *refs.forms, *(found["decs"][d] for d in refs.decisions if d in found["decs"])}
        return {"process_id": process_id, "name": version.name, "version": version.version, "file": refs.file,
                "files": sorted(name for name in used if name in found["files"])}


def choices(rt, actor: Actor) -> dict:
    """The values the modeler's panels offer, from the newest deployed versions and ``forms/``."""
    authorization.require(actor, authorization.MODELS)
    with rt.uow() as uow:
        catalogue = Catalogue(uow.session, rt.forms_dir)
        processes = [pid for pid, _file, _text in catalogue.newest_processes()]
        sets = [catalogue.deployment_set(catalogue.newest(pid).deployment_id) for pid in processes]
    local = [path.name for path in rt.forms_dir.glob("*.json")] if rt.forms_dir is not None else []
    files = set(local) | {name for found in sets for name in found["files"]}
    forms = sorted(name[:-len(FORM_SUFFIX)] for name in files if name.endswith(FORM_SUFFIX))
    return {"forms": [{"name": form, "schema": form + FORM_SUFFIX,
                       "uischema": form + UI_SUFFIX if form + UI_SUFFIX in files else None} for form in forms],
            "decisions": sorted({decision for found in sets for decision in found["decs"]}),
            "processes": processes, "roles": sorted(WORKER_ROLES), "casus_statuses": list(CASUS_STATUSES)}
