"""The Dutch web UI: server-rendered pages that call the same service layer as the REST API."""
import os

from api.web import (
    errors,
    pages_access_log,
    pages_audit,
    pages_auth,
    pages_cases,
    pages_casus,
    pages_decisions,
    pages_incidents,
    pages_modeler,
    pages_models,
    pages_task_claims,
    pages_tasks,
    permissions,
    present,
    security,
)


def init_app(app) -> None:
    app.config.setdefault("SESSION_COOKIE_SECURE", os.environ.get("LEVENSLOOP_SECURE_COOKIES") == "1")
    app.config.setdefault("WEB_SESSION_IDLE_SECONDS", int(os.environ.get("LEVENSLOOP_SESSION_IDLE", 30 * 60)))
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
    security.init_app(app)
    present.init_app(app)
    permissions.init_app(app)
    for blueprint in (pages_auth.bp, pages_tasks.bp, pages_casus.bp, pages_cases.bp, pages_models.bp, pages_audit.bp,
                      pages_access_log.bp, pages_decisions.bp, pages_modeler.bp, pages_task_claims.bp,
                      pages_incidents.bp):
        app.register_blueprint(blueprint)


__all__ = ["errors", "init_app"]
