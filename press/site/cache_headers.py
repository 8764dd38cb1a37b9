"""Caching headers for a CDN: public pages for a short time, anything personal never."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

from press.site import page_cache
from press.site.public_read import is_anonymous_public_read


class CacheHeadersMiddleware:
    """``Cache-Control`` on every answer to GET and HEAD that has none yet.

    - anything but an anonymous public read (press.site.public_read: the admin, previews,
      any page for someone signed in or with a message waiting): ``private, no-store``
      (never cached);
    - an answer that sets a cookie: the same, so a CDN never hands one visitor's cookie
      to another;
    - anything else that succeeded or is a stable error (200, 301, 404, 410): ``public,
      max-age=PRESS_CACHE_MAX_AGE, stale-while-revalidate=…, stale-if-error=…``: once it
      has expired, a CDN may serve its copy while it fetches a new one in the background
      (one request, not every visitor's), and for longer if the origin answers with an
      error. ConditionalGetMiddleware, outside this one, adds the ETag and answers
      ``If-None-Match`` with 304. A 200 also names the page cache's tags of the page
      (press.site.page_cache: ``all``, ``list``, ``release:12``, ``country:3``…) in
      ``Surrogate-Key`` (Fastly and others, space-separated) and ``Cache-Tag``
      (Cloudflare, comma-separated), so that a CDN can purge what a change touched.

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
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PRESS_CACHE_MAX_AGE,
                stale_while_revalidate=settings.PRESS_CACHE_STALE_WHILE_REVALIDATE,
                stale_if_error=settings.PRESS_CACHE_STALE_IF_ERROR,
            )
            if response.status_code == 200:
                tags = page_cache.tags_of(request)
                response["Surrogate-Key"] = " ".join(tags)
                response["Cache-Tag"] = ",".join(tags)
        return response
