"""An optional read replica: public pages read from it, everything else uses the primary.

With ``DATABASE_REPLICA_URL`` set, settings add a ``replica`` database and name it in
``PRESS_READ_REPLICA``. ``PublicReadMiddleware`` marks a request as a public read when
``press.site.public_read`` says it is one (a GET or HEAD from an anonymous visitor, outside
the admin and the preview links); only then does ``PrimaryReplicaRouter`` send reads to
the replica.

Everything else reads and writes on ``default`` (the primary): the admin, editors (even on
public pages, so that they see what they have just saved), previews, POSTs, management
commands, shells and migrations. A replica lags by a moment; a visitor may see a change a
moment late, never an editor.
"""

import contextvars

from django.conf import settings

from press.site.public_read import forget_nobodys_session, is_anonymous_public_read

_public_read = contextvars.ContextVar("public_read", default=False)


def is_public_read() -> bool:
    return _public_read.get()


class PublicReadMiddleware:
    """Marks anonymous GET/HEAD requests of public pages for the replica (first middleware
    after the page cache), and hides a session cookie that names nobody from the rest."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Before the session middleware: a session cookie that names nobody is not seen.
        forget_nobodys_session(request)
        token = _public_read.set(is_anonymous_public_read(request))
        try:
            return self.get_response(request)
        finally:
            _public_read.reset(token)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        replica = settings.PRESS_READ_REPLICA
        if replica and _public_read.get():
            return replica
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, copied: rows from either may be related

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"  # the replica is a copy made by PostgreSQL, not by Django
