# A slug for every post (its public page's address), filled from the English title.

from django.db import migrations, models


def fill_slugs(apps, schema_editor):
    from press.models.reference import unique_post_slug

    Post = apps.get_model("press", "Post")
    # In id order, so that the older post keeps the plain slug when two titles agree.
    for post in Post.objects.select_related("country").order_by("pk"):
        post.slug = unique_post_slug(Post, post)
        post.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0017_portrait_reencoded"),
    ]

    operations = [
        # Not unique until filled: every existing row starts with the same empty slug. No
        # index yet either: on PostgreSQL, AlterField to unique would make its "_like"
        # index a second time and fail.
        migrations.AddField(
            model_name="post",
            name="slug",
            field=models.SlugField(
                blank=True, db_index=False, default="", max_length=80, verbose_name="slug"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="post",
            name="slug",
            field=models.SlugField(blank=True, max_length=80, unique=True, verbose_name="slug"),
        ),
    ]
