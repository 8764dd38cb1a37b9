from django.db import migrations


def update_roles(apps, schema_editor):
    from press.services.roles import setup_roles

    setup_roles(apps)


class Migration(migrations.Migration):
    """The administrator role also manages authenticators, login records and deletes users."""

    dependencies = [
        ("press", "0006_roles"),
        ("otp_totp", "0003_add_timestamps"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
