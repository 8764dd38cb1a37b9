import time

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponseBadRequest


class AllowedHostMiddleware:
    """Answers 400 at once to a Host header outside ALLOWED_HOSTS.

    Django would raise DisallowedHost wherever the host is first read and then render the
    400 page, but our pages (the 400 page too) write absolute URLs (canonical, hreflang),
    which read the host again and turned the 400 into a 500: anyone could raise the 5xx
    rate that the deployment guide alerts on. So the host is checked first, and the answer
    is plain text that needs no host.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.get_host()
        except DisallowedHost:
            return HttpResponseBadRequest("Bad Request (400)", content_type="text/plain")
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Switches off browser features the site never uses (camera, geolocation, …)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENY)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.value)
        return response


class IdleSessionMiddleware:
    """Moves a session's end on while it is used: it ends SESSION_COOKIE_AGE after its last
    request, give or take TOUCH_SECONDS.

    Django's SESSION_SAVE_EVERY_REQUEST does the same by writing the session on every
    request: an UPDATE and a COMMIT on each admin page and each presence beacon of every
    open tab, a tenth of the editors' list's time. Here a session is written again only
    once its last write is TOUCH_SECONDS old; SessionMiddleware (above this one, so it saves
    after this has run) then sets its new expiry in the database and in the cookie.
    """

    TOUCH_SECONDS = 60
    KEY = "press_touched_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = request.session
        # An empty session (no cookie, or a flushed one, as after a logout) is never saved.
        if session.is_empty():
            return response
        touched = session.get(self.KEY, 0)
        # Reading it loaded it: a cookie whose session has ended leaves it empty, and
        # marking it would start a new session for no one.
        now = int(time.time())
        if not session.is_empty() and now - touched >= self.TOUCH_SECONDS:
            session[self.KEY] = now
        return response
