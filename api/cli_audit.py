"""``levensloop replay INSTANCE``, ``levensloop audit verify [--anchors FILE]`` and ``levensloop audit anchor``:
the auditor's checks from a shell.

Replay and verify print a Dutch report and exit 1 when something does not verify, so cron jobs and CI can
alert on a tampered or diverging trail; a corrupted trail is reported, never a traceback.
"""
import json
import sys

import click
from flask.cli import with_appcontext

from api.cli_common import fail
from api.extension import runtime as _rt
from engine.audit import anchors, replay
from engine.audit import verify as audit_verify
from engine.errors import EngineError
from engine.security.actors import Actor

CLI_AUDITOR = Actor("levensloop-cli", frozenset({"auditor"}))


def _break_line(chain_break: dict) -> str:
    where = f"gebeurtenis {chain_break['seq']}" if chain_break.get("seq") else "de keten"
    return f"Keten {chain_break['chain']} verbroken bij {where}: {chain_break['message']}"


@click.command("replay")
@click.argument("instance_id")
@with_appcontext
def replay_command(instance_id):
    """Replay INSTANCE from its audit trail and compare the state hash after every event."""
    try:
        result = replay.replay(_rt(), instance_id, CLI_AUDITOR)
    except EngineError as err:
        fail(err)
    model = f"{result['process_model']} versie {result['version']}" if result["process_model"] else "onbekend model"
    click.echo(f"Zaak {instance_id} ({model}): {result['replayed']} van {result['events']} gebeurtenissen herspeeld.")
    if result["chain_break"]:
        click.echo(_break_line(result["chain_break"]))
    divergence = result["divergence"]
    if divergence:
        click.echo(f"Afwijking bij gebeurtenis {divergence['seq']} ({divergence['type']}): {divergence['message']}")
        if divergence["expected"] or divergence["actual"]:
            click.echo(f"  vastgelegde hash: {divergence['expected']}\n  herspeelde hash:  {divergence['actual']}")
    if result["status"] != "verified":
        click.echo("Resultaat: NIET geverifieerd.")
        sys.exit(1)
    click.echo("Resultaat: geverifieerd.")


@click.group("audit")
def audit_group():
    """Audit trail checks."""


@audit_group.command("verify")
@click.option("--anchors", "anchor_file", type=click.File("r", encoding="utf-8"),
              help="An anchor from `audit anchor`: also check that every anchored head is still there.")
@with_appcontext
def verify_command(anchor_file):
    """Check every hash chain (instances and deployments) and name the first broken link of each."""
    try:
        report = (anchors.verify_with(_rt(), _read_anchor(anchor_file)) if anchor_file
                  else audit_verify.verify_all(_rt()))
    except EngineError as err:
        fail(err)
    click.echo(f"Gecontroleerd: {report['chains']} ketens, {report['events']} gebeurtenissen.")
    for chain_break in report["breaks"]:
        click.echo(_break_line(chain_break))
    if report["breaks"]:
        click.echo("Resultaat: de audittrail is NIET ongeschonden.")
        sys.exit(1)
    click.echo("Resultaat: de audittrail is ongeschonden.")


def _read_anchor(anchor_file):
    """The anchor's JSON, or None when it is not JSON (reported as an invalid anchor)."""
    try:
        return json.load(anchor_file)
    except ValueError:
        return None


@audit_group.command("anchor")
@click.option("--out", type=click.File("w", encoding="utf-8"), default="-",
              help="Where to write the anchor (default: standard output).")
@with_appcontext
def anchor_command(out):
    """Write the head of every chain, signed with the audit key, to keep outside the database."""
    try:
        anchor = anchors.make(_rt())
    except EngineError as err:
        fail(err)
    json.dump(anchor, out, indent=2)
    out.write("\n")
    if out.name != "<stdout>":
        click.echo(f"Anker van {len(anchor['heads'])} ketens geschreven naar {out.name}.")
