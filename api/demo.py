"""``levensloop demo``: demo users in two regions (password 'demo'), processes/ deployed, demo cases seeded."""
import click
from flask.cli import with_appcontext

from api.cli_common import fail, read_model_files
from api.demo_seed import seed_casussen
from api.demo_trajecten import seed_trajecten
from api.demo_users import ensure_users
from api.extension import runtime
from engine.bootstrap import PROJECT_ROOT
from engine.errors import EngineError
from engine.process_models import service as model_service
from engine.security.actors import Actor

DEMO_PASSWORD = "demo"


@click.command("demo")
@with_appcontext
def demo_command():
    """Create demo users, deploy processes/ and seed demo casussen and trajecten in several phases."""

    rt = runtime()
    created = ensure_users(rt, DEMO_PASSWORD)
    click.echo(f"Demogebruikers (wachtwoord '{DEMO_PASSWORD}'): "
               + (", ".join(created) if created else "bestonden al") + " — zie README, Demo")
    files = read_model_files([PROJECT_ROOT / "processes"])
    if not files:
        return
    try:
        result = model_service.deploy(rt, files, Actor("demo", frozenset({"proceseigenaar"})))
    except EngineError as err:
        fail(err)
    click.echo("Gedeployed: " + ", ".join(f"{p['id']} v{p['version']}" for p in result.processes))
    seeded = seed_casussen(rt)
    click.echo("Democasussen: " + (", ".join(seeded) if seeded else "bestonden al"))
    trajecten = seed_trajecten(rt)
    click.echo("Demotrajecten: " + (", ".join(trajecten) if trajecten else "bestonden al"))
