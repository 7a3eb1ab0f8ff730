"""Data names the engine writes itself: a form may not declare them and no submission may hold them.

``casus_id`` and ``regio`` are set when a casus's instance starts, ``duo`` by the duo assignment,
``adviestafel_dossier`` by the pseudonymisation step. Access is decided on the engine's own columns,
not on these; still, a worker must not be able to rewrite what the letters and dossiers are made of.
"""
from engine.process_models.declared_fields import top_level_properties

RESERVED_NAMES = ("casus_id", "regio", "duo", "adviestafel_dossier")
RESERVED = "Deze gegevens zet de engine zelf; een formulier mag ze niet invullen."


def reserved_in(data: dict) -> dict[str, str]:
    """Each reserved name among the submitted top-level fields, with the Dutch message."""
    return {name: RESERVED for name in RESERVED_NAMES if name in data}


def declared_reserved(schema: dict) -> list[str]:
    """The reserved names a form's schema declares at its top level (branches included)."""
    declared = top_level_properties(schema) if isinstance(schema, dict) else set()
    return [name for name in RESERVED_NAMES if name in declared]
