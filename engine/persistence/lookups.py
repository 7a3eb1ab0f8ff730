"""Loading a row or refusing with NotFound: one wording for every caller."""
from engine.errors import NotFound
from engine.persistence.tables import ProcessInstance


def instance_or_404(session, instance_id: str) -> ProcessInstance:
    """The stored instance, or NotFound (HTTP 404) naming the id."""
    instance = session.get(ProcessInstance, instance_id)
    if instance is None:
        raise NotFound(f"Procesinstantie '{instance_id}' bestaat niet.")
    return instance
