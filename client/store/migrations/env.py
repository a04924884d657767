"""Alembic environment for the local store: always called programmatically by
:func:`client.store.db.migrate`, with the connection in ``config.attributes``."""
from alembic import context

from client.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
