"""Dutch error pages for the web UI; the REST API keeps its JSON errors (see api/errors.py)."""
from flask import g, render_template, request

TITLES = {400: "Ongeldig verzoek", 403: "Geen toegang", 404: "Pagina niet gevonden", 405: "Niet toegestaan",
          409: "Conflict", 413: "Te groot", 422: "Ongeldige invoer", 500: "Er ging iets mis"}


def wants_json() -> bool:
    """The REST API, and pages' scripts that ask for JSON (the modeler), get JSON errors."""
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def error_page(status: int, message: str):
    g.setdefault("actor", None)
    return render_template("fout.html", status=status, title=TITLES.get(status, "Fout"), message=message), status
