"""CORS for the public API: anyone may read it from a browser, no one may send credentials.
Also its Vary header: what a successful answer depends on.

A handful of headers written here rather than a package: the API only answers reads, to
everyone, without cookies, so there is no list of origins or credentials to manage.
"""

from django.http import HttpResponse

API_PREFIX = "/api/"
ALLOWED_METHODS = "GET, OPTIONS"  # the API answers GET only (HEAD is a 405)
# Conditional GET and the caller's preferred language are all a client sends.
ALLOWED_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
# What a page in the browser may read from an answer besides the simple headers.
EXPOSED_HEADERS = "ETag, Last-Modified, Content-Language"
PREFLIGHT_MAX_AGE = str(24 * 60 * 60)


class ApiCorsMiddleware:
    """``Access-Control-Allow-Origin: *`` on every answer under /api/, and the preflight.

    Outside the conditional GET and the page cache, so that a 304 carries the headers too;
    a browser drops a 304 without them. A preflight (OPTIONS with
    ``Access-Control-Request-Method``) is answered here, 204 with no body: the API's views
    only know GET.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS" and "access-control-request-method" in request.headers:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
            response["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
        else:
            response = self.get_response(request)
            response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
            if response.status_code in (200, 304):
                drop_accept_language(response)
        response["Access-Control-Allow-Origin"] = "*"
        return response


def drop_accept_language(response):
    """Takes Accept-Language out of Vary, where LocaleMiddleware put it.

    An answer's language is its ``lang`` parameter, part of the URL; only an error about
    ``lang`` itself speaks the caller's language, and errors are not cached. Left in, every
    spelling of Accept-Language would keep its own copy in a CDN and in browsers.
    """
    kept = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    kept = [v for v in kept if v.lower() != "accept-language"]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif response.has_header("Vary"):
        del response["Vary"]
