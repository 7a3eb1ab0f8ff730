"""Documents a step made — the toewijzingsbrief is ``{"html", "pdf_base64", "filename"}`` in the process
data — read for download as the instance's scope allows, and logged like any read of case data."""
import base64
import binascii

from engine.audit import access_log
from engine.errors import NotFound
from engine.security import authorization, scope
from engine.spiff.state_data import process_data

PERSONAL_KEYS = {"persoon"}


def is_document(value) -> bool:
    return isinstance(value, dict) and isinstance(value.get("html"), str) and isinstance(value.get("filename"), str)


def read(rt, instance_id: str, name: str, actor, kind: str) -> dict:
    """``{"filename", "content"}`` of document ``name`` as ``kind`` (``pdf`` bytes or ``html`` text); an instance
    out of scope, an unknown name or a document without that kind is NotFound."""
    with rt.uow() as uow:
        instance, view = scope.instance_in_scope(uow.session, actor, instance_id)
        document = authorization.visible_data(process_data(instance), view).get(name)
    content = _content(document, kind) if is_document(document) else None
    if content is None:
        raise NotFound(f"Document '{name}' bestaat niet bij deze zaak.")
    access_log.record(rt, actor, instance_id, "document", [document], PERSONAL_KEYS)
    stem = document["filename"].rsplit(".", 1)[0] or name
    return {"filename": f"{stem}.{kind}", "content": content}


def _content(document: dict, kind: str):
    if kind == "html":
        return document["html"]
    if kind == "pdf" and isinstance(document.get("pdf_base64"), str):
        try:
            return base64.b64decode(document["pdf_base64"], validate=True)
        except (binascii.Error, ValueError):
            return None
    return None
