from django.core.management.base import BaseCommand

from press.services.roles import setup_roles


class Command(BaseCommand):
    help = "Create or update the groups author, translator, editor and administrator."

    def handle(self, *args, **options):
        for name, count in setup_roles().items():
            self.stdout.write(f"{name}: {count} permissions")
