"""``levensloop demo``: one user per role (password 'demo'), processes/ deployed, demo casussen seeded."""
import click
from flask.cli import with_appcontext

from api.cli_common import fail, read_model_files
from api.demo_seed import ensure_workers, seed_casussen
from api.extension import runtime
from engine.bootstrap import PROJECT_ROOT
from engine.errors import Conflict, EngineError
from engine.process_models import service as model_service
from engine.security import users
from engine.security.actors import ALL_ROLES, Actor

DEMO_PASSWORD = "demo"
DEMO_REGION = "Gelderland-Zuid"


def create_demo_users(rt) -> list[str]:
    created = []
    for role in sorted(ALL_ROLES):
        try:
            users.add_user(rt, role, DEMO_PASSWORD, [role], region=DEMO_REGION, full_name=f"Demo {role}")
            created.append(role)
        except Conflict:
            pass
    return created


@click.command("demo")
@with_appcontext
def demo_command():
    """Create demo users, deploy processes/ and seed demo casussen in several phases."""

    rt = runtime()
    created = create_demo_users(rt)
    click.echo(f"Demogebruikers (wachtwoord '{DEMO_PASSWORD}'): {', '.join(sorted(ALL_ROLES))}"
               + ("" if created else " (bestonden al)"))
    files = read_model_files([PROJECT_ROOT / "processes"])
    if not files:
        return
    try:
        result = model_service.deploy(rt, files, Actor("demo", frozenset({"proceseigenaar"})))
    except EngineError as err:
        fail(err)
    click.echo("Gedeployed: " + ", ".join(f"{p['id']} v{p['version']}" for p in result.processes))
    ensure_workers(rt, DEMO_PASSWORD)
    seeded = seed_casussen(rt)
    click.echo("Democasussen: " + (", ".join(seeded) if seeded else "bestonden al"))
