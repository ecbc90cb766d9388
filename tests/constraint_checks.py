"""Assertions for model rules: the database refuses, and validation explains."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction


def assert_database_refuses(create):
    """``create()`` fails at the database itself, leaving the transaction usable."""
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def validation_messages(instance, method="full_clean"):
    """The messages ``instance.full_clean()`` (or another validation method) gives."""
    with pytest.raises(ValidationError) as caught:
        getattr(instance, method)()
    return caught.value.messages


def field_errors(instance):
    """Field name to messages, from ``instance.full_clean()``."""
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


def assert_natural_key_round_trip(obj):
    model = type(obj)
    found = model._default_manager.get_by_natural_key(*obj.natural_key())
    assert found == obj
    assert found.pk == obj.pk
