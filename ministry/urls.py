from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from ministry.health import healthz
from press.api.views import api
from press.site.sitemaps import SITEMAPS
from press.site.views import robots_txt

# Outside the language prefixes: one sitemap index and one robots.txt for the whole site,
# and the API, whose language is a parameter (press/api/views.py says why).
urlpatterns = [
    path("api/v1/", api.urls),
    path("robots.txt", robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap_index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
]

urlpatterns += i18n_patterns(
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("press.site.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "press.site.views.bad_request"
handler403 = "press.site.views.permission_denied"
handler404 = "press.site.views.page_not_found"
handler500 = "press.site.views.server_error"

# Health of the database and the cache, for load balancers (no language prefix).
urlpatterns.insert(0, path("healthz", healthz, name="healthz"))
