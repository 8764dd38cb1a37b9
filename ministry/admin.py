"""The admin site: Django's, with an optional second factor at login."""

from django import forms
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp.forms import OTPAuthenticationFormMixin


class AdminLoginForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    """Password, then the authenticator code for staff who have a device (or must have one)."""

    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("Only if two-factor authentication is set up for your account."),
    )

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is not None:
            device = next(devices_for_user(user, confirmed=True), None)
            if settings.PRESS_ADMIN_REQUIRE_OTP and device is None:
                raise forms.ValidationError(
                    _(
                        "Two-factor authentication is required. Ask an administrator to "
                        "set up an authenticator for your account."
                    ),
                    code="otp_required",
                )
            if device is not None:
                # One authenticator per person: verify against it without asking which.
                self.cleaned_data["otp_device"] = device.persistent_id
                self.clean_otp(user)  # on success django-otp marks the session verified
        return cleaned


class MinistryAdminSite(AdminSite):
    login_form = AdminLoginForm
    login_template = "admin/login_otp.html"

    def index(self, request, extra_context=None):
        # The press officer's desk above the list of models: what needs doing next.
        from press.admin.desk import desk, unread_notifications

        extra_context = {
            **(extra_context or {}),
            "desk": desk(request.user),
            "notifications": unread_notifications(request.user),
        }
        return super().index(request, extra_context)

    def get_urls(self):
        # Each person's notifications and preferences: pages of the site, not of a model.
        from press.admin.notifications import site_urls

        return [*site_urls(self), *super().get_urls()]

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        if request.user.is_verified():
            return True
        # A user who has a device must have used it; with the setting on, everyone must.
        # Asked twice a page (the view, then its context): look the device up once.
        if not hasattr(request, "_otp_required"):
            request._otp_required = settings.PRESS_ADMIN_REQUIRE_OTP or user_has_device(
                request.user
            )
        return not request._otp_required
