from django.db import migrations


def create_roles(apps, schema_editor):
    from press.services.roles import setup_roles

    setup_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0005_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
