"""What every ``levensloop`` command group shares: reading model files and failing with a message."""
import sys
from pathlib import Path

import click

from engine.errors import EngineError
from engine.process_models.problems import where


def read_model_files(paths: list[Path]) -> dict[str, str]:
    files = {}
    for path in paths:
        candidates = sorted(path.iterdir()) if path.is_dir() else [path]
        for file in candidates:
            if file.suffix in (".bpmn", ".dmn", ".json") and file.is_file():
                files[file.name] = file.read_text(encoding="utf-8")
    return files


def fail(err: EngineError) -> None:
    """Print a domain error in Dutch, with its per-element problems and field errors, and exit 1."""
    click.echo(f"Fout: {err.message}", err=True)
    for problem in getattr(err, "errors", []):
        click.echo(f"  - {where(problem)}: {problem.get('message')}", err=True)
    for field, message in err.fields.items():
        click.echo(f"  - {field}: {message}", err=True)
    sys.exit(1)
