"""The Dutch names a deployed version gives its elements and (sub)processes, so pages show
"Casus Op Maat overleg" and "Detentie" where the trail and the worklist keep ids."""
from sqlalchemy import select

from engine.persistence.tables import ProcessInstance, ProcessVersion
from engine.process_models.deployments import specs_for


def of_version(session, version: ProcessVersion) -> dict[str, str]:
    """Element id or (sub)process id → its name, for every element of the version that has one."""
    spec, subprocesses = specs_for(session, version)
    processes = [spec, *subprocesses.values()]
    names = {task.bpmn_id: task.bpmn_name for process in processes for task in process.task_specs.values()
             if getattr(task, "bpmn_id", None) and getattr(task, "bpmn_name", None)}
    names.update({process.name: process.description for process in processes if process.description})
    return names


def of_instances(session, instance_ids) -> dict[str, dict[str, str]]:
    """The names of each instance's version, by instance id (each version read once)."""
    rows = session.execute(select(ProcessInstance.id, ProcessVersion)
                           .join(ProcessVersion, ProcessVersion.id == ProcessInstance.process_version_id)
                           .where(ProcessInstance.id.in_(set(instance_ids)))).all()
    by_version: dict[int, dict[str, str]] = {}
    for _, version in rows:
        if version.id not in by_version:
            by_version[version.id] = of_version(session, version)
    return {instance_id: by_version[version.id] for instance_id, version in rows}
