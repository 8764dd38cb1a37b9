"""A save overtaken by someone else's: each field merged, or shown as a conflict to resolve.

When ``services.release_save`` refuses a form made from an older version (``ConflictError``),
the change form compares three versions of every field it shows: the editor's (this POST),
the saved one, and the one the editor opened (the revision recorded at the form's
``edit_version``). A field only one side changed takes that side's value without asking. A
field both changed is a ``FieldConflict``: the editor keeps theirs, takes the saved one, or
merges the two by hand. The form keeps the version it was opened at until the editor has
answered for every conflict (``seen_version`` says which saved version they answered); only
then is it saved, as the saved version's successor, by the one save path.
"""

import difflib
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django import forms
from django.utils import formats
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from press import languages, services
from press.models import Release
from press.text import sanitize_html

# Fields whose text is the editor's HTML: compared and merged on their visible text.
RICH_TEXT = ("body",)
CHOICES = ("mine", "saved", "merged")


def compared_fields(form) -> list[str]:
    """Return the names of the form's fields that a conflicting save is compared on."""
    texts = [languages.field(n, c) for n in services.TEXT_FIELDS for c in languages.codes()]
    names = [*texts, *services.CONTENT_FIELDS, *services.RELATIONS]
    return [name for name in names if name in form.fields]


def is_relation(name: str) -> bool:
    return name in services.RELATIONS


def is_rich(name: str) -> bool:
    return any(name.startswith(f"{base}_") for base in RICH_TEXT)


def comparable(name: str, value):
    """Return ``value`` in one form for comparing the POST, the database and a snapshot."""
    if is_relation(name):
        return sorted(str(getattr(v, "pk", v)) for v in (value or ()))
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value).replace("\r\n", "\n").strip()
    return sanitize_html(text).strip() if is_rich(name) else text


def stored_value(release: Release, name: str):
    """Return what ``release`` holds in the form field ``name`` (objects for a relation)."""
    if is_relation(name):
        return list(getattr(release, name).all())
    return getattr(release, name)


def snapshot_value(snapshot: dict, name: str):
    """Return a revision snapshot's value of the form field ``name``."""
    if is_relation(name):
        return snapshot.get(name, [])
    return snapshot["fields"].get(Release._meta.get_field(name).attname)


# --- Text as a reader sees it, and back -----------------------------------------------------


