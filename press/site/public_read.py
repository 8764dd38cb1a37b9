"""The one answer to "is this an anonymous visitor reading the public site?".

Three middlewares ask it: the page cache (may this be answered from, and stored in, the
shared cache?), the cache headers (may a CDN keep it?) and the read-replica router (may
its reads lag a moment behind the primary?). They must agree: a request one of them
treats as personal, none of them may treat as anyone's.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage

READ_METHODS = ("GET", "HEAD")
# Below the language prefix: pages that show what was just written, to whoever wrote it.
NOT_PUBLIC = ("preview/",)


def is_anonymous_public_read(request) -> bool:
    """True for a GET or HEAD of the public site by someone who is not signed in.

    Judged by the request alone, before any view runs and without reading the session
    (reading it would add ``Vary: Cookie`` to every page). Not an anonymous public read:
    any other method; a request carrying a session cookie (an editor, even on a public
    page, must see what they have just saved, and gets pages no one else may be handed)
    or a messages cookie (a page about to show someone their own message); the admin and
    the preview links, under any language prefix.
    """
    if request.method not in READ_METHODS:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    return not _below_language(request.path_info).startswith((settings.ADMIN_URL, *NOT_PUBLIC))


def _below_language(path: str) -> str:
    """The path without its leading slash and language prefix: "admin/…" for /uz-cyrl/admin/…"""
    first, _slash, rest = path.lstrip("/").partition("/")
    codes = {code for code, _name in settings.LANGUAGES}
    return rest if first in codes else path.lstrip("/")
