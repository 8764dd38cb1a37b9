"""Caching headers for a CDN: public pages for a short time, anything personal never."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

from press.site.public_read import is_anonymous_public_read


class CacheHeadersMiddleware:
    """``Cache-Control`` on every answer to GET and HEAD that has none yet.

    - anything but an anonymous public read (press.site.public_read: the admin, previews,
      any page for someone signed in or with a message waiting): ``private, no-store``
      (never cached);
    - an answer that sets a cookie: the same, so a CDN never hands one visitor's cookie
      to another;
    - anything else that succeeded or is a stable error (200, 301, 404, 410): ``public,
      max-age=PRESS_CACHE_MAX_AGE``. ConditionalGetMiddleware, outside this one, adds the
      ETag and answers ``If-None-Match`` with 304.

    ``request.session`` is never touched to decide, so anonymous pages stay free of
    ``Vary: Cookie``.
    A view that sets its own ``Cache-Control`` (``never_cache`` on a preview) is left alone.
    """

    CACHEABLE = {200, 301, 404, 410}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or response.has_header("Cache-Control"):
            return response
        if not is_anonymous_public_read(request) or response.cookies:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        elif response.status_code in self.CACHEABLE:
            patch_cache_control(response, public=True, max_age=settings.PRESS_CACHE_MAX_AGE)
        return response
