from django.db import migrations


def update_roles(apps, schema_editor):
    from press.services.roles import setup_roles

    setup_roles(apps)


class Migration(migrations.Migration):
    """Authors and translators may read the revisions of a release (view_revision)."""

    dependencies = [
        ("press", "0015_country_fixture_values"),
    ]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
