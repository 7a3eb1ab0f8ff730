"""A stored instance's workflow, state hash and diagram markers: its state joined with its version's cached spec."""
from engine.persistence.tables import ProcessInstance
from engine.spiff import diagrams, hash_versions, serialization


def load(rt, session, instance: ProcessInstance, script_engine, owned: bool = False):
    """The instance's workflow, its spec from the version the instance row names (``owned``: see
    ``serialization.load``)."""
    return serialization.load(instance.state, script_engine, rt.specs(session, instance.process_version_id).serialized,
                              owned=owned)


def state_hash(rt, session, instance: ProcessInstance, hash_version: int) -> str:
    """The hash of ``hash_version`` of the stored state, to compare with the trail's last event."""
    specs = rt.specs(session, instance.process_version_id).serialized
    if hash_version == hash_versions.V1:
        return hash_versions.hash_v1(instance.state, specs)
    return hash_versions.hash_v2(serialization.load(instance.state, None, specs), instance.process_version_id)


def element_markers(rt, session, instance: ProcessInstance) -> dict[str, list[str]]:
    """The elements a diagram of the instance highlights (``engine.spiff.diagrams``)."""
    return diagrams.element_markers(instance.state or {}, rt.specs(session, instance.process_version_id).serialized)
