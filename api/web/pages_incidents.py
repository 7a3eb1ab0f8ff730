"""Resolving an incident from the zaak or casus page: retry with corrected data, or back to an earlier task.

The panel (templates/_storing.html) posts here; a refusal shows the page again with the Dutch errors at
their fields (422), a success returns to the page it came from."""
import json

from flask import Blueprint, flash, g, redirect, request, url_for

from api.web import pages_cases, pages_casus
from api.web.session import login_required, runtime
from engine.errors import Invalid
from engine.input_limits import load_json
from engine.instances import resolution
from engine.instances import service as instances

bp = Blueprint("web_incidents", __name__, url_prefix="/zaken")
FIELD_PREFIX = "veld-"


@bp.post("/<instance_id>/opnieuw")
@login_required
def retry(instance_id):
    rt = runtime()
    panel = resolution.panel(rt, instance_id, g.actor) or {"fields": []}
    try:
        instances.retry(rt, instance_id, g.actor, _correction(panel["fields"]))
    except Invalid as err:
        return _again(instance_id, err)
    flash("De stap is opnieuw uitgevoerd.", "melding")
    return _back(instance_id)


@bp.post("/<instance_id>/terugzetten")
@login_required
def reset(instance_id):
    try:
        instances.reset(runtime(), instance_id, request.form.get("to_element", ""), g.actor)
    except Invalid as err:
        return _again(instance_id, err)
    flash("De zaak staat weer bij de gekozen taak.", "melding")
    return _back(instance_id)


def _correction(fields: list[dict]) -> dict:
    """The filled-in fields of the panel's form, read by their type; an empty field is no correction."""
    data = {}
    for field in fields:
        raw = (request.form.get(FIELD_PREFIX + field["name"]) or "").strip()
        if raw:
            data[field["name"]] = _typed(raw, field.get("type"))
    return data


def _typed(raw: str, kind):
    if kind == "boolean":
        return raw == "ja"
    if kind in ("integer", "number", "object", "array"):
        try:
            return load_json(raw)
        except (ValueError, json.JSONDecodeError):
            return raw  # refused by the form's schema, at its field
    return raw


def _again(instance_id: str, err: Invalid):
    refused = {"message": err.message, "fields": err.fields, "values": request.form,
               "invalid": {key.split(".")[0] for key in err.fields}}
    casus_id = request.form.get("casus")
    if casus_id:
        return pages_casus.casus_page(casus_id, refused=refused, status=422)
    return pages_cases.case_page(instance_id, refused=refused, status=422)


def _back(instance_id: str):
    casus_id = request.form.get("casus")
    if casus_id:
        return redirect(url_for("web_casus.show", casus_id=casus_id), code=303)
    return redirect(url_for("web_cases.show", instance_id=instance_id), code=303)
