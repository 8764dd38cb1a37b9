"""A release's share card at a stable address per language: ``/<lang>/press/<slug>/card.png``.

Drawn once per release, language and last change (press/files/share_cards.py), kept in the
default storage beside the photos' renditions, and read from there afterwards. A correction
changes ``updated_at``, so the next request draws a new card under a new name and deletes
that language's older ones; the address in og:image stays the same. Only for a release
public in the language: a draft's, a scheduled one's or a withdrawn one's card is not found.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import formats
from django.utils.translation import gettext as _

from press import languages
from press.files.share_cards import DESIGN, FOLDER, delete_share_cards, render_card
from press.models import Release


def card_name(release, code: str) -> str:
    """Where the card of ``release`` in ``code`` is kept: by release, language, last change
    and design, so that no two of them share a name."""
    changed = release.updated_at.strftime("%Y%m%dT%H%M%S%f")
    return f"{FOLDER}/{release.pk}/{languages.suffix(code)}-{changed}-d{DESIGN}.png"


def share_card_view(request, slug):
    release = get_object_or_404(Release.objects.public(), slug=slug)
    return HttpResponse(share_card_png(release), content_type="image/png")


def share_card_png(release) -> bytes:
    """The card of ``release`` in the active language: read if it was drawn since the last
    change, else drawn and kept."""
    code = languages.current()
    name = card_name(release, code)
    storage = default_storage
    if storage.exists(name):
        with storage.open(name, "rb") as stored:
            return stored.read()
    data = render_card(
        title=getattr(release, languages.field("title", code)),
        kind=str(release.get_kind_display()),
        date=formats.date_format(release.event_date, "DATE_FORMAT"),
        ministry=_("Ministry of Foreign Affairs of the Republic of Uzbekistan"),
    )
    saved = storage.save(name, ContentFile(data))
    if saved != name:
        # Two requests drew the same card at once; the storage renamed the second copy.
        storage.delete(saved)
    else:
        # Drawn before the last change: nothing names them any more.
        delete_share_cards(storage, release.pk, keep_prefix=f"{languages.suffix(code)}-", keep=name)
    return data
