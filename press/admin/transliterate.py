"""The change form's transliteration button: a JSON endpoint that converts the texts the
form's script (static/js/admin-transliterate.js) sends, and the strings that script shows.

Nothing is read from or written to the database: the script fills the other script's
inputs in the browser, before saving, so that it works on a new release too, and the save
that follows goes through ``services.release_save`` like any other.
"""

import json

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from press import languages, transliteration

# Enough for a long release in every field, and its photos; a larger body is refused.
MAX_CHARACTERS = 200_000


def _refused(message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=400)


@require_POST
def transliterate_view(request, *, model_admin):
    """Return ``{"texts": {key: converted}}`` for a POST of ``{"direction", "texts"}``.

    ``direction`` is "lat-cyr" or "cyr-lat"; ``texts`` maps the form's input names to their
    text. Text that starts with a tag is converted as HTML (its tags and addresses kept).
    """
    if not (model_admin.has_add_permission(request) or model_admin.has_change_permission(request)):
        raise PermissionDenied
    bad = _("The transliteration could not be made: the form sent something unexpected.")
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return _refused(bad)
    direction = payload.get("direction") if isinstance(payload, dict) else None
    texts = payload.get("texts") if isinstance(payload, dict) else None
    if direction not in transliteration.DIRECTIONS or not isinstance(texts, dict):
        return _refused(bad)
    if not all(isinstance(key, str) and isinstance(v, str) for key, v in texts.items()):
        return _refused(bad)
    if sum(len(v) for v in texts.values()) > MAX_CHARACTERS:
        return _refused(_("The transliteration could not be made: the text is too long."))
    converted = {
        key: transliteration.transliterate(text, direction, html=text.lstrip().startswith("<"))
        for key, text in texts.items()
    }
    return JsonResponse({"texts": converted})


def button_context() -> dict:
    """What the change form's button shows (templates/admin/press/release/transliterate.html),
    in the editor's language: one entry per direction, and the strings the script fills in
    (%(count)s, %(fields)s are its own)."""
    directions = []
    for direction, label in (
        (transliteration.LATIN_TO_CYRILLIC, _("Fill Uzbek Cyrillic from Latin")),
        (transliteration.CYRILLIC_TO_LATIN, _("Fill Uzbek Latin from Cyrillic")),
    ):
        source, target = transliteration.DIRECTIONS[direction]
        names = {"source": languages.name(source), "language": languages.name(target)}
        directions.append(
            {
                "direction": direction,
                "label": label,
                "source": languages.suffix(source),
                "target": languages.suffix(target),
                "target_code": target,
                "done": _(
                    "Fields filled in %(language)s: %(count)s. Read them before saving: "
                    "%(language)s is marked as machine transliteration awaiting review."
                )
                % {**names, "count": "%(count)s"},
                "nothing": _(
                    "Nothing to fill: no field written in %(source)s is empty in %(language)s."
                )
                % names,
                "confirm": _(
                    "These fields are already written in %(language)s: %(fields)s. Replace them "
                    "with the transliteration? Cancel fills only the empty fields."
                )
                % {**names, "fields": "%(fields)s"},
            }
        )
    return {
        "url": reverse("admin:press_release_transliterate"),
        "directions": directions,
        "help": _(
            "Fills the other script's fields in this form, the photos' descriptions and "
            "captions too. Nothing is saved until you save."
        ),
        "failed": _("The transliteration could not be made. Nothing was changed: try again."),
        "photo": _("Photo %(number)s"),
    }
