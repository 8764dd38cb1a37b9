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

A replica that is down must not take the public site with it: before a public read uses
the replica, the middleware makes sure it can connect (the replica's connect timeout is
short, ``DATABASE_REPLICA_CONNECT_TIMEOUT``); if it cannot, the request reads from the
primary, and the whole process leaves the replica alone for ``REPLICA_FAILURE_PAUSE``
seconds, so that visitors do not each pay the connect timeout again.
"""

import contextvars
import logging
import threading
import time

from django.conf import settings
from django.db import DatabaseError, connections

from press.site.public_read import forget_nobodys_session, is_anonymous_public_read

logger = logging.getLogger(__name__)

_public_read = contextvars.ContextVar("public_read", default=False)

# Seconds the replica is skipped after a failed connection. Shared by every thread of the
# process: each thread has its own connection, and each paying the connect timeout once
# more would multiply a visitor's wait by the thread count.
REPLICA_FAILURE_PAUSE = 10.0
_replica_down_until = 0.0
_lock = threading.Lock()


def is_public_read() -> bool:
    return _public_read.get()


def replica_available(alias: str) -> bool:
    """True if this thread has, or can open, a working connection to the replica ``alias``.

    A kept connection is health-checked first (CONN_HEALTH_CHECKS), so a replica restarted
    since the last request is noticed here, before a view has read half a page from it.
    """
    global _replica_down_until
    if time.monotonic() < _replica_down_until:
        return False
    connection = connections[alias]
    try:
        connection.close_if_health_check_failed()
        connection.ensure_connection()
    except DatabaseError:
        with _lock:
            _replica_down_until = time.monotonic() + REPLICA_FAILURE_PAUSE
        logger.warning("read replica %s unavailable: public reads use the primary", alias)
        return False
    return True


class PublicReadMiddleware:
    """Marks anonymous GET/HEAD requests of public pages for the replica (first middleware
    after the page cache), and hides a session cookie that names nobody from the rest."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Before the session middleware: a session cookie that names nobody is not seen.
        forget_nobodys_session(request)
        replica = settings.PRESS_READ_REPLICA
        public = bool(replica) and is_anonymous_public_read(request) and replica_available(replica)
        token = _public_read.set(public)
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
