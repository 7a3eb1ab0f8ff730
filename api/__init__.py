"""Flask app factory: the REST API under /api/v1 and the Dutch web UI."""
import os
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from api import extension, secrets_config
from api.json_provider import BoundedJSONProvider
from engine.bootstrap import build_runtime


def default_database_url(instance_path: str) -> str:
    return "sqlite:///" + str(Path(instance_path) / "levensloop.sqlite3")


def create_app(test_config: dict | None = None, runtime=None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.json = BoundedJSONProvider(app)
    if secrets_config.demo_mode():
        secrets_config.load_demo_secrets(app.instance_path)
    app.config.from_mapping(
        SECRET_KEY=secrets_config.secret_key(),
        SECRET_KEY_FALLBACKS=secrets_config.secret_key_fallbacks(),
        DATABASE_URL=os.environ.get("DATABASE_URL") or default_database_url(app.instance_path),
        TOKEN_MAX_AGE=int(os.environ.get("LEVENSLOOP_TOKEN_MAX_AGE", 8 * 3600)),
        MAX_CONTENT_LENGTH=5 * 1024 * 1024,
        MAX_DEPLOY_FILES=50,  # per deployment upload; more is a 422
        MAX_DEPLOY_FILE_SIZE=2 * 1024 * 1024,  # bytes per uploaded file; larger is a 422
        TRUSTED_PROXIES=_trusted_proxies(),
    )
    if test_config:
        app.config.from_mapping(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.extensions[extension.NAME] = runtime or build_runtime(app.config["DATABASE_URL"])

    from api import (
        cli,
        errors,
        openapi,
        routes_audit,
        routes_auth,
        routes_casussen,
        routes_decisions,
        routes_documents,
        routes_handlers,
        routes_instances,
        routes_models,
        routes_notifications,
        routes_task_claims,
        routes_tasks,
        routes_users,
    )

    errors.init_app(app)
    for blueprint in (routes_auth.bp, routes_models.bp, routes_instances.bp, routes_tasks.bp, routes_audit.bp,
                      routes_notifications.bp, routes_casussen.bp, routes_decisions.bp, routes_users.bp,
                      routes_documents.bp, routes_task_claims.bp, routes_handlers.bp, openapi.bp):
        app.register_blueprint(blueprint)
    cli.init_app(app)
    from api import web

    web.init_app(app)
    if app.config["TRUSTED_PROXIES"]:  # the client's address and scheme as the reverse proxies saw them
        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    return app


def _trusted_proxies() -> int:
    """How many reverse proxies stand before the app (LEVENSLOOP_TRUSTED_PROXIES); 0 trusts no forwarded header."""
    value = os.environ.get("LEVENSLOOP_TRUSTED_PROXIES", "0")
    if not value.isdigit():
        raise SystemExit(f"LEVENSLOOP_TRUSTED_PROXIES moet een aantal zijn (0, 1, 2, …), niet {value!r}")
    return int(value)
