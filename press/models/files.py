"""A release's photos and documents, and where uploads are stored."""

import secrets
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from press import files as uploads
from press import languages


def random_name(prefix: str, filename: str) -> str:
    """An upload path with a random part, so that a draft's file cannot be guessed."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"{prefix}/{timezone.now():%Y/%m}/{secrets.token_urlsafe(12)}{suffix}"


def upload_portrait(instance, filename):
    return random_name("portraits", filename)


def upload_photo(instance, filename):
    return random_name("photos", filename)


def upload_attachment(instance, filename):
    return random_name("attachments", filename)


class Photo(models.Model):
    """A photo of a release: stored re-encoded (never as uploaded), with its renditions."""

    release = models.ForeignKey(
        # By name, not by class: press.models.querysets imports this module (for_cards
        # prefetches photos), so importing Release here would be a cycle.
        "press.Release",
        verbose_name=_("release"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = models.ImageField(
        _("image"),
        upload_to=upload_photo,
        help_text=_("JPEG, PNG or WebP. Stored re-encoded, without location or camera data."),
    )
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    alt = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the photo shows, for people who cannot see it. "
            "Required in each language the release is published in."
        ),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    is_lead = models.BooleanField(_("lead photo"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    focal_x = models.FloatField(
        _("focal point, across"),
        default=0.5,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("0 is the left edge, 1 the right edge: cards are cropped around it."),
    )
    focal_y = models.FloatField(
        _("focal point, down"),
        default=0.5,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("0 is the top edge, 1 the bottom edge."),
    )
    # [{"kind": "full"|"card", "format": "avif"|"webp"|"jpeg"|"png", "width", "height",
    #   "name"}]: made once when the photo is saved (press/files/), never on request.
    renditions = models.JSONField(_("renditions"), default=list, blank=True, editable=False)
    content_hash = models.CharField(
        _("SHA-256 of the upload"), max_length=64, blank=True, editable=False
    )

    # What the database holds, to tell a new image or focal point from an old one.
    _stored_image = ""
    _stored_renditions: list = []
    _stored_focal = None

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["order", "id"]

    def __str__(self):
        return self.alt or PurePath(self.image.name).name

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._remember_stored()
        return instance

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._remember_stored()

    def _remember_stored(self):
        if "image" in self.__dict__:
            self._stored_image = getattr(self.__dict__["image"], "name", self.__dict__["image"])
        self._stored_renditions = list(self.__dict__.get("renditions") or [])
        self._stored_focal = (self.__dict__.get("focal_x"), self.__dict__.get("focal_y"))

    def save(self, *args, **kwargs):
        """Re-encode a new image and make its renditions; old files go after the commit.

        Both the admin (an uploaded file) and code that calls ``image.save(name, content,
        save=False)`` first (the demo data) come through here. The files written here are
        deleted again if this save, or the transaction around it, fails (press/files/cleanup.py).
        """
        with uploads.deleted_if_failed():
            self._save(*args, **kwargs)

    def _save(self, *args, **kwargs):
        storage = self.image.storage
        obsolete, written = [], []
        if self.image and "image" not in self.get_deferred_fields():
            stored_before = {self._stored_image, *self._names(self._stored_renditions)}
            new_image = not self.image._committed or self.image.name != self._stored_image
            if new_image:
                obsolete += [self._stored_image, *self._names(self._stored_renditions)]
                self._store_image(storage)
            elif (self.focal_x, self.focal_y) != self._stored_focal and self.renditions:
                obsolete += self._names(self.renditions, kind="card")
                self._remake_cards(storage)
            written = [n for n in self.file_names() if n not in stored_before]
        try:
            if self.is_lead and self.release_id:
                others = Photo.objects.filter(release_id=self.release_id, is_lead=True)
                others.exclude(pk=self.pk).update(is_lead=False)
            super().save(*args, **kwargs)
        except Exception:
            # The row was not written (a lost connection, a constraint): without this the
            # files just stored would be left in the storage with no row naming them.
            uploads.delete_files(storage, written)
            raise
        self._remember_stored()
        if obsolete:
            names = [n for n in obsolete if n]
            transaction.on_commit(lambda: uploads.delete_files(storage, names))

    def _store_image(self, storage):
        raw = self.image.name if self.image._committed else None
        try:
            source = self.image.file
            prepared = uploads.prepare_photo(source, self.image.name)
        finally:
            if raw:
                # Stored as uploaded by image.save(): never kept, not even for a moment longer.
                self.image.close()
                storage.delete(raw)
        self.image.save(f"photo.{prepared.extension}", ContentFile(prepared.data), save=False)
        uploads.note_written(storage, self.image.name)
        self.width, self.height = prepared.width, prepared.height
        self.content_hash = prepared.content_hash
        self.renditions = uploads.make_renditions(
            prepared.image, storage=storage, stem=self._stem(), focal=(self.focal_x, self.focal_y)
        )

    def _remake_cards(self, storage):
        from PIL import Image

        with storage.open(self.image.name, "rb") as f:
            image = Image.open(f)
            image.load()
        cards = uploads.make_renditions(
            image,
            storage=storage,
            stem=self._stem(),
            kinds=("card",),
            focal=(self.focal_x, self.focal_y),
        )
        self.renditions = [r for r in self.renditions if r["kind"] != "card"] + cards

    def _stem(self) -> str:
        return str(PurePath(self.image.name).with_suffix(""))

    @staticmethod
    def _names(renditions, kind=None) -> list[str]:
        return [r["name"] for r in renditions or [] if kind is None or r["kind"] == kind]

    def file_names(self) -> list[str]:
        return [self.image.name, *self._names(self.renditions)]

    def picture(self, kind: str = "full") -> dict:
        """What <picture> needs: sources per format, the <img> src/srcset, width and height."""
        data = uploads.picture_data(self.renditions or [], kind, self.image.storage)
        if data is None and kind == "card":
            data = uploads.picture_data(self.renditions or [], "full", self.image.storage)
        if data is None:  # made before renditions existed
            data = {
                "sources": [],
                "src": self.image.url,
                "srcset": "",
                "width": self.width,
                "height": self.height,
            }
        return data

    def alt_text(self) -> str:
        """Alt text in the active language, else in the first language that has it.

        Plain text: an attribute cannot carry the lang mark that visible fallback text does.
        """
        for code in [languages.current(), *languages.codes()]:
            value = getattr(self, languages.field("alt", code))
            if value:
                return value
        return ""

    def missing_alt(self, codes) -> list[str]:
        return [code for code in codes if not getattr(self, languages.field("alt", code))]


@receiver(post_delete, sender=Photo)
def _delete_photo_files(sender, instance, **kwargs):
    storage, names = instance.image.storage, instance.file_names()
    transaction.on_commit(lambda: uploads.delete_files(storage, names))


class Attachment(models.Model):
    release = models.ForeignKey(
        "press.Release",
        verbose_name=_("release"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(
        _("file"),
        upload_to=upload_attachment,
        help_text=_("PDF, DOCX, XLSX, ODT or ODS, without macros."),
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    language = models.CharField(
        _("language of the document"),
        max_length=10,
        choices=languages.LANGUAGE_CHOICES,
        default="uz",
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    content_type = models.CharField(_("content type"), max_length=100, blank=True, editable=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    _stored_file = ""

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title or PurePath(self.file.name).name

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        if "file" in instance.__dict__:
            stored = instance.__dict__["file"]
            instance._stored_file = getattr(stored, "name", stored) or ""
        return instance

    def save(self, *args, **kwargs):
        replaced = None
        if self.file and (not self.file._committed or self.file.name != self._stored_file):
            # Checked here too, for code that does not come through the admin's form.
            kind = uploads.check_document(self.file.file, self.file.name)
            self.size = self.file.size
            self.content_type = uploads.DOCUMENT_TYPES[kind][0]
            replaced = self._stored_file
        super().save(*args, **kwargs)
        self._stored_file = self.file.name
        if replaced:
            storage = self.file.storage
            transaction.on_commit(lambda: uploads.delete_files(storage, [replaced]))

    def get_absolute_url(self):
        return reverse("press:attachment", kwargs={"slug": self.release.slug, "pk": self.pk})

    @property
    def extension(self) -> str:
        return PurePath(self.file.name).suffix.lower().lstrip(".")

    def type_label(self) -> str:
        """PDF, DOCX…: what the page says the file is."""
        return uploads.DOCUMENT_TYPES.get(self.extension, ("", self.extension.upper()))[1]

    def download_name(self) -> str:
        """The title in the active language (else any) with the extension, safe as a name."""
        title = ""
        for code in [languages.current(), *languages.codes()]:
            title = getattr(self, languages.field("title", code)) or ""
            if title:
                break
        cleaned = "".join(c for c in title if c.isprintable() and c not in '\\/:*?"<>|')
        cleaned = " ".join(cleaned.split())[:150].strip(" .") or "document"
        return f"{cleaned}.{self.extension}"


@receiver(post_delete, sender=Attachment)
def _delete_attachment_file(sender, instance, **kwargs):
    storage, name = instance.file.storage, instance.file.name
    transaction.on_commit(lambda: uploads.delete_files(storage, [name]))


@receiver(post_delete, sender="press.Release")
def _delete_share_cards(sender, instance, **kwargs):
    # The cards press/site/share_cards.py drew for it, once the deletion is committed.
    from django.core.files.storage import default_storage

    pk = instance.pk
    transaction.on_commit(lambda: uploads.delete_share_cards(default_storage, pk))
