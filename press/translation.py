"""What is written in each language (modeltranslation adds *_uz, *_uz_cyrl, *_ru, *_en)."""

from modeltranslation.translator import TranslationOptions, register

from press.models import Attachment, Country, Occasion, Person, Photo, Post, Release, Topic


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "biography")


@register(Post)
class PostTranslation(TranslationOptions):
    fields = ("title",)


@register(Occasion)
class OccasionTranslation(TranslationOptions):
    fields = ("name", "description", "place")


@register(Release)
class ReleaseTranslation(TranslationOptions):
    # All optional: a draft may start in any one language (Release.clean asks for a title).
    fields = ("title", "lead", "body", "place", "change_note", "withdrawal_reason")


@register(Photo)
class PhotoTranslation(TranslationOptions):
    fields = ("alt", "caption", "credit")


@register(Attachment)
class AttachmentTranslation(TranslationOptions):
    fields = ("title",)
