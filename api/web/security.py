"""Browser hardening for every response, and a CSRF token checked on every HTML form POST."""
import secrets

from flask import flash, jsonify, redirect, request, session

from api.web.errors import wants_json

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


def csp_with_style_hashes(*hashes: str) -> str:
    """The same policy, allowing only the inline style attributes with these exact SHA-256 hashes."""
    allowed = " ".join(f"'sha256-{h}'" for h in hashes)
    return CSP.replace("style-src 'self'", f"style-src 'self' 'unsafe-hashes' {allowed}")


HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
CSRF_FIELD = "csrf_token"


def csrf_token() -> str:
    """The session's token, created on first use; forms carry it in a hidden field."""
    if CSRF_FIELD not in session:
        session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return session[CSRF_FIELD]


def _check_csrf():
    """Refuse a form POST without the session's token: nothing is done, the page is offered again."""
    if request.method != "POST" or request.path.startswith("/api/"):
        return None
    sent, expected = request.form.get(CSRF_FIELD, ""), session.get(CSRF_FIELD, "")
    if expected and secrets.compare_digest(sent.encode(), expected.encode()):
        return None
    message = "Het formulier was verlopen of ongeldig en is niet verwerkt. Probeer het opnieuw."
    if wants_json():  # a page's script: it shows the message itself
        return jsonify({"error": "csrf", "message": message}), 400
    flash(message, "fout")
    return redirect(request.path, code=303)


def _add_headers(response):
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app) -> None:
    app.before_request(_check_csrf)
    app.after_request(_add_headers)
    app.jinja_env.globals["csrf_token"] = csrf_token
