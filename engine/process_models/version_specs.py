"""The serialized spec of each process version: a version never changes, so a runtime parses it once.

Stored states refer to their version (the instance row's ``process_version_id``) instead of carrying
the spec; loading or starting a workflow restores spec objects of its own from this text (see
``engine.spiff.serialization`` for why they are not shared). The text is kept in the per-database
``version_cache``, as everything else read from an immutable version.
"""
from dataclasses import dataclass

from engine.persistence.tables import ProcessVersion
from engine.process_models import version_cache
from engine.process_models.deployments import specs_for
from engine.spiff import serialization


@dataclass(frozen=True)
class VersionSpec:
    id: int
    serialized: str  # serialization.serialized_specs of the version as parsed


class VersionSpecs:
    """``VersionSpec`` by process version id (the runtime's ``specs``)."""

    def __call__(self, session, version_id: int) -> VersionSpec:
        def parse() -> VersionSpec:
            parsed = specs_for(session, session.get(ProcessVersion, version_id))
            return VersionSpec(version_id, serialization.serialized_specs(*parsed))

        return version_cache.cached(session, ("serialized_specs", version_id), parse)
