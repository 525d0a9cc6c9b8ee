from django.db.backends.sqlite3.base import DatabaseWrapper as DjangoDatabaseWrapper

from kuntajako.db import RollbackHooksMixin


class DatabaseWrapper(RollbackHooksMixin, DjangoDatabaseWrapper):
    pass
