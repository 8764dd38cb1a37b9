"""Photos: the upload checks, re-encoding, renditions, markup and file cleanup.

Every image here is real bytes made with Pillow; nothing of ours is mocked.
"""

import io
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from PIL import Image, features

from press.files import card_crop, check_photo
from press.models import Photo, Status
from tests.support import change_url, encode, halves, jpeg, release_form_data

pytestmark = pytest.mark.django_db

MARKER = b"ORIGINAL-BYTES-7f3a9c"  # written into uploads, must never reach storage
TASHKENT = {1: "N", 2: (41.0, 18.0, 0.0), 3: "E", 4: (69.0, 16.0, 0.0)}


def gps_rotated_jpeg():
    """A 1200×800 JPEG shot sideways (Orientation 6) in Tashkent, with a comment."""
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    exif[0x010F] = "CameraMaker"
    exif.get_ifd(0x8825).update(TASHKENT)  # GPS IFD
    return encode(halves(1200, 800), "JPEG", exif=exif, comment=MARKER)


def upload(data, name):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def refusal(data, name):
    with pytest.raises(ValidationError) as error:
        check_photo(upload(data, name))
    return error.value


def stored_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def open_stored(photo, name=None):
    with photo.image.storage.open(name or photo.image.name, "rb") as f:
        image = Image.open(io.BytesIO(f.read()))
        image.load()
    return image


# --- Accepted -------------------------------------------------------------------

ACCEPTED = [
    ("photo.jpg", lambda: jpeg()),
    ("photo.JPEG", lambda: jpeg()),
    ("photo.png", lambda: encode(halves(600, 400), "PNG")),
    ("photo.webp", lambda: encode(halves(600, 400), "WEBP")),
]
if features.check("avif"):
    ACCEPTED.append(("photo.avif", lambda: encode(halves(600, 400), "AVIF")))


@pytest.mark.parametrize(("name", "make"), ACCEPTED, ids=[n for n, _m in ACCEPTED])
def test_accepted_formats(name, make):
    checked = check_photo(upload(make(), name))
    assert checked.width > 0 and checked.height > 0


# --- Refused --------------------------------------------------------------------


def test_decompression_bomb_is_refused():
    # 100 megapixels in a few kilobytes: Pillow alone only warns about this one.
    bomb = encode(Image.new("1", (10_000, 10_000)), "PNG")
    assert len(bomb) < 100_000
    error = refusal(bomb, "bomb.png")
    assert error.code == "too_many_pixels"
    assert "40" in error.messages[0]


def test_pixel_cap_is_a_setting(settings):
    settings.PRESS_PHOTO_MAX_PIXELS = 1_000_000
    assert refusal(jpeg(1500, 1000), "photo.jpg").code == "too_many_pixels"
    settings.PRESS_PHOTO_MAX_PIXELS = 2_000_000
    check_photo(upload(jpeg(1500, 1000), "photo.jpg"))


def test_byte_cap_is_a_setting(settings):
    settings.PRESS_PHOTO_MAX_BYTES = 10_000
    error = refusal(jpeg(), "photo.jpg")
    assert error.code == "too_large"
    assert "9.8" in error.messages[0] or "KB" in error.messages[0]


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)


