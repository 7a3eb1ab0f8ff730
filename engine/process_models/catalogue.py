"""What is deployed, seen as files: the newest version of each process, form and decision.

An upload of a few changed files is completed from here (``model_set``), and a deployed version's
content is compared with an upload (``fingerprint``).
"""
from pathlib import Path

from sqlalchemy import select

from engine.persistence.tables import Deployment, ProcessVersion
from engine.process_models import references
from engine.spiff.bpmn_files import model_tree


class Catalogue:
    """Read-only lookups in one session; deployments are parsed once per catalogue."""

    def __init__(self, session, forms_dir: Path | None):
        self.session, self.forms_dir = session, forms_dir
        self._sets: dict[int, dict] = {}

    def deployment_set(self, deployment_id: int) -> dict:
        """{'files': all files, 'procs': process refs, 'decs': decision id -> file} of one deployment."""
        if deployment_id not in self._sets:
            deployment = self.session.get(Deployment, deployment_id)
            files = {**deployment.resolved, **deployment.files}
            trees = {n: model_tree(n, t) for n, t in files.items() if n.endswith((".bpmn", ".dmn"))}
            procs, decs = references.index(trees)
            self._sets[deployment_id] = {"files": files, "procs": procs, "decs": decs}
        return self._sets[deployment_id]

    def newest(self, process_id: str) -> ProcessVersion | None:
        return self.session.scalars(select(ProcessVersion).where(ProcessVersion.process_id == process_id)
                                    .order_by(ProcessVersion.version.desc()).limit(1)).first()

    def process_file(self, process_id: str) -> tuple[str, str] | None:
        """(file name, text) defining the newest deployed version of ``process_id``."""
        version = self.newest(process_id)
        if version is None:
            return None
        found = self.deployment_set(version.deployment_id)
        refs = found["procs"].get(process_id)
        return (refs.file, found["files"][refs.file]) if refs else None

    def newest_processes(self) -> list[tuple[str, str, str]]:
        """(process id, file name, text) of every deployed process's newest version."""
        ids = self.session.scalars(select(ProcessVersion.process_id).group_by(ProcessVersion.process_id)
                                   .order_by(ProcessVersion.process_id)).all()
        return [(pid, *found) for pid in ids if (found := self.process_file(pid))]

    def _deployments_newest_first(self):
        return self.session.scalars(select(Deployment.id).order_by(Deployment.id.desc())).all()

    def file(self, name: str) -> str | None:
        """A form (or other file) from the newest deployment holding it, else from ``forms_dir``."""
        for deployment_id in self._deployments_newest_first():
            deployment = self.session.get(Deployment, deployment_id)
            text = deployment.files.get(name) or deployment.resolved.get(name)
            if text is not None:
                return text
        path = self.forms_dir / name if self.forms_dir is not None and name.endswith(".json") else None
        return path.read_text(encoding="utf-8") if path is not None and path.is_file() else None

    def decision_file(self, decision_id: str) -> tuple[str, str] | None:
        """(file name, text) of the newest deployed DMN file defining ``decision_id``."""
        for deployment_id in self._deployments_newest_first():
            found = self.deployment_set(deployment_id)
            if decision_id in found["decs"]:
                name = found["decs"][decision_id]
                return name, found["files"][name]
        return None
