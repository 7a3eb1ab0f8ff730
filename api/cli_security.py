"""``levensloop keys generate|rotate`` (data keys at rest) and ``levensloop retention purge``."""
import click
from flask.cli import with_appcontext

from api.extension import runtime as _rt
from engine.audit import retention
from engine.persistence import crypto, key_rotation


@click.group("keys")
def keys_group():
    """Keys that encrypt personal data at rest (LEVENSLOOP_DATA_KEYS)."""


@keys_group.command("generate")
def keys_generate():
    """Print a new Fernet key; put it first in LEVENSLOOP_DATA_KEYS."""
    click.echo(crypto.generate_key())


@keys_group.command("rotate")
@click.option("--batch-size", type=click.IntRange(min=1), default=key_rotation.BATCH_SIZE, show_default=True)
@with_appcontext
def keys_rotate(batch_size):
    """Re-encrypt every stored value with the newest key (the first in LEVENSLOOP_DATA_KEYS)."""
    counts = key_rotation.rotate(_rt(), batch_size)
    for column, count in counts.items():
        click.echo(f"{column}: {count['rotated']} opnieuw versleuteld, {count['current']} al met de nieuwste sleutel.")
    click.echo("Klaar: oudere sleutels kunnen nu uit LEVENSLOOP_DATA_KEYS worden verwijderd.")


@click.group("retention")
def retention_group():
    """Retention of closed cases."""


@retention_group.command("purge")
@click.option("--dry-run", is_flag=True, help="Only list the cases that would be purged.")
@click.option("--days", type=click.IntRange(min=1), default=None,
              help=f"Retention period in days (default: {retention.ENV_DAYS} or {retention.DEFAULT_DAYS}).")
@with_appcontext
def retention_purge(dry_run, days):
    """Remove personal data of closed cases older than the retention period; the audit chain stays."""
    days = days or retention.days_from_environment()
    cases = retention.purge(_rt(), days, dry_run=dry_run)
    for case in cases:
        label = f"casus {case.casus_id}" if case.casus_id else f"zaak {case.instance_ids[0]}"
        click.echo(f"{label}: {len(case.instance_ids)} procesinstantie(s), laatst bijgewerkt "
                   f"{case.last_update.date().isoformat()}")
    verb = "zouden worden opgeschoond" if dry_run else "opgeschoond"
    click.echo(f"{len(cases)} gesloten zaken ouder dan {days} dagen {verb}.")
