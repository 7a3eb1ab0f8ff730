"""What the logged-in user may do, for templates: menus and buttons follow the authorization matrix.

Templates ask ``mag('task.complete')`` (an action of engine.security.authorization), never a role name,
so a link is shown exactly where the page behind it answers. ``landing()`` is the first page the user may use.
"""
from flask import g, url_for

from engine.security import authorization

#: The main menu: (label, endpoint, any of these actions), in order; the first the user may use is the landing page.
MENU = (
    ("Mijn taken", "web_tasks.worklist", (authorization.COMPLETE,)),
    ("Casussen", "web_casus.index", (authorization.READ,)),
    ("Zaken", "web_cases.index", (authorization.READ,)),
    ("Procesmodellen", "web_models.index", (authorization.MODELS, authorization.USAGE)),
    ("Toegangslog", "web_access_log.index", (authorization.AUDIT,)),
)


def mag(*actions: str) -> bool:
    """Whether the logged-in user's roles allow any of ``actions`` at all."""
    actor = g.get("actor")
    return actor is not None and any(authorization.allows(actor, action) for action in actions)


def menu() -> list[tuple[str, str]]:
    """(label, url) of the menu entries the logged-in user may use."""
    return [(label, url_for(endpoint)) for label, endpoint, actions in MENU if mag(*actions)]


def landing() -> str:
    entries = menu()
    return entries[0][1] if entries else url_for("web_auth.login")


def init_app(app) -> None:
    app.jinja_env.globals.update(mag=mag, menu=menu)
