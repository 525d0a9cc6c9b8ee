from django.db.backends.postgresql.base import DatabaseWrapper as DjangoDatabaseWrapper

from kuntajako.db import RollbackHooksMixin


class DatabaseWrapper(RollbackHooksMixin, DjangoDatabaseWrapper):
    pass
