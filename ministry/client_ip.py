"""The address of the person behind a request, as login throttling must see it.

Behind a load balancer every request comes from the balancer's address (REMOTE_ADDR), so
throttling by it would let anyone lock any editor out by typing their user name five times.
The balancer appends the address it saw to X-Forwarded-For; with PRESS_TRUSTED_PROXIES = N
(the number of proxies in front that append), the client is the N-th entry from the right.
Entries further left were written by the client itself and are never trusted: that is why
this is not django-ipware, which reads the header from the left.
"""

from django.conf import settings


def client_ip(request) -> str | None:
    """The client's address: from X-Forwarded-For behind trusted proxies, else REMOTE_ADDR."""
    proxies = settings.PRESS_TRUSTED_PROXIES
    if proxies:
        forwarded = [
            part.strip()
            for part in request.headers.get("x-forwarded-for", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
