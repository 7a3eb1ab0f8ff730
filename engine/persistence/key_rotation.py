"""Key rotation: re-encrypt every encrypted column value with the newest key, batch by batch.

Each batch is its own unit of work. A value is rewritten only if it is still the token that was
read (compare-and-set), so a step that saved new state meanwhile (already under the newest key)
is never overwritten. Values already under the newest key are left alone, so a rotation that was
interrupted can simply be run again.
"""
from sqlalchemy import Text, select, text, type_coerce, update

from engine.persistence import crypto
from engine.persistence.tables import Base

BATCH_SIZE = 200


def encrypted_columns():
    """(table, column) for every EncryptedJSON column in the schema."""
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, crypto.EncryptedJSON):
                yield table, column


def rotate(rt, batch_size: int = BATCH_SIZE) -> dict[str, dict[str, int]]:
    """Per ``table.column``: how many values were re-encrypted and how many were already current."""
    ring = crypto.key_ring()
    counts = {}
    for table, column in encrypted_columns():
        counts[f"{table.name}.{column.name}"] = _rotate_column(rt, ring, table, column, batch_size)
    return counts


def _rotate_column(rt, ring, table, column, batch_size: int) -> dict[str, int]:
    [key] = table.primary_key.columns
    token = type_coerce(column, Text)  # the stored ciphertext, not the decrypted value
    counts, last = {"rotated": 0, "current": 0}, None
    while True:
        with rt.uow() as uow:
            session = uow.session
            if session.get_bind().dialect.name == "postgresql":  # the audit trigger's permission
                session.execute(text("SET LOCAL levensloop.key_rotation = 'on'"))
            query = select(key, token).where(column.is_not(None)).order_by(key).limit(batch_size)
            rows = session.execute(query if last is None else query.where(key > last)).all()
            if not rows:
                return counts
            for row_key, old in rows:
                if ring.is_current(old):
                    counts["current"] += 1
                    continue
                result = session.execute(update(table).where(key == row_key, token == old)
                                         .values({column.name: type_coerce(ring.rotate(old), Text)}))
                counts["rotated"] += result.rowcount
            uow.commit()
            last = rows[-1][0]
