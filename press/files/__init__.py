"""Uploads: the checks every photo and document passes, re-encoding, renditions.

Uploads are hostile until proven otherwise. What is stored is never the uploaded bytes of
a photo: the decoded pixels are re-encoded, and renditions at fixed widths are made once,
when the photo is saved. Every file goes through Django's storage API, so an object store
works unchanged.

- ``photo_checks``: content sniffing, caps, complete decoding, no markup;
- ``document_checks``: the allow-list of document kinds, judged by content, no macros;
- ``reencoding``: what a Photo stores (orientation applied, metadata dropped, sRGB);
- ``renditions``: the widths and formats a <picture> offers, and the card crop;
- ``fields``: the admin's upload fields, which run the checks;
- ``cleanup``: deleting stored files nothing names any more, or whose save failed;
- ``refusals``: the error an editor reads, shared by the checks;
- ``share_cards``: the Open Graph picture of a release, drawn with the fonts in ``fonts/``.

The names below are what the models, the admin, the tests and the bench use.
"""

from press.files.cleanup import delete_files, deleted_if_failed, note_written
from press.files.document_checks import (
    DOCUMENT_EXTENSIONS,
    DOCUMENT_TYPES,
    accepted_document_types,
    check_document,
)
from press.files.fields import (
    DocumentFormField,
    MultipleFileInput,
    MultiplePhotoField,
    PhotoFormField,
)
from press.files.photo_checks import (
    PHOTO_EXTENSIONS,
    PHOTO_FORMATS,
    CheckedPhoto,
    accepted_photo_types,
    check_photo,
)
from press.files.reencoding import PreparedPhoto, encode, prepare_photo
from press.files.renditions import card_crop, make_renditions, picture_data
from press.files.share_cards import delete_share_cards

__all__ = [
    "DOCUMENT_EXTENSIONS",
    "DOCUMENT_TYPES",
    "PHOTO_EXTENSIONS",
    "PHOTO_FORMATS",
    "CheckedPhoto",
    "DocumentFormField",
    "MultipleFileInput",
    "MultiplePhotoField",
    "PhotoFormField",
    "PreparedPhoto",
    "accepted_document_types",
    "accepted_photo_types",
    "card_crop",
    "check_document",
    "check_photo",
    "delete_files",
    "delete_share_cards",
    "deleted_if_failed",
    "encode",
    "make_renditions",
    "note_written",
    "picture_data",
    "prepare_photo",
]
