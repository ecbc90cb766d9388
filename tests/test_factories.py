"""Every factory builds a row the database accepts, constraints included."""

import inspect

import pytest
from factory.django import DjangoModelFactory

from tests import factories

ALL_FACTORIES = [
    obj
    for _, obj in inspect.getmembers(factories, inspect.isclass)
    if issubclass(obj, DjangoModelFactory) and obj is not DjangoModelFactory
]


@pytest.mark.django_db
@pytest.mark.parametrize("factory_class", ALL_FACTORIES, ids=lambda f: f.__name__)
def test_factory_builds_two_valid_rows(factory_class):
    first, second = factory_class(), factory_class()
    first.full_clean()
    assert first.pk != second.pk
