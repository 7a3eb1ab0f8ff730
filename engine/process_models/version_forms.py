"""The forms a deployed version shows, in flow order, each with the name of the user task that shows
it: where a data view finds the Dutch titles of the values workers typed."""
import json

from engine.persistence.tables import Deployment, ProcessVersion
from engine.process_models.deployments import specs_for
from engine.process_models.references import FORM_PROPERTIES


def of_version(session, version: ProcessVersion) -> list[tuple[str, dict]]:
    """(task name, JSON Schema) per form of the version and the processes it calls, each form once."""
    spec, subprocesses = specs_for(session, version)
    deployment = session.get(Deployment, version.deployment_id)
    files = {**deployment.resolved, **deployment.files}
    found: dict[str, tuple[str, dict]] = {}
    for process in [spec, *subprocesses.values()]:
        for task in process.task_specs.values():
            name = getattr(task, "extensions", {}).get("properties", {}).get(FORM_PROPERTIES[0])
            if name in files and name not in found:
                found[name] = (task.bpmn_name or task.bpmn_id, json.loads(files[name]))
    return list(found.values())
