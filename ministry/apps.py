from django.apps import apps
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class MinistryAdminConfig(AdminConfig):
    default_site = "ministry.admin.MinistryAdminSite"

    def ready(self):
        super().ready()
        from ministry import checks  # noqa: F401 (registers the project's system checks)

        # The admin's app list names these apps by their labels ("Axes", "Otp_Totp") and
        # django-otp's model in English only: give them names that the catalogs translate.
        if apps.is_installed("axes"):
            apps.get_app_config("axes").verbose_name = _("Login protection")
        if apps.is_installed("django_otp.plugins.otp_totp"):
            apps.get_app_config("otp_totp").verbose_name = _("Two-factor authentication")
            from django_otp.plugins.otp_totp.models import TOTPDevice

            TOTPDevice._meta.verbose_name = _("TOTP device")
            TOTPDevice._meta.verbose_name_plural = _("TOTP devices")
        if apps.is_installed("django_tasks_db"):
            # Its model's names ("Task Result") are lazy msgids that our catalogs translate;
            # changing them here would change its migrations' state.
            apps.get_app_config("django_tasks_database").verbose_name = _("Background tasks")
        if apps.is_installed("axes"):
            self._prepare_axes_cleanup()

    @staticmethod
    def _prepare_axes_cleanup():
        """django-axes' "clean up expired attempts" action reads request.axes_attempt_time,
        which only a login attempt sets: without it the action is a 500. Set it first."""
        from axes.handlers.proxy import AxesProxyHandler
        from axes.models import AccessAttempt
        from django.contrib import admin

        model_admin = admin.site._registry.get(AccessAttempt)
        if model_admin is None:
            return
        changelist_view = model_admin.changelist_view

        def prepared_changelist_view(request, extra_context=None):
            AxesProxyHandler.update_request(request)
            return changelist_view(request, extra_context)

        model_admin.changelist_view = prepared_changelist_view
