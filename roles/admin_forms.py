"""Admin forms and formsets that speak the editor's language.

The models state their rules twice: as database constraints (the last line of
defence) and as the ``violation_error_message`` of each constraint. These
classes make sure the admin shows those messages on the form, where Django
would otherwise show a generic sentence or, for a few cases it cannot see
before saving, let the database raise and answer with a server error.
"""

from django import forms
from django.core.exceptions import ValidationError


def constraint_message(model, name):
    """The editor-facing message of the model's constraint called ``name``."""
    for constraint in model._meta.constraints:
        if constraint.name == name:
            return constraint.get_violation_error_message()
    raise LookupError(f"{model.__name__} has no constraint named {name!r}.")


class ConstraintMessageForm(forms.ModelForm):
    """A model form whose range errors read like the matching constraint.

    A field limited both by validators and by a check constraint (a skill's
    1–5 rating, a band's 100% ceiling) would otherwise show the validator's
    "Ensure this value is less than or equal to 5." Subclasses map such
    fields to the constraint's name in ``range_constraints``.
    """

    range_constraints = {}

    def clean(self):
        cleaned_data = super().clean()
        model = self._meta.model
        for field_name, constraint_name in self.range_constraints.items():
            value = cleaned_data.get(field_name)
            if value is None:
                continue
            try:
                model._meta.get_field(field_name).run_validators(value)
            except ValidationError:
                self.add_error(field_name, constraint_message(model, constraint_name))
        return cleaned_data


class ConstraintMessageFormSet(forms.BaseInlineFormSet):
    """An inline formset that reports duplicates with the constraint's own words.

    Unique constraints that include the parent (a rank unique per role) cannot
    be checked row by row before the parent is saved, so Django checks them
    across the formset and reports "Please correct the duplicate data for
    ...". This formset uses the constraint's message instead, and refuses
    edits that the database would reject part-way through saving (two rows
    trading a unique value in one save).
    """

    def _unique_constraints(self):
        return [
            constraint
            for constraint in self.model._meta.total_unique_constraints
            if self.fk.name in constraint.fields
        ]

    def get_unique_error_message(self, unique_check):
        for constraint in self._unique_constraints():
            if set(constraint.fields) == set(unique_check):
                return constraint.get_violation_error_message()
        return super().get_unique_error_message(unique_check)

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        for constraint in self._unique_constraints():
            self._refuse_values_still_held(constraint)

    def _refuse_values_still_held(self, constraint):
        """Reject a save that gives a row a value another row gives up in it.

        Rows are saved one at a time and the database checks each save, so
        while row A takes row B's old value, B still holds it. Supporting
        swaps would need deferred constraints, which SQLite lacks.
        """
        fields = [name for name in constraint.fields if name != self.fk.name]
        if not fields:
            return
        deleted = set(self.deleted_forms)
        given_up = {}
        for form in self.initial_forms:
            changed = form in deleted or any(
                name in form.changed_data for name in fields
            )
            if changed:
                given_up[tuple(form.initial.get(name) for name in fields)] = form
        for form in self.forms:
            if form in deleted or not form.has_changed():
                continue
            if not any(name in form.changed_data for name in fields):
                continue
            taken = tuple(self._value(form, name) for name in fields)
            holder = given_up.get(taken)
            if holder is not None and holder is not form:
                labels = ", ".join(
                    str(self.model._meta.get_field(name).verbose_name)
                    for name in fields
                )
                raise ValidationError(
                    f"Another row gives up this {labels} in the same save, and the "
                    "database checks each row as it is saved. Give one row an "
                    "unused value and save, then make the second change."
                )

    @staticmethod
    def _value(form, name):
        value = form.cleaned_data.get(name)
        # Foreign keys arrive as objects but their initial values are ids.
        return getattr(value, "pk", value)
