"""System checks of the project's own settings (Django's ``check`` framework).

Registered by ``MinistryAdminConfig.ready`` (ministry/apps.py); deploy checks run with
``manage.py check --deploy``, which docs/deploy.md runs at every deployment with
``--fail-level WARNING``.
"""

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.core.files.storage import FileSystemStorage, storages


@register(Tags.security, deploy=True)
def media_served(app_configs, **kwargs):
    """Warn when media are on this machine's disk and nobody said what serves them.

    In production Django serves no ``MEDIA_URL`` (ministry/urls.py does only with DEBUG):
    with filesystem storage every photo would be a 404 until a web server serves
    MEDIA_ROOT, and the operator confirms it with ``PRESS_MEDIA_SERVED_BY``.
    """
    if not isinstance(storages["default"], FileSystemStorage):
        return []
    if settings.PRESS_MEDIA_SERVED_BY:
        return []
    return [
        Warning(
            f"Media files are stored in {settings.MEDIA_ROOT} on this machine, and nothing "
            f"is said to serve {settings.MEDIA_URL}: photos would not be shown.",
            hint=(
                "Serve MEDIA_ROOT at MEDIA_URL from the web server in front (docs/deploy.md, "
                "'Media on the filesystem', deploy/nginx-media.conf) and set "
                "PRESS_MEDIA_SERVED_BY=nginx, or store media in object storage "
                "(MEDIA_STORAGE=s3)."
            ),
            id="ministry.W001",
        )
    ]
