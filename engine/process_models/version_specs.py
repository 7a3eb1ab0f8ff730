"""Parsed specs per process version: a version never changes, so a runtime parses it once.

Stored states refer to their version (the instance row's ``process_version_id``) instead of
carrying the spec; every load puts this cache's spec objects back. The cache lives in the runtime,
not the module, because a version id means something only within one database.
"""
from engine.persistence.tables import ProcessVersion
from engine.process_models.deployments import specs_for


class VersionSpecs:
    """``(spec, subprocess_specs)`` by process version id."""

    def __init__(self):
        self._specs: dict[int, tuple] = {}

    def __call__(self, session, version_id: int) -> tuple:
        specs = self._specs.get(version_id)
        if specs is None:
            parsed = specs_for(session, session.get(ProcessVersion, version_id))
            specs = self._specs.setdefault(version_id, parsed)  # two threads may parse; one result is kept
        return specs
