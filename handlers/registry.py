"""The name → function tables the engine resolves service tasks and form hooks against, and the parameters each takes."""
import inspect

from handlers import (bedden, brief, duo, echo, escalatie, gezin, klinisch, overdracht, pseudonimisering, risicotaxatie,
                      wmo)

HANDLERS = {
    "echo": echo.echo,
    "escalatie_termijnen": escalatie.escalatie_termijnen,
    "risicotaxatie_volgende_datum": risicotaxatie.risicotaxatie_volgende_datum,
    "pseudonimiseren": pseudonimisering.pseudonimiseren,
    "duo_voorstellen": duo.duo_voorstellen,
    "duo_vaststellen": duo.duo_vaststellen,
    "toewijzingsbrief": brief.toewijzingsbrief,
    "klinische_opschaling_toetsen": klinisch.klinische_opschaling_toetsen,
    "bedden_beschikbaarheid": bedden.bedden_beschikbaarheid,
    "bed_reserveren": bedden.bed_reserveren,
    "bed_vrijgeven": bedden.bed_vrijgeven,
    "overdracht_beoordelen_per": overdracht.overdracht_beoordelen_per,
    "gezin_professionals": gezin.gezin_professionals,
    "wmo_termijnen": wmo.wmo_termijnen,
    "wmo_volgend_moment": wmo.wmo_volgend_moment,
}

#: Form hooks (engine.process_models.form_hooks): a field's ``x-choices`` and a form's ``x-check``.
FORM_CHOICES = {
    "casemanager_zorg_keuzes": duo.casemanager_zorg_keuzes,
    "casusregisseur_gemeente_keuzes": duo.casusregisseur_gemeente_keuzes,
}
FORM_CHECKS = {
    "anoniem_dossier": pseudonimisering.anoniem_dossier,
}


def parameters(handler) -> dict:
    """{'required', 'optional', 'open'}: the names a service task passes (the context argument excluded).

    Read from the signature, so a handler's parameters are declared once, where it is written.
    """
    params = list(inspect.signature(handler).parameters.values())[1:]
    named = [p for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
    return {"required": [p.name for p in named if p.default is p.empty],
            "optional": [p.name for p in named if p.default is not p.empty],
            "open": any(p.kind == p.VAR_KEYWORD for p in params)}
