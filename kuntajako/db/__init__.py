"""`on_rollback`: the counterpart of Django's `transaction.on_commit`.

Some work done inside a transaction is not in the database and so is not undone by a rollback: a
file written to storage is the one we have. `on_rollback(func)` runs `func` when the transaction (or
the savepoint) that was open when it was registered is rolled back, or when the connection is lost
in the middle of it; a commit forgets it. Outside a transaction nothing can be rolled back, and
nothing is registered. The hooks need the database engines of this package (`kuntajako.db.postgresql`,
`kuntajako.db.sqlite3`), which settings.py puts in place of Django's own; on any other engine
`on_rollback` does nothing, and the periodic orphan clean-up is the only net.

A hook must not raise: it runs while Django is rolling back, usually because of another error.
Errors are logged and swallowed.
"""

import logging

from django.db import DEFAULT_DB_ALIAS, connections

logger = logging.getLogger(__name__)

ENGINES = {
    "django.db.backends.postgresql": "kuntajako.db.postgresql",
    "django.db.backends.sqlite3": "kuntajako.db.sqlite3",
}


def with_rollback_hooks(engine: str) -> str:
    """The engine of this package that adds rollback hooks to `engine`, or `engine` itself."""
    return ENGINES.get(engine, engine)


def on_rollback(func, using: str = DEFAULT_DB_ALIAS) -> None:
    connection = connections[using]
    if connection.in_atomic_block and isinstance(connection, RollbackHooksMixin):
        connection.run_on_rollback.append((set(connection.savepoint_ids), func))


class RollbackHooksMixin:
    """Keeps the hooks beside Django's own `run_on_commit`, and by the same savepoint rules."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.run_on_rollback = []

    def commit(self):
        super().commit()
        self.run_on_rollback = []

    def rollback(self):
        try:
            super().rollback()
        finally:
            self._run_rollback_hooks(lambda sids: True)

    def savepoint_rollback(self, sid):
        super().savepoint_rollback(sid)
        if self._savepoint_allowed():
            self._run_rollback_hooks(lambda sids: sid in sids)

    def close(self):
        try:
            super().close()
        finally:
            # A transaction cut off with its connection is rolled back by the server.
            self._run_rollback_hooks(lambda sids: True)

    def _run_rollback_hooks(self, rolled_back) -> None:
        hooks = [func for sids, func in self.run_on_rollback if rolled_back(sids)]
        self.run_on_rollback = [(sids, func) for sids, func in self.run_on_rollback if not rolled_back(sids)]
        for func in hooks:
            try:
                func()
            except Exception:
                logger.exception("A rollback hook failed")
