"""A person's portrait goes through the photo checks and is stored re-encoded, as photos are
(press/files/fields.py ReencodedImageField): no location, no camera data, no polyglot."""

import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from press.models import Person
from tests.support import encode, form_data, halves, jpeg

pytestmark = pytest.mark.django_db

MARKER = b"ORIGINAL-BYTES-5d1e"
POLYGLOT = jpeg() + b"<html><body><script>alert(document.cookie)</script></body></html>"


def gps_jpeg() -> bytes:
    """A 600×400 JPEG shot sideways (Orientation 6) in Tashkent, with a comment."""
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "CameraMaker"
    exif.get_ifd(0x8825).update({1: "N", 2: (41.0, 18.0, 0.0), 3: "E", 4: (69.0, 16.0, 0.0)})
    return encode(halves(600, 400), "JPEG", exif=exif, comment=MARKER)


def stored_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def add_person(client, portrait: bytes, name="portrait.jpg"):
    url = reverse("admin:press_person_add")
    data = form_data(client.get(url).content.decode(), "person_form")
    data.update({"slug": ["envoy"], "name_uz": ["Elchi"], "name_en": ["Envoy"]})
    data["portrait"] = SimpleUploadedFile(name, portrait, content_type="image/jpeg")
    return client.post(url, data)


def test_a_portrait_is_stored_reencoded_without_location(admin_client, settings):
    response = add_person(admin_client, gps_jpeg())
    assert response.status_code == 302
    person = Person.objects.get(slug="envoy")
    with person.portrait.open("rb") as f:
        raw = f.read()
    assert b"Exif" not in raw and b"GPS" not in raw and MARKER not in raw
    image = Image.open(io.BytesIO(raw))
    assert image.format == "JPEG" and image.size == (400, 600)  # turned upright
    assert [p.name for p in stored_files(settings)] == [Path(person.portrait.name).name]


def test_a_polyglot_portrait_is_refused_next_to_its_field(admin_client, settings):
    response = add_person(admin_client, POLYGLOT)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "portrait" in form.errors
    assert form["name_en"].value() == "Envoy"  # what was typed is still there
    assert not Person.objects.filter(slug="envoy").exists()
    assert stored_files(settings) == []


def test_saving_a_person_in_code_checks_the_portrait_too(settings):
    person = Person(slug="envoy", name_en="Envoy")
    person.portrait = SimpleUploadedFile("p.jpg", POLYGLOT)
    with pytest.raises(ValidationError):
        person.save()
    assert stored_files(settings) == []
