"""The rich text editor of long translated texts in the admin (django-prose-editor).

The library's own widget loads its modules through an inline ``<script type="importmap">``,
which our Content-Security-Policy (``script-src 'self'``, no inline scripts) refuses. This
widget renders the same textarea with the same JSON configuration but loads one module of
ours, static/js/admin-editor.js, which imports the library's bundle by its static address:
no import map, nothing inline. What the editor may produce is ``press.text.EDITOR_EXTENSIONS``,
the set the server keeps on save (``press.text.sanitize_html``).
"""

import json

from django import forms
from django.core.serializers.json import DjangoJSONEncoder
from django_prose_editor.config import expand_extensions
from django_prose_editor.widgets import ProseEditorWidget

from press.text import EDITOR_EXTENSIONS

# What search results and social cards show before cutting (as GOV.UK advises its editors).
ADVISED_LENGTHS = {"title": 65, "lead": 160}

# The attribute admin-editor.js looks for (the library's own presets use other names).
CONFIG_ATTRIBUTE = "data-press-editor"


class PressEditorWidget(ProseEditorWidget):
    """A textarea that admin-editor.js turns into the editor, in every language tab."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"rows": 12, **(attrs or {})})

    @property
    def media(self):
        return forms.Media(
            css={
                "all": [
                    "django_prose_editor/material-icons.css",
                    "django_prose_editor/editor.css",
                    "django_prose_editor/overrides.css",
                    "css/admin-editor.css",
                ]
            },
            js=[forms.Script("js/admin-editor.js", type="module")],
        )

    def get_context(self, name, value, attrs):
        context = forms.Textarea.get_context(self, name, value, attrs)
        config = {"extensions": expand_extensions(EDITOR_EXTENSIONS)}
        context["widget"]["attrs"][CONFIG_ATTRIBUTE] = json.dumps(
            config, separators=(",", ":"), cls=DjangoJSONEncoder
        )
        return context


class RichTextAdminMixin:
    """In front of a TabbedTranslationAdmin: ``rich_text_fields`` get the editor in every tab.

    modeltranslation copies the widget of the original field (``body``) to each language's
    field (``body_uz``, ``body_uz_cyrl``…), adding its tab classes, so one override does it.
    """

    rich_text_fields: tuple[str, ...] = ()
    # {"title": 65}: fields that get a live counter with the advised length (admin-drafting.js)
    advised_lengths: dict[str, int] = {}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.rich_text_fields:
            kwargs["widget"] = PressEditorWidget
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in self.advised_lengths:
            field.widget.attrs["data-advised-length"] = self.advised_lengths[db_field.name]
        return field
