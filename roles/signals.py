"""Keep cached role pages fresh: any saved or deleted piece of a role's content
gives that role a new ``content_revision``, the key its cached parts are stored
under, so the next view renders from the database again.

Receivers listen to every model and pick out role content by type, so apps that
add content to a role (certifications, assessments) need no wiring of their own
beyond defining ``affected_role_ids()``.
"""

import logging

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from roles.models import OrderedItem, Role, new_revision

logger = logging.getLogger(__name__)


def touch_roles(role_ids):
    """Give each role a new content revision (one UPDATE)."""
    role_ids = [role_id for role_id in role_ids if role_id is not None]
    if role_ids:
        Role.objects.filter(pk__in=role_ids).update(content_revision=new_revision())


def _affected(instance):
    if isinstance(instance, Role):
        return [instance.pk]
    affected = getattr(instance, "affected_role_ids", None)
    if affected is None:
        return []
    try:
        return affected()
    except ObjectDoesNotExist:
        # The parent went first in a cascade; the role is refreshed through it.
        return []


@receiver(post_save, dispatch_uid="roles_touch_on_save")
@receiver(post_delete, dispatch_uid="roles_touch_on_delete")
def refresh_role_revision(sender, instance, **kwargs):
    if isinstance(instance, (Role, OrderedItem)) or hasattr(
        instance, "affected_role_ids"
    ):
        touch_roles(_affected(instance))


@receiver(m2m_changed, dispatch_uid="roles_touch_on_m2m")
def refresh_role_revision_on_links(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        refresh_role_revision(sender, instance)
