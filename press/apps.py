from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "press"
    verbose_name = _("Press office")

    def ready(self):
        from press import search  # noqa: F401 (connects the search index's signals)
        from press.search import entities
        from press.site import page_cache

        entities.connect_signals()  # a changed name or alias: the search analyzes names again
        page_cache.connect_signals()  # any write of public content makes cached pages stale
        register_select2_languages()


def register_select2_languages():
    """Make the admin's pickers (select2) load our Uzbek files for ``uz`` and ``uz-cyrl``.

    Django picks the file from ``SELECT2_TRANSLATIONS`` (language code → file name under
    admin/js/vendor/select2/i18n/), which lists only the languages select2 ships. Without
    these entries ``uz-cyrl`` falls back to nothing and the pickers speak English. Our files
    are in static/admin/js/vendor/select2/i18n/; tests/test_pickers.py fails if a Django
    upgrade renames the table.
    """
    from django.contrib.admin import widgets

    widgets.SELECT2_TRANSLATIONS.update({"uz": "uz", "uz-cyrl": "uz-Cyrl"})
