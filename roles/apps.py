from django.apps import AppConfig


class RolesConfig(AppConfig):
    name = "roles"
    verbose_name = "Roles"

    def ready(self):
        from roles import signals  # noqa: F401  (connects cache invalidation)
