"""Shared fixtures: a fresh database per test (SQLite file, or PostgreSQL via DATABASE_URL),
a simulated clock, the engine runtime, the Flask app and client, and small helpers."""
import os
import secrets
import shutil
from pathlib import Path

from cryptography.fernet import Fernet

# Test mode: random keys per test session, set before the app or runtime reads them (no public default).
os.environ.setdefault("LEVENSLOOP_SECRET_KEY", secrets.token_urlsafe(32))
os.environ.setdefault("LEVENSLOOP_DATA_KEYS", Fernet.generate_key().decode("ascii"))
os.environ.setdefault("LEVENSLOOP_PSEUDONYM_KEY", secrets.token_urlsafe(32))
os.environ.setdefault("LEVENSLOOP_AUDIT_KEY", secrets.token_urlsafe(32))

import pytest  # noqa: E402  (after the keys above)
from argon2 import PasswordHasher
from sqlalchemy import MetaData, text

from api import create_app
from engine.bootstrap import build_runtime
from engine.clock import SimulatedClock
from engine.persistence.db import make_engine
from engine.persistence.migrate import upgrade
from engine.process_models import service as model_service
from engine.security import users
from engine.security.actors import Actor
from engine.spiff import compaction

BPMN_DIR = Path(__file__).parent / "bpmn"
POSTGRES_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = POSTGRES_URL.startswith("postgresql")


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory):
    """Migrate once per session; each test then gets a copy (SQLite) or emptied tables (PostgreSQL)."""
    if ON_POSTGRES:
        engine = make_engine(POSTGRES_URL)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        upgrade(POSTGRES_URL)
        return POSTGRES_URL
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture
def database_url(_template_db, tmp_path):
    if ON_POSTGRES:
        _empty_postgres_tables()
        return POSTGRES_URL
    path = tmp_path / "levensloop.sqlite3"
    shutil.copy(_template_db, path)
    return f"sqlite:///{path}"


def _empty_postgres_tables() -> None:
    """DELETE with triggers off (the audit table refuses deletes): ~100x faster than TRUNCATE."""
    engine = make_engine(POSTGRES_URL)
    meta = MetaData()
    meta.reflect(engine)
    with engine.begin() as conn:
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        for table in reversed(meta.sorted_tables):
            if table.name != "alembic_version":
                conn.execute(table.delete())
    engine.dispose()


def pytest_addoption(parser):
    parser.addoption("--no-compaction", action="store_true",
                     help="run every step without task-tree compaction (to compare outcomes with it)")


@pytest.fixture(autouse=True)
def compaction_mode(request):
    """Compaction runs after every step by default; ``--no-compaction`` runs the same tests without it."""
    if not request.config.getoption("--no-compaction"):
        yield
        return
    with compaction.disabled():
        yield


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch):
    """Real argon2 with test-sized cost: many tests log in, and the default costs ~0.25 s each."""
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def clock():
    return SimulatedClock()


@pytest.fixture
def rt(database_url, clock):
    runtime = build_runtime(database_url, clock=clock)
    yield runtime
    runtime.session_factory.kw["bind"].dispose()


@pytest.fixture
def app(rt, tmp_path):
    return create_app({"TESTING": True, "DATABASE_URL": rt.session_factory.kw["bind"].url},
                      runtime=rt)


@pytest.fixture
def client(app):
    return app.test_client()


def actor(*roles: str, region: str = "Gelderland-Zuid") -> Actor:
    return Actor(roles[0] if roles else "niemand", frozenset(roles), region)


OWNER = actor("proceseigenaar")


def bpmn_files(*names: str) -> dict[str, str]:
    """Read test models (and form .json files) from tests/bpmn by file name."""
    return {name: (BPMN_DIR / name).read_text(encoding="utf-8") for name in names}


@pytest.fixture
def deploy(rt):
    def _deploy(*names: str):
        return model_service.deploy(rt, bpmn_files(*names), OWNER)

    return _deploy


@pytest.fixture
def login(rt, client):
    """Create a user with the given roles and return Authorization headers for them."""

    def _login(*roles: str, username: str | None = None, region: str = "Gelderland-Zuid") -> dict:
        name = username or "_".join(roles)
        users.add_user(rt, name, "geheim-wachtwoord", list(roles), region)
        response = client.post("/api/v1/auth/token", json={"username": name, "password": "geheim-wachtwoord"})
        assert response.status_code == 200, response.json
        return {"Authorization": f"Bearer {response.json['token']}"}

    return _login