@pytest.mark.parametrize(
    ("name", "make", "kind"),
    [
        ("drawing.svg", lambda: SVG, "SVG"),
        ("drawing.png", lambda: SVG, "SVG"),
        ("photo.eps", lambda: encode(halves(40, 30), "EPS"), "EPS"),
        ("photo.jpg", lambda: encode(halves(40, 30), "EPS"), "EPS"),
        ("photo.pdf", lambda: encode(halves(40, 30), "PDF"), "PDF"),
        ("photo.gif", lambda: encode(halves(40, 30), "GIF"), "GIF"),
        ("photo.bmp", lambda: encode(halves(40, 30), "BMP"), "BMP"),
        ("photo.tif", lambda: encode(halves(40, 30), "TIFF"), "TIFF"),
        ("photo.ico", lambda: encode(halves(32, 32), "ICO"), "ICO"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_other_formats_are_refused_by_content(name, make, kind):
    error = refusal(make(), name)
    assert error.code == "format"
    assert kind in error.messages[0]
    assert "JPEG, PNG, WEBP" in error.messages[0]


def test_text_is_refused():
    assert refusal(b"just some text, not a picture", "photo.jpg").code == "format"


def test_empty_file_is_refused():
    with pytest.raises(ValidationError):
        check_photo(io.BytesIO(b""), "photo.jpg")


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_truncated_files_are_refused(fmt):
    # Noise, so that the compressed data is long and the cut lands in the pixels.
    data = encode(Image.effect_noise((800, 600), 60).convert("RGB"), fmt)
    ext = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[fmt]
    assert refusal(data[: len(data) * 2 // 3], f"photo.{ext}").code in ("truncated", "format")


def test_truncated_jpeg_says_so():
    data = encode(Image.effect_noise((800, 600), 60).convert("RGB"), "JPEG")
    with translation.override("en"):
        error = refusal(data[: len(data) // 2], "photo.jpg")
        assert "incomplete" in error.messages[0]
    assert error.code == "truncated"


def test_jpeg_with_an_html_tail_is_refused():
    polyglot = jpeg() + b"<html><body><script>alert(document.cookie)</script></body></html>"
    error = refusal(polyglot, "photo.jpg")
    assert error.code == "markup"


def test_png_named_jpg_is_refused():
    error = refusal(encode(halves(60, 40), "PNG"), "photo.jpg")
    assert error.code == "name_mismatch"
    assert ".jpg" in error.messages[0] and "PNG" in error.messages[0]


def test_jpeg_named_png_and_a_name_without_extension_are_refused():
    assert refusal(jpeg(), "photo.png").code == "name_mismatch"
    assert refusal(jpeg(), "photo").code == "name_mismatch"


def test_refusals_are_in_the_editors_language():
    data = encode(halves(60, 40), "PNG")
    with translation.override("en"):
        english = refusal(data, "photo.jpg").messages[0]
    for code in ("ru", "uz", "uz-cyrl"):
        with translation.override(code):
            assert refusal(data, "photo.jpg").messages[0] != english, code


# --- Re-encoding ----------------------------------------------------------------


def test_stored_image_is_reencoded_rotated_and_stripped(release_factory, settings):
    original = gps_rotated_jpeg()
    photo = Photo(release=release_factory(), image=upload(original, "DSC0001.jpg"))
    photo.save()

    stored = open_stored(photo)
    assert stored.format == "JPEG"
    assert (photo.width, photo.height) == stored.size == (800, 1200)  # orientation applied
    # Rotated clockwise: the left (red) half is now on top.
    assert stored.getpixel((400, 100))[0] > 200 and stored.getpixel((400, 1100))[2] > 200
    assert dict(stored.getexif()) == {}
    for key in ("exif", "xmp", "comment", "icc_profile"):
        assert key not in stored.info
    raw = photo.image.storage.open(photo.image.name).read()
    assert b"Exif" not in raw and b"GPS" not in raw and MARKER not in raw
    assert raw != original
    assert re.fullmatch(r"photos/\d{4}/\d{2}/[\w-]{16}\.jpg", photo.image.name)
    assert "DSC0001" not in photo.image.name


def test_long_side_is_capped(release_factory):
    photo = Photo(release=release_factory(), image=upload(jpeg(4000, 2000), "wide.jpg"))
    photo.save()
    assert (photo.width, photo.height) == (3000, 1500)
    assert open_stored(photo).size == (3000, 1500)


def test_cmyk_and_greyscale_are_stored_as_rgb(release_factory):
    release = release_factory()
    for mode in ("CMYK", "L"):
        data = encode(halves(300, 200).convert(mode), "JPEG")
        photo = Photo(release=release, image=upload(data, "photo.jpg"))
        photo.save()
        assert open_stored(photo).mode == "RGB"


def test_transparent_png_stays_transparent(release_factory):
    image = Image.new("RGBA", (600, 400), (255, 0, 0, 0))
    photo = Photo(release=release_factory(), image=upload(encode(image, "PNG"), "logo.png"))
    photo.save()
    assert photo.image.name.endswith(".png")
    assert open_stored(photo).mode == "RGBA"
    assert {r["format"] for r in photo.renditions} >= {"webp", "png"}
    assert "jpeg" not in {r["format"] for r in photo.renditions}


def test_model_save_refuses_what_the_form_refuses(release_factory, settings):
    photo = Photo(release=release_factory(), image=upload(encode(halves(60, 40), "PNG"), "x.jpg"))
    with pytest.raises(ValidationError):
        photo.save()
    assert Photo.objects.count() == 0
    assert stored_files(settings) == []


@pytest.mark.parametrize("path", ["admin-like upload", "image.save() then save()"])
def test_no_trace_of_the_original_for_a_draft(release_factory, settings, path):
    release = release_factory(status=Status.DRAFT, published_at=None)
    original = gps_rotated_jpeg()
    if path == "admin-like upload":
        photo = Photo(release=release, image=upload(original, "draft.jpg"))
    else:
        # What the demo data command does.
        photo = Photo(release=release)
        photo.image.save("draft.jpg", ContentFile(original), save=False)
    photo.save()

    files = stored_files(settings)
    assert len(files) == 1 + len(photo.renditions)
    for path_ in files:
        content = path_.read_bytes()
        assert content != original
        assert MARKER not in content and b"Exif" not in content, path_


def test_demo_data_path_makes_renditions(release_factory):
    photo = Photo(release=release_factory(), alt_uz="Rasm")
    photo.image.save("demo.jpg", ContentFile(jpeg(2400, 1600)), save=False)
    photo.save()
    photo.refresh_from_db()
    assert photo.width == 2400
    assert len(photo.renditions) > 0
    for rendition in photo.renditions:
        assert photo.image.storage.exists(rendition["name"])


# --- Renditions -----------------------------------------------------------------

MODERN = (["avif"] if features.check("avif") else []) + ["webp"]
PIL_FORMAT = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG", "png": "PNG"}


def test_renditions_sizes_and_formats(release_factory, settings):
    photo = Photo(release=release_factory(), image=upload(jpeg(2400, 1600), "photo.jpg"))
    photo.save()

    full = {(r["format"], r["width"], r["height"]) for r in photo.renditions if r["kind"] == "full"}
    cards = {
        (r["format"], r["width"], r["height"]) for r in photo.renditions if r["kind"] == "card"
    }
    assert full == {(f, w, round(w * 2 / 3)) for f in [*MODERN, "jpeg"] for w in (480, 960, 1600)}
    assert cards == {(f, w, round(w * 2 / 3)) for f in [*MODERN, "jpeg"] for w in (480, 960)}
    for rendition in photo.renditions:
        stored = open_stored(photo, rendition["name"])
        assert stored.format == PIL_FORMAT[rendition["format"]]
        assert stored.size == (rendition["width"], rendition["height"])
        assert rendition["name"].startswith(photo.image.name.rsplit(".", 1)[0] + "-")


def test_small_photo_is_not_enlarged(release_factory):
    photo = Photo(release=release_factory(), image=upload(jpeg(800, 600), "small.jpg"))
    photo.save()
    assert {r["width"] for r in photo.renditions if r["kind"] == "full"} == {480, 800}
    assert {r["width"] for r in photo.renditions if r["kind"] == "card"} == {480, 800}


def test_rendition_widths_are_a_setting(settings, release_factory):
    settings.PRESS_RENDITION_WIDTHS = (320, 640)
    photo = Photo(release=release_factory(), image=upload(jpeg(2400, 1600), "photo.jpg"))
    photo.save()
    assert {r["width"] for r in photo.renditions if r["kind"] == "full"} == {320, 640}


def card_colour(photo):
    card = next(r for r in photo.renditions if r["kind"] == "card" and r["format"] == "jpeg")
    image = open_stored(photo, card["name"])
    return image.getpixel((image.width // 2, image.height // 2))


def test_focal_point_drives_the_card_crop(release_factory, settings):
    # 3:1, left red and right blue: a 3:2 crop is half the width, so it sees one colour.
    data = encode(halves(3000, 1000), "PNG")
    left = Photo(release=release_factory(), image=upload(data, "a.png"), focal_x=0.0)
    left.save()
    red = card_colour(left)
    assert red[0] > 200 and red[2] < 60

    old_cards = [r["name"] for r in left.renditions if r["kind"] == "card"]
    old_full = [r["name"] for r in left.renditions if r["kind"] == "full"]
    left.focal_x = 1.0
    storage = left.image.storage
    left.save()
    blue = card_colour(left)
    assert blue[2] > 200 and blue[0] < 60
    assert [r["name"] for r in left.renditions if r["kind"] == "full"] == old_full
    assert all(storage.exists(n) for n in old_cards)  # until the transaction commits


def test_changing_the_focal_point_removes_old_crops_after_commit(
    release_factory, django_capture_on_commit_callbacks
):
    photo = Photo(release=release_factory(), image=upload(jpeg(1500, 500), "a.jpg"))
    photo.save()
    old_cards = [r["name"] for r in photo.renditions if r["kind"] == "card"]
    photo = Photo.objects.get(pk=photo.pk)
    photo.focal_x = 0.9
    with django_capture_on_commit_callbacks(execute=True):
        photo.save()
    storage = photo.image.storage
    assert not any(storage.exists(n) for n in old_cards)
    assert all(storage.exists(r["name"]) for r in photo.renditions)


def test_card_crop_stays_inside_the_image():
    image = halves(1000, 1000)
    for fx, fy in [(0, 0), (1, 1), (0.5, 0.5), (0.9, 0.1)]:
        crop = card_crop(image, fx, fy)
        assert crop.size == (1000, 667)


def test_saving_without_a_new_image_does_not_reencode(release_factory):
    photo = Photo(release=release_factory(), image=upload(jpeg(), "a.jpg"))
    photo.save()
    name, renditions = photo.image.name, photo.renditions
    photo = Photo.objects.get(pk=photo.pk)
    photo.caption_en = "A caption"
    photo.save()
    assert (photo.image.name, photo.renditions) == (name, renditions)


def test_one_lead_photo_per_release(release_factory):
    release = release_factory()
    first = Photo(release=release, image=upload(jpeg(), "a.jpg"), is_lead=True)
    first.save()
    second = Photo(release=release, image=upload(jpeg(), "b.jpg"), is_lead=True)
    second.save()
    first.refresh_from_db()
    assert not first.is_lead
    assert release.lead_photo() == second


# --- Cleanup --------------------------------------------------------------------


def test_deleting_a_photo_removes_its_files_after_commit(
    release_factory, settings, django_capture_on_commit_callbacks
):
    photo = Photo(release=release_factory(), image=upload(jpeg(), "a.jpg"))
    photo.save()
    assert len(stored_files(settings)) == 1 + len(photo.renditions)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        photo.delete()
    assert len(stored_files(settings)) > 0  # nothing removed before the commit
    for callback in callbacks:
        callback()
    assert stored_files(settings) == []


def test_replacing_a_photo_removes_the_old_files(
    release_factory, settings, django_capture_on_commit_callbacks
):
    photo = Photo(release=release_factory(), image=upload(jpeg(), "a.jpg"))
    photo.save()
    old = [photo.image.name, *(r["name"] for r in photo.renditions)]
    photo = Photo.objects.get(pk=photo.pk)
    photo.image = upload(encode(halves(900, 600), "PNG"), "b.png")
    with django_capture_on_commit_callbacks(execute=True):
        photo.save()
    storage = photo.image.storage
    assert not any(storage.exists(n) for n in old)
    assert storage.exists(photo.image.name)
    assert len(stored_files(settings)) == 1 + len(photo.renditions)


def test_deleting_a_release_removes_its_photos_files(
    release_factory, settings, django_capture_on_commit_callbacks
):
    release = release_factory()
    for name in ("a.jpg", "b.jpg"):
        Photo(release=release, image=upload(jpeg(), name)).save()
    with django_capture_on_commit_callbacks(execute=True):
        release.delete()
    assert stored_files(settings) == []


# --- Markup ---------------------------------------------------------------------


@pytest.fixture
def illustrated(release_factory):
    release = release_factory(title="Suratli")
    for n, name in enumerate(("lead.jpg", "second.jpg")):
        Photo(
            release=release,
            image=upload(jpeg(2400, 1600), name),
            order=n,
            is_lead=n == 0,
            **{f"alt_{c}": f"Alt {n} [{c}]" for c in ("uz", "uz_cyrl", "ru", "en")},
            caption_en=f"Caption {n}",
        ).save()
    return release


def pictures(html):
    return re.findall(r"<picture>.*?</picture>", html, re.S)


def test_release_page_has_responsive_pictures(client, illustrated):
    with translation.override("en"):
        html = client.get(illustrated.get_absolute_url()).content.decode()
    lead, second = pictures(html)
    for fmt in MODERN:
        assert f'<source type="image/{fmt}" srcset="' in lead
    assert re.search(r'srcset="[^"]+-full480\.webp 480w, [^"]+-full960\.webp 960w, ', lead)
    assert 'sizes="(min-width: 72rem) 46rem' in lead
    assert 'width="1600" height="1067"' in lead
    assert 'alt="Alt 0 [en]"' in lead
    assert 'loading="lazy"' not in lead  # above the fold
    assert 'loading="lazy"' in second
    assert "-card960.jpg" in second and 'width="960" height="640"' in second
    assert "Caption 0" in html


def test_cards_use_the_focal_point_crops(client, illustrated):
    with translation.override("en"):
        html = client.get(reverse("press:release_list")).content.decode()
    (card,) = pictures(html)
    assert 'class="card__photo"' in card
    assert 'loading="lazy"' in card
    assert "-card480.webp 480w" in card and 'width="960" height="640"' in card
    assert "Alt 0 [en]" in card


def test_alt_falls_back_as_plain_text(client, release_factory):
    release = release_factory()
    Photo(release=release, image=upload(jpeg(), "a.jpg"), alt_uz="Faqat lotincha").save()
    with translation.override("en"):
        html = client.get(release.get_absolute_url()).content.decode()
    assert 'alt="Faqat lotincha"' in html
    assert "<span" not in re.search(r"<img[^>]*>", html).group(0)


def test_card_list_queries_do_not_grow_with_photos(client, release_factory):
    def list_queries(releases):
        for n in range(releases):
            release = release_factory(title=f"R{n}")
            Photo(release=release, image=upload(jpeg(600, 400), "a.jpg")).save()
        cache.clear()  # nothing kept: every card and count read again
        with CaptureQueriesContext(connection) as captured, translation.override("en"):
            assert client.get(reverse("press:release_list")).status_code == 200
        return len(captured)

    one = list_queries(1)
    assert list_queries(5) == one


# --- Admin ----------------------------------------------------------------------


def test_admin_adds_several_photos_at_once(admin_client, release_factory):
    release = release_factory(status=Status.DRAFT, published_at=None)
    files = [upload(jpeg(1200, 800), "one.jpg"), upload(encode(halves(600, 400), "PNG"), "two.png")]
    response = admin_client.post(change_url(release), release_form_data(release, new_photos=files))
    assert response.status_code == 302, response.content.decode()[:3000]
    photos = list(release.photos.order_by("order"))
    assert len(photos) == 2
    assert all(p.renditions for p in photos)
    assert photos[0].order < photos[1].order


def test_admin_bulk_upload_names_the_bad_file(admin_client, release_factory):
    release = release_factory(status=Status.DRAFT, published_at=None)
    files = [upload(jpeg(), "good.jpg"), upload(encode(halves(60, 40), "PNG"), "bad.jpg")]
    response = admin_client.post(
        change_url(release, "ru"), release_form_data(release, new_photos=files)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "bad.jpg" in html
    assert release.photos.count() == 0


def test_admin_refuses_bulk_photos_when_publishing(admin_client, release_factory):
    release = release_factory()  # published
    response = admin_client.post(
        change_url(release), release_form_data(release, new_photos=[upload(jpeg(), "a.jpg")])
    )
    assert response.status_code == 200
    assert release.photos.count() == 0


def photo_row(photo, **fields):
    row = {
        "photos-0-id": str(photo.pk),
        "photos-0-release": str(photo.release_id),
        "photos-0-order": str(photo.order),
        "photos-0-focal_x": "0.5",
        "photos-0-focal_y": "0.5",
        "photos-TOTAL_FORMS": "1",
        "photos-INITIAL_FORMS": "1",
    }
    for code in ("uz", "uz_cyrl", "ru", "en"):
        for field in ("alt", "caption", "credit"):
            row[f"photos-0-{field}_{code}"] = getattr(photo, f"{field}_{code}") or ""
    row.update({f"photos-0-{k}": v for k, v in fields.items()})
    return row


def test_published_release_needs_alt_in_each_published_language(admin_client, release_factory):
    release = release_factory(body_ru="", title_ru="")  # published in uz, uz-cyrl, en
    photo = Photo(release=release, image=upload(jpeg(), "a.jpg"), alt_uz="Rasm")
    photo.save()
    response = admin_client.post(
        change_url(release), release_form_data(release, **photo_row(photo))
    )
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.errors[0]
    assert set(errors) == {"alt_uz_cyrl", "alt_en"}

    filled = photo_row(photo, alt_uz_cyrl="Расм", alt_en="Photo")
    response = admin_client.post(change_url(release), release_form_data(release, **filled))
    assert response.status_code == 302


def test_draft_photos_may_wait_for_alt(admin_client, release_factory):
    release = release_factory(status=Status.DRAFT, published_at=None)
    photo = Photo(release=release, image=upload(jpeg(), "a.jpg"))
    photo.save()
    response = admin_client.post(
        change_url(release), release_form_data(release, **photo_row(photo))
    )
    assert response.status_code == 302


def test_admin_inline_refuses_a_bad_photo(admin_client, release_factory):
    release = release_factory(status=Status.DRAFT, published_at=None)
    data = release_form_data(
        release,
        **{
            "photos-TOTAL_FORMS": "1",
            "photos-0-image": upload(jpeg() + b"<script>x</script>", "a.jpg"),
            "photos-0-order": "0",
            "photos-0-focal_x": "0.5",
            "photos-0-focal_y": "0.5",
        },
    )
    with translation.override("en"):
        response = admin_client.post(change_url(release), data)
    assert response.status_code == 200
    assert "web page code" in response.content.decode()
    assert not Photo.objects.exists()


def test_admin_change_page_shows_the_card_crop(admin_client, illustrated):
    html = admin_client.get(change_url(illustrated)).content.decode()
    assert "-card960.jpg" in html
    assert 'name="photos-0-focal_x"' in html
    assert 'name="new_photos"' in html and "multiple" in html


# --- A save that fails leaves no file behind ------------------------------------------------


def test_a_refused_admin_save_leaves_no_photo_file(editor_client, release_factory, settings):
    """Through the admin, whichever check refuses it (the form, or release_save after the
    photo was written: ReleaseAdmin.changeform_view deletes what the failed save wrote)."""
    from tests.support import form_data

    release = release_factory(title="Chiqqan")  # published: every photo needs its alt text
    data = form_data(editor_client.get(change_url(release, "en")).content.decode())
    data.update(
        {
            "photos-TOTAL_FORMS": ["1"],
            "photos-0-order": ["0"],
            "photos-0-focal_x": ["0.5"],
            "photos-0-focal_y": ["0.5"],
            "photos-0-image": [SimpleUploadedFile("a.jpg", jpeg())],
            "_continue": ["Save and continue editing"],
        }
    )
    before = stored_files(settings)
    response = editor_client.post(change_url(release, "en"), data)
    assert response.status_code == 200  # refused: the alt text is missing
    assert "alternative text" in response.content.decode()
    assert not Photo.objects.exists()
    assert stored_files(settings) == before


def test_a_service_save_failing_after_the_photo_was_written_leaves_no_file(
    editor, release_factory, settings
):
    from press import services

    release = release_factory(title="Chiqqan")

    def add_a_photo_without_alt():
        Photo(release=release, image=upload(jpeg(), "a.jpg")).save()
        assert len(stored_files(settings)) > 1  # the original and its renditions

    with pytest.raises(services.WorkflowError):
        services.release_save(
            release=release,
            user=editor,
            version=release.version,
            save_related=add_a_photo_without_alt,
        )
    assert not Photo.objects.exists()
    assert stored_files(settings) == []


def test_a_photo_whose_row_cannot_be_written_leaves_no_file(release_factory, settings):
    photo = Photo(release=release_factory(), image=upload(jpeg(), "a.jpg"), order=-1)
    with pytest.raises(IntegrityError), transaction.atomic():
        photo.save()  # the database's check refuses a negative order
    assert stored_files(settings) == []


def test_files_of_a_committed_save_stay(release_factory, settings):
    photo = Photo(release=release_factory(), image=upload(jpeg(), "a.jpg"))
    with transaction.atomic():
        photo.save()
    assert len(stored_files(settings)) == len(photo.file_names())
