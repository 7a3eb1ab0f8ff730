"""The ``levensloop`` command: database, deploy, validate, users, serve, demo."""
from pathlib import Path

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext
from werkzeug.serving import run_simple

from api.cli_audit import audit_group, replay_command
from api.cli_common import fail, read_model_files
from api.cli_security import keys_group, retention_group
from api.cli_timers import clock_group, scheduler_command
from api.demo import demo_command
from api.extension import runtime as _rt
from api.secrets_config import require_secrets
from engine.errors import DeployRefused, EngineError
from engine.persistence import app_login
from engine.persistence.migrate import upgrade
from engine.process_models import service as model_service
from engine.process_models.deployments import summary
from engine.process_models.problems import where
from engine.security import revocation, users
from engine.security.actors import Actor

#: who the CLI acts as for user administration: whoever may run it administers the installation
CLI_BEHEERDER = Actor("levensloop-cli", frozenset({"beheerder"}))


@click.group("db")
def db_group():
    """Database schema."""


@db_group.command("upgrade")
@with_appcontext
def db_upgrade():
    """Create or migrate the schema to the newest version (Alembic)."""
    upgrade(current_app.config["DATABASE_URL"])
    click.echo("Database bijgewerkt.")


@db_group.command("app-login")
@click.argument("username")
@click.password_option("--password", envvar="LEVENSLOOP_APP_DB_PASSWORD",
                       help="Ook uit LEVENSLOOP_APP_DB_PASSWORD; anders gevraagd.")
@with_appcontext
def db_app_login(username, password):
    """Create (or update) the PostgreSQL login role the web processes and schedulers connect as."""
    try:
        new = app_login.ensure(current_app.config["DATABASE_URL"], username, password)
    except EngineError as err:
        fail(err)
    click.echo(f"Databaserol {username} {'aangemaakt' if new else 'bijgewerkt'} (lid van levensloop_app).")


@click.command("deploy")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--as-user", default="proceseigenaar", show_default=True)
@with_appcontext
def deploy_command(paths, as_user):
    """Deploy every .bpmn/.dmn/.json file in PATHS (directories or files)."""
    try:
        result = model_service.deploy(_rt(), read_model_files(list(paths)), Actor(as_user, frozenset({"proceseigenaar"})))
    except EngineError as err:
        fail(err)
    for proc in result.processes:
        click.echo(f"{proc['id']} versie {proc['version']}" + ("" if result.created else " (ongewijzigd)"))
    for warning in result.warnings:
        click.echo(f"Waarschuwing: {where(warning)}: {warning['message']}")


@click.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@with_appcontext
def validate_command(paths):
    """Check model files without deploying them."""
    checked = model_service.validate(_rt(), read_model_files(list(paths)))
    for warning in checked["warnings"]:
        click.echo(f"Waarschuwing: {where(warning)}: {warning['message']}")
    if checked["errors"]:
        fail(DeployRefused(summary(checked["errors"]), checked["errors"]))
    click.echo("Geldig: " + ", ".join(p["id"] for p in checked["processes"]))


@click.group("users")
def users_group():
    """User accounts."""


@users_group.command("add")
@click.argument("username")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--role", "roles", multiple=True, required=True, help="Repeat for several roles.")
@click.option("--region", default=None)
@with_appcontext
def users_add(username, password, roles, region):
    """Add a user with one or more roles."""
    try:
        users.add_user(_rt(), username, password, list(roles), region)
    except EngineError as err:
        fail(err)
    click.echo(f"Gebruiker {username} aangemaakt met rol(len) {', '.join(roles)}.")


@users_group.command("revoke")
@click.argument("username")
@with_appcontext
def users_revoke(username):
    """End every bearer token and web session of a user (e.g. after a lost laptop)."""
    try:
        revocation.revoke(_rt(), CLI_BEHEERDER, username)
    except EngineError as err:
        fail(err)
    click.echo(f"Alle tokens en sessies van {username} zijn ingetrokken; opnieuw inloggen is nodig.")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True)
@click.option("--scheduler/--no-scheduler", "with_scheduler", envvar="LEVENSLOOP_SCHEDULER", default=False,
              help="Also run the timer scheduler in a background thread (env LEVENSLOOP_SCHEDULER=1).")
@with_appcontext
def serve_command(host, port, with_scheduler):
    """Serve the API and web UI."""
    require_secrets()
    if with_scheduler:
        from engine.notifications import sender
        from engine.timers.scheduler import TimerScheduler

        TimerScheduler(_rt(), smtp=sender.from_environment()).start()
    # Flask refuses app.run() inside its own CLI; werkzeug's server is what it would start
    run_simple(host, port, current_app._get_current_object(), threaded=True)


def init_app(app) -> None:
    for command in (db_group, deploy_command, validate_command, users_group, demo_command, replay_command,
                    audit_group, scheduler_command, clock_group, keys_group, retention_group, serve_command):
        app.cli.add_command(command)


def main() -> None:
    from api import create_app

    FlaskGroup(create_app=lambda: create_app(), add_default_commands=False)(prog_name="levensloop")
