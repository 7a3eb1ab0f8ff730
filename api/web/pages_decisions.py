"""Beslissing uitproberen: a form of a deployed decision's inputs; the outputs and matched rules."""
from decimal import Decimal, InvalidOperation

from flask import Blueprint, g, render_template, request

from api.web.session import login_required, runtime
from engine.decisions import service as decisions
from engine.errors import Invalid

bp = Blueprint("web_decisions", __name__, url_prefix="/beslissingen")
NUMBER_TYPES = ("number", "integer", "int", "long", "double", "decimal")


def form_variables(inputs: list[dict], form) -> dict:
    """Form text as typed values; an empty field is left out, text that is no number stays text (and is refused)."""
    variables = {}
    for item in inputs:
        text = form.get(item["name"], "").strip()
        if not text:
            continue
        if item["type"] in NUMBER_TYPES:
            variables[item["name"]] = _number(text)
        elif item["type"] == "boolean":
            variables[item["name"]] = {"true": True, "false": False}.get(text, text)
        else:
            variables[item["name"]] = text
    return variables


def _number(text: str):
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return text
    return int(number) if number == number.to_integral_value() else float(number)


@bp.route("/<decision_id>", methods=["GET", "POST"])
@login_required
def try_page(decision_id):
    decision = decisions.describe(runtime(), decision_id, g.actor)
    context = {"decision": decision, "values": request.form if request.method == "POST" else {}}
    if request.method == "GET":
        return render_template("beslissing.html", **context)
    try:
        result = decisions.try_decision(runtime(), decision_id, form_variables(decision["inputs"], request.form),
                                        g.actor)
    except Invalid as err:
        return render_template("beslissing.html", error=err.message, fields=err.fields, **context), 422
    return render_template("beslissing.html", result=result,
                           matched_rows={r["row"] for r in result["matched_rules"]}, **context)
