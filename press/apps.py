from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "press"
    verbose_name = _("Press office")

    def ready(self):
        from press.site import page_cache

        page_cache.connect_signals()  # any write of public content makes cached pages stale
