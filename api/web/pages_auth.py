"""Login and logout pages."""
from flask import Blueprint, flash, redirect, render_template, request, url_for

from api.auth import client_address
from api.web import session as web_session
from engine.errors import Locked
from engine.security import users

bp = Blueprint("web_auth", __name__)


@bp.route("/inloggen", methods=["GET", "POST"])
def login():
    target = web_session.safe_next(request.values.get("next"))
    if request.method == "GET":
        return render_template("inloggen.html", next=target)
    try:
        account = users.authenticate(web_session.runtime(), request.form.get("username", ""),
                                     request.form.get("password", ""), client_address())
    except Locked as err:
        flash(err.message, "fout")
        return render_template("inloggen.html", next=target, username=request.form.get("username", "")), 429
    if account is None:
        flash("Onjuiste gebruikersnaam of wachtwoord.", "fout")
        return render_template("inloggen.html", next=target, username=request.form.get("username", "")), 401
    web_session.start(account)
    return redirect(target, code=303)


@bp.post("/uitloggen")
def logout():
    web_session.end()
    flash("U bent uitgelogd.", "melding")
    return redirect(url_for("web_auth.login"), code=303)
