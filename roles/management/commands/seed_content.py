"""Load the published content once, so restarting the site keeps editors' work.

``loaddata`` overwrites every row the fixture names, which undoes any edit made in
the admin since. This command loads the fixture only into a database that has no
role yet; ``--force`` loads it anyway, the way ``loaddata`` always does.

The check and the load are not one transaction: two processes starting at the
same moment on an empty database could both load the fixture. Both write the same
rows, so the outcome is the same content.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.core.management.commands import loaddata

from roles.models import Role

DEFAULT_FIXTURE = settings.BASE_DIR / "fixtures" / "roles.json"


class Command(BaseCommand):
    help = (
        "Load the published content (fixtures/roles.json unless another fixture is "
        "named) unless the database already holds a role."
    )

    def add_arguments(self, parser):
        parser.add_argument("fixture", nargs="?", default=str(DEFAULT_FIXTURE))
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the fixture even when roles exist; overwrites the rows it names.",
        )

    def handle(self, *args, fixture, force=False, **options):
        if not force and Role.objects.exists():
            self.stdout.write(
                "Content already present; not loading the fixture "
                "(use loaddata to reset it)."
            )
            return
        loader = loaddata.Command(stdout=self.stdout, stderr=self.stderr)
        call_command(loader, fixture, verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded the published content ({loader.loaded_object_count} objects)."
            )
        )
