"""Uploads kept across a form that comes back with errors, so they need not be chosen again.

A browser never fills a file input in again. When the release form comes back (an error
anywhere on the page, or a refused save), each photo or document it was sent that passed
its own checks is kept in the cache for an hour under a random key, and the page carries
the key in a hidden input beside the file input. The next submit without a new file there
takes the kept file, which is checked again like any upload.

The cache, not the media storage: a photo reaches storage only re-encoded, without its
metadata (Photo.save), and the cache forgets what nobody comes back for.
"""

import logging
import re
import secrets

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

from press import files as uploads

logger = logging.getLogger(__name__)

KEPT_FOR = 60 * 60  # seconds
KEY = re.compile(r"[A-Za-z0-9_-]{32}")


def keep(upload) -> str | None:
    """Keeps an upload for the next submit; returns the key the page carries, or None."""
    if getattr(upload, "kept_as", None) is None:
        key = secrets.token_urlsafe(24)
        upload.seek(0)
        try:
            cache.set(f"press:kept-upload:{key}", (upload.name, upload.read()), KEPT_FOR)
        except Exception:  # the cache is down: the page comes back without the file, as before
            logger.exception("cache: could not keep an upload")
            return None
        finally:
            upload.seek(0)
        upload.kept_as = key
    return upload.kept_as


def kept(key: str | None) -> SimpleUploadedFile | None:
    """The upload kept under ``key``, or None: expired, or a key nobody was given."""
    if not key or not KEY.fullmatch(key):
        return None
    try:
        found = cache.get(f"press:kept-upload:{key}")
    except Exception:
        logger.exception("cache: lookup failed")
        return None
    if found is None:
        return None
    name, data = found
    upload = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    upload.kept_as = key
    return upload


class KeptUploadsMixin:
    """For a file input: a kept upload stands in for an empty one, and is shown as kept.

    Each form has its own copy of its widgets, so ``sent`` (what this input was sent, which
    Django never passes back to ``render``) belongs to one form of one request.
    """

    sent = None

    def kept_name(self, name: str) -> str:
        return f"{name}-kept"

    def value_from_datadict(self, data, files, name):
        self.sent = self._sent(data, files, name)
        return self.sent

    def _sent(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        if value or value is False or value is forms.widgets.FILE_INPUT_CONTRADICTION:
            return value  # a new file (or a cleared one) replaces what was kept
        keys = data.getlist(self.kept_name(name)) if hasattr(data, "getlist") else []
        uploads = [upload for upload in map(kept, keys) if upload is not None]
        if self.allow_multiple_selected:
            return uploads
        return uploads[0] if uploads else value

    def value_omitted_from_data(self, data, files, name):
        omitted = super().value_omitted_from_data(data, files, name)
        return omitted and self.kept_name(name) not in data

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        uploads = self.sent if isinstance(self.sent, list | tuple) else [self.sent]
        checked = [u for u in uploads if getattr(u, "passed_checks", False)]
        kept_keys = [(u, key) for u in checked if (key := keep(u))]
        if not kept_keys:
            return html
        message = _("Kept from the last attempt: %(name)s. Choose a file only to replace it.")
        return html + format_html_join(
            "",
            '<input type="hidden" name="{}" value="{}"><p class="help">{}</p>',
            ((self.kept_name(name), key, message % {"name": u.name}) for u, key in kept_keys),
        )


class KeptAdminFileWidget(KeptUploadsMixin, AdminFileWidget):
    """The admin's file input (with the current file and "clear"), keeping an upload."""


class KeptFilesInput(KeptUploadsMixin, uploads.MultipleFileInput):
    """A file input for several files at once, keeping them."""


class PassedChecksMixin:
    """For a checked file field: marks each upload that passed its checks, worth keeping."""

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is not None:
            upload.passed_checks = True
        return upload


class KeptPhotoField(PassedChecksMixin, uploads.PhotoFormField):
    widget = KeptAdminFileWidget


class KeptDocumentField(PassedChecksMixin, uploads.DocumentFormField):
    widget = KeptAdminFileWidget


class KeptPhotosField(PassedChecksMixin, uploads.MultiplePhotoField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", KeptFilesInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)
