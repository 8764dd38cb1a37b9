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
