"""Who is logged in to the web UI: a signed session cookie naming the user, with an idle timeout.

Roles are looked up on every request (as for API tokens), so a changed role takes effect at once. The
cookie carries the user's token generation: logging out bumps it server-side, so a copy of the cookie
replayed afterwards is refused (engine/security/revocation.py).
The idle timeout runs on the runtime's clock, so tests can let a session expire.
"""
from functools import wraps
from urllib.parse import urlsplit

from flask import current_app, flash, g, redirect, request, session, url_for

from api.extension import runtime
from engine.security import revocation, users


def _now() -> float:
    return runtime().clock.now().timestamp()


def start(account: users.Account) -> None:
    """Begin a fresh session (a new CSRF token too), so a session id cannot be planted before login."""
    session.clear()
    session["user"], session["gen"], session["seen"] = account.actor.username, account.generation, _now()


def end() -> None:
    """Log out everywhere: this cookie, any copy of it and the user's API tokens stop working."""
    actor = current_actor()
    if actor is not None:
        revocation.end_all(runtime(), actor.username)
    session.clear()


def current_actor():
    username, seen = session.get("user"), session.get("seen")
    if not username or seen is None:
        return None
    if _now() - seen > current_app.config["WEB_SESSION_IDLE_SECONDS"]:
        return None
    account = users.find_account(runtime(), username)
    if account is None or account.generation != session.get("gen"):
        return None
    session["seen"] = _now()
    return account.actor


def safe_next(target: str | None) -> str:
    """Only a path on this site may be a redirect target after login."""
    parts = urlsplit(target or "")
    if not target or parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return url_for("web_tasks.home")
    return target


def login_required(view):
    """Send a visitor without a valid session to the login page, remembering where they were."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        g.actor = current_actor()
        if g.actor is None:
            if session.get("user"):
                flash("Uw sessie is verlopen. Log opnieuw in.", "melding")
            session.pop("user", None)
            target = request.full_path.rstrip("?") if request.method == "GET" else request.path
            return redirect(url_for("web_auth.login", next=target))
        return view(*args, **kwargs)

    return wrapper
