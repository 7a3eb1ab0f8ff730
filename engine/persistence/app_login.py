"""A login role for the web processes and schedulers on PostgreSQL: a member of ``levensloop_app`` (created by
migration 0005), so it has the application's rights and owns nothing — it cannot switch off the audit trigger."""
import re

from psycopg import sql
from sqlalchemy.engine import make_url

from engine.errors import Invalid
from engine.persistence.db import make_engine

NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
APP_ROLE = "levensloop_app"


def ensure(database_url, username: str, password: str) -> bool:
    """Create the login role, or reset its password and membership; True when it was new. Run as the owner."""
    url = make_url(database_url)
    if url.get_backend_name() != "postgresql":
        raise Invalid("Een aparte databaserol voor de applicatie bestaat alleen op PostgreSQL.")
    if not NAME.fullmatch(username) or username in (APP_ROLE, "levensloop_owner"):
        raise Invalid("Ongeldige rolnaam.", {"naam": "Kleine letters, cijfers en '_', niet de rollen van de migraties."})
    if len(password) < 16:
        raise Invalid("Het wachtwoord is te kort.", {"wachtwoord": "Minstens 16 tekens."})
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        with engine.begin() as connection:
            cursor = connection.connection.cursor()
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (APP_ROLE,))
            if cursor.fetchone() is None:
                raise Invalid("Rol levensloop_app ontbreekt: voer eerst 'levensloop db upgrade' uit.")
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (username,))
            new = cursor.fetchone() is None
            verb = "CREATE" if new else "ALTER"
            role, secret = sql.Identifier(username), sql.Literal(password)
            cursor.execute(sql.SQL(verb + " ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD {}")
                           .format(role, secret))
            cursor.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(APP_ROLE), role))
        return new
    finally:
        engine.dispose()
