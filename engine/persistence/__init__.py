"""The database: connections, tables, the unit of work, encryption at rest and its key rotation, migrations."""
