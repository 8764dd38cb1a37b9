"""Load the demo content (devdata/data/) for development: ``make demo`` runs it.

Safe to run again: devdata/demo/loader.py creates only what is missing. Production settings
do not install devdata, so there this command does not exist.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone, translation

from devdata.demo.loader import Loader

SUPERUSER = "demo"


class Command(BaseCommand):
    help = (
        "Load the demo content (countries first). Safe to run again: it adds only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-superuser",
            action="store_true",
            help="Also create the superuser demo (password demo) if missing. Development only.",
        )

    def handle(self, *args, with_superuser=False, **options):
        self.stdout.write("Countries: ", ending="")
        call_command("load_countries", stdout=self.stdout, stderr=self.stderr)

        # modeltranslation fills the untranslated columns from the active language.
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            loader = Loader(now=timezone.now())
            loader.run()
        for line in loader.summary():
            self.stdout.write(line)

        if with_superuser:
            self._superuser()

    def _superuser(self):
        User = get_user_model()
        if User.objects.filter(username=SUPERUSER).exists():
            self.stdout.write(f"Superuser {SUPERUSER!r} already exists: left as it is.")
        else:
            User.objects.create_superuser(SUPERUSER, "demo@example.invalid", "demo")
            self.stdout.write(f"Superuser {SUPERUSER!r} created with the password 'demo'.")
        self.stdout.write(
            self.style.WARNING(
                "WARNING: the demo/demo superuser is for development only. Never create it on "
                "a server anyone else can reach."
            )
        )
