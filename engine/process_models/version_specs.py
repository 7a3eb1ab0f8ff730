"""The serialized spec of each process version: a version never changes, so a runtime parses it once.

Stored states refer to their version (the instance row's ``process_version_id``) instead of carrying
the spec; loading or starting a workflow restores spec objects of its own from this text (see
``engine.spiff.serialization`` for why they are not shared). The cache lives in the runtime, not the
module, because a version id means something only within one database.
"""
from dataclasses import dataclass

from engine.persistence.tables import ProcessVersion
from engine.process_models.deployments import specs_for
from engine.spiff import serialization


@dataclass(frozen=True)
class VersionSpec:
    id: int
    serialized: str  # serialization.serialized_specs of the version as parsed


class VersionSpecs:
    """``VersionSpec`` by process version id."""

    def __init__(self):
        self._specs: dict[int, VersionSpec] = {}

    def __call__(self, session, version_id: int) -> VersionSpec:
        found = self._specs.get(version_id)
        if found is None:
            parsed = specs_for(session, session.get(ProcessVersion, version_id))
            found = self._specs.setdefault(version_id, VersionSpec(version_id, serialization.serialized_specs(*parsed)))
        return found
