"""The one answer to "is this an anonymous visitor reading the public site?".

Three middlewares ask it: the page cache (may this be answered from, and stored in, the
shared cache?), the cache headers (may a CDN keep it?) and the read-replica router (may
its reads lag a moment behind the primary?). They must agree: a request one of them
treats as personal, none of them may treat as anyone's.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.messages.storage.cookie import CookieStorage

READ_METHODS = ("GET", "HEAD")
# Below the language prefix: pages that show what was just written, to whoever wrote it
# (previews; the e-mail alerts' signup, confirmation and one reader's subscriptions).
NOT_PUBLIC = ("preview/", "alerts/")


def is_anonymous_public_read(request) -> bool:
    """True for a GET or HEAD of the public site by someone who is not signed in.

    Judged before any view runs, and without touching ``request.session`` (that would add
    ``Vary: Cookie`` to every page). Not an anonymous public read: any other method; a
    request whose session has someone signed in (an editor, even on a public page, must see
    what they have just saved, and gets pages no one else may be handed); a messages cookie
    (a page about to show someone their own message); the admin and the preview links,
    under any language prefix. A session cookie that is junk, unknown, expired or holds
    nobody counts as no cookie: otherwise anyone could skip the page cache and the read
    replica by sending ``sessionid=x``.
    """
    if request.method not in READ_METHODS:
        return False
    if CookieStorage.cookie_name in request.COOKIES:
        return False
    if _below_language(request.path_info).startswith((settings.ADMIN_URL, *NOT_PUBLIC)):
        return False
    return not signed_in(request)  # last: the one question that may ask the database


def signed_in(request) -> bool:
    """True if the request's session cookie names a live session with a user signed in.

    Reads the session store through a store of its own, so ``request.session`` stays
    untouched; the answer is kept on the request, since three middlewares ask. The read
    goes to the primary: the page cache asks before the replica marker is set.
    """
    if not hasattr(request, "_press_signed_in"):
        key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        # A key of the wrong shape becomes None in the store, which then reads nothing.
        store = import_module(settings.SESSION_ENGINE).SessionStore(key) if key else None
        request._press_signed_in = store is not None and store.get(SESSION_KEY) is not None
    return request._press_signed_in


def forget_nobodys_session(request) -> None:
    """Drop the session cookie of an anonymous public read, before the session middleware.

    The cookie names nobody (junk, unknown, expired, or a session without a user), and
    left in place Django's session middleware would answer it with a Set-Cookie (a deleted
    or a new empty session, written to the database), which makes the page unshareable:
    not stored in the page cache, ``private`` for the CDN. Without it the visitor is served
    as one without a cookie; their browser keeps sending it, and it is judged each time.
    """
    if settings.SESSION_COOKIE_NAME in request.COOKIES and is_anonymous_public_read(request):
        del request.COOKIES[settings.SESSION_COOKIE_NAME]


def _below_language(path: str) -> str:
    """The path without its leading slash and language prefix: "admin/…" for /uz-cyrl/admin/…"""
    first, _slash, rest = path.lstrip("/").partition("/")
    codes = {code for code, _name in settings.LANGUAGES}
    return rest if first in codes else path.lstrip("/")