class _Blocks(HTMLParser):
    """Splits sanitised HTML into its top-level blocks: (visible text, the block's HTML)."""

    VOID = {"br", "hr"}
    BREAKS = {"p", "li", "tr", "h2", "h3", "h4", "blockquote"}

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.source = source
        self.line_starts = [0]
        for line in source.splitlines(keepends=True):
            self.line_starts.append(self.line_starts[-1] + len(line))
        self.depth = 0
        self.block_start = 0
        self.text: list[str] = []
        self.blocks: list[tuple[str, str]] = []
        self.feed(source)
        self.close()

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            self.block_start, self.text = self.position(), []
        if tag == "br":
            self.text.append("\n")
        if tag not in self.VOID:
            self.depth += 1
        elif self.depth == 0:
            self.end_block(self.position() + len(self.get_starttag_text() or ""))

    def handle_endtag(self, tag):
        if tag in self.VOID or self.depth == 0:
            return
        self.depth -= 1
        if tag in self.BREAKS:
            self.text.append("\n")
        elif tag in ("td", "th"):
            self.text.append(" ")
        if self.depth == 0:
            self.end_block(self.source.index(">", self.position()) + 1)

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
        elif data.strip():
            text = " ".join(data.split())
            self.blocks.append((text, f"<p>{html.escape(text, quote=False)}</p>"))

    def end_block(self, end: int) -> None:
        lines = (" ".join(line.split()) for line in "".join(self.text).split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            self.blocks.append((text, self.source[self.block_start : end]))


def visible_text(name: str, value) -> str:
    """Return the field's value as a reader sees it: a rich text's paragraphs, a relation's
    names, a date written out; never markup."""
    if is_relation(name):
        return ", ".join(str(v) for v in value or ())
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return formats.date_format(value, "DATE_FORMAT")
    if is_rich(name):
        return "\n\n".join(text for text, _block in _Blocks(sanitize_html(str(value))).blocks)
    return str(value).replace("\r\n", "\n").strip()


def rich_text_from(text: str, *sources: str) -> str:
    """Return HTML for a merged text: each paragraph (blank-line separated) that is a block
    of one of ``sources`` keeps that block's markup; any other becomes a plain paragraph."""
    known = {}
    for source in sources:
        for block_text, block_html in _Blocks(sanitize_html(source or "")).blocks:
            known.setdefault(block_text, block_html)
    out = []
    for paragraph in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [" ".join(line.split()) for line in paragraph.split("\n")]
        key = "\n".join(line for line in lines if line)
        if not key:
            continue
        if key in known:
            out.append(known[key])
        else:
            escaped = (html.escape(line, quote=False) for line in lines if line)
            out.append("<p>" + "<br>".join(escaped) + "</p>")
    return "".join(out)


TOKENS = re.compile(r"\w+|[^\w\s]|\s+")


def word_diff(saved: str, mine: str) -> SafeString:
    """Return HTML marking, word by word, what only ``saved`` has (<del>) and what only
    ``mine`` has (<ins>); every piece of text is escaped."""
    a, b = TOKENS.findall(saved), TOKENS.findall(mine)
    pieces = []  # [saved text, my text], equal where the two are the same
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
        changed = op != "equal"
        if pieces and pieces[-1][2] and (changed or not old.strip()):
            # A change, or only a space between two changes: one run, read as a phrase.
            pieces[-1][0] += old
            pieces[-1][1] += new
        else:
            pieces.append([old, new, changed])
    out = []
    for index, (old, new, changed) in enumerate(pieces):
        if not changed:
            out.append(html.escape(old))
            continue
        # A run ending in a space that both sides share: show the space as unchanged.
        tail = ""
        if index + 1 == len(pieces) or not pieces[index + 1][2]:
            while old and new and old[-1] == new[-1] and old[-1].isspace():
                tail, old, new = old[-1] + tail, old[:-1], new[:-1]
        if old:
            out.append(f'<del class="diff-del">{html.escape(old)}</del>')
        if new:
            out.append(f'<ins class="diff-ins">{html.escape(new)}</ins>')
        out.append(html.escape(tail))
    return mark_safe("".join(out))  # noqa: S308 (every piece escaped above)


# --- One field both editors changed ---------------------------------------------------------


@dataclass
class FieldConflict:
    """A field the editor and the saved version both changed, since the version opened."""

    form: forms.BaseForm
    name: str
    mine: object
    saved: object

    @property
    def label(self):
        return self.form.fields[self.name].label

    @property
    def mergeable(self) -> bool:
        """Whether a merged text can be typed: texts, not choices, dates or relations."""
        return self.name not in (*services.CONTENT_FIELDS, *services.RELATIONS)

    @property
    def multiline(self) -> bool:
        return is_rich(self.name) or isinstance(self.form.fields[self.name].widget, forms.Textarea)

    @property
    def choice(self) -> str:
        return self.form.data.get(f"resolve-{self.name}", "")

    @property
    def merged_text(self) -> str:
        """The merge as typed so far, or to start with, the editor's own text."""
        typed = self.form.data.get(f"merged-{self.name}")
        return visible_text(self.name, self.mine) if typed is None else typed

    @property
    def errors(self):
        return self.form.errors.get(self.name, [])

    def diff(self) -> SafeString:
        return word_diff(visible_text(self.name, self.saved), visible_text(self.name, self.mine))

    def resolve(self, cleaned: dict) -> None:
        """Put the editor's answer into ``cleaned``, or an error next to the field."""
        if self.choice == "mine":
            return
        if self.choice == "saved":
            take(self.form, cleaned, self.name, self.saved)
        elif self.choice == "merged" and self.mergeable:
            take(self.form, cleaned, self.name, self.merged_value())
        else:
            message = _("Choose which version to keep: yours, the saved one, or a merge.")
            self.form.add_error(self.name, message)

    def merged_value(self) -> str:
        text = self.merged_text
        if is_rich(self.name):
            return rich_text_from(text, str(self.mine or ""), str(self.saved or ""))
        if self.multiline:
            return text.replace("\r\n", "\n").strip()
        return " ".join(text.split())


def take(form, cleaned: dict, name: str, value) -> None:
    """Use ``value`` for the field: in what is saved, and in what the form shows again."""
    data = form.data.copy()
    key = form.add_prefix(name)
    if is_relation(name):
        model = Release._meta.get_field(name).related_model
        ids = [getattr(v, "pk", v) for v in value]
        cleaned[name] = model._default_manager.filter(pk__in=ids)
        data.setlist(key, [str(i) for i in ids])
    else:
        cleaned[name] = value
        data[key] = formats.localize_input(value) if hasattr(value, "isoformat") else value
    form.data = data


def merge_with_saved(form, cleaned: dict) -> None:
    """Merge the form with the saved release; note the conflicts left for the editor.

    Sets ``form.conflict`` (the saved release), ``form.conflicts``, ``form.merged`` (fields
    taken from the saved version) and, when nothing is left to answer, ``form.merged_with``
    (the version the save is then made from).
    """
    stored = Release.objects.get(pk=form.instance.pk)
    base = services.revision_snapshot_at(release=stored, version=cleaned.get("edit_version"))
    form.conflict, form.conflicts, form.merged = stored, [], []
    for name in compared_fields(form):
        if name not in cleaned:
            continue  # invalid: its own error says why
        mine, saved = cleaned[name], stored_value(stored, name)
        if comparable(name, mine) == comparable(name, saved):
            continue
        started = None if base is None else comparable(name, snapshot_value(base, name))
        if started == comparable(name, mine):  # only the saved version changed it
            take(form, cleaned, name, saved)
            form.merged.append(form.fields[name].label)
        elif started != comparable(name, saved):  # both changed it
            form.conflicts.append(FieldConflict(form, name, mine, saved))
    if cleaned.get("seen_version") != stored.version:
        # A saved version the editor has not seen yet: show it, unless nothing conflicts.
        data = form.data.copy()
        data[form.add_prefix("seen_version")] = stored.version
        form.data = data
        if form.conflicts:
            message = _(
                "Someone else saved this release after you opened it. Nothing was saved. "
                "For each field you both changed, keep yours, take the saved one or merge "
                "them below, then save again."
            )
            form.add_error(None, forms.ValidationError(message, code="conflict"))
            return
    for conflict in form.conflicts:
        conflict.resolve(cleaned)
    if not form.errors:
        form.merged_with = stored.version
