"""Start the daily and weekly alert digests' task chains if they are not running.

Each digest task enqueues the next one itself (press/services/alert_digests.py); this only
starts a chain that never ran, or starts again one whose time has passed with no run (its
queue row lost). Safe to run on every start and deploy: two runs of one digest collapse
into one. `make run` runs it; a deployment runs it after `migrate`.
"""

from django.core.management.base import BaseCommand

from press.services.alert_digests import digest_schedule_ensure


class Command(BaseCommand):
    help = "Start the e-mail alert digests' task chains that are not running."

    def handle(self, *args, **options):
        started = digest_schedule_ensure()
        if started:
            self.stdout.write(f"Digests started: {', '.join(started)}")
