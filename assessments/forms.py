"""Forms that parse and bound every tool post.

Fields are built from the role's tool content, so an id of another role, an
unknown id or a value out of range fails validation before anything is saved.
Fields named like a tool's fields but not belonging to the role (a forged
``criterion_999``) are refused rather than silently ignored.
"""

import re

from django import forms

from assessments.models import CriterionRating

# Database ids are 64-bit; anything larger is malformed, not merely unknown.
MAX_ID = 2**63 - 1
LEVELS = [(level, str(level)) for level in range(1, 6)]


def first_error(form):
    """One sentence for the candidate: the first error the form found."""
    for errors in form.errors.values():
        if errors:
            return errors[0]
    return "The form could not be read."


class _DynamicForm(forms.Form):
    prefix_name = ""

    def _field_name(self, item_id):
        return f"{self.prefix_name}_{item_id}"

    def _check_unknown_fields(self):
        pattern = re.compile(rf"^{self.prefix_name}_")
        unknown = [
            key for key in self.data if pattern.match(key) and key not in self.fields
        ]
        if unknown:
            raise forms.ValidationError(
                f"The form names a {self.noun} that is not part of this role.",
                code="unknown",
            )


class QualificationForm(_DynamicForm):
    """Ratings of some or all criteria; at least one. Unrated ones stay as they were."""

    prefix_name = "criterion"
    noun = "criterion"

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[self._field_name(criterion.id)] = forms.ChoiceField(
                label=criterion.name,
                choices=CriterionRating.Rating.choices,
                required=False,
                error_messages={
                    "invalid_choice": "Rate each criterion as Strength, In progress or Gap."
                },
            )

    def clean(self):
        cleaned = super().clean()
        self._check_unknown_fields()
        self.ratings = {
            criterion.id: cleaned[self._field_name(criterion.id)]
            for criterion in self.criteria
            if cleaned.get(self._field_name(criterion.id))
        }
        if not self.ratings and not self.errors:
            raise forms.ValidationError("Choose a rating for at least one criterion.")
        return cleaned


class SkillsForm(_DynamicForm):
    """A level from 1 to 5 for every skill of the role."""

    prefix_name = "skill"
    noun = "skill"

    def __init__(self, *args, skills, **kwargs):
        super().__init__(*args, **kwargs)
        self.skills = skills
        for skill in skills:
            self.fields[self._field_name(skill.id)] = forms.TypedChoiceField(
                label=skill.name,
                choices=LEVELS,
                coerce=int,
                error_messages={
                    "required": f"Rate “{skill.name}” from 1 to 5.",
                    "invalid_choice": f"Rate “{skill.name}” from 1 to 5.",
                },
            )

    def clean(self):
        cleaned = super().clean()
        self._check_unknown_fields()
        if not self.skills:
            raise forms.ValidationError("This role has no skills to rate.")
        return cleaned

    @property
    def levels(self):
        return {
            skill.id: self.cleaned_data[self._field_name(skill.id)]
            for skill in self.skills
        }


class PlanForm(forms.Form):
    def __init__(self, *args, backgrounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["background"] = forms.TypedChoiceField(
            choices=[(b.id, b.name) for b in backgrounds],
            coerce=int,
            error_messages={
                "required": "Choose your background.",
                "invalid_choice": "Choose one of the backgrounds listed.",
            },
        )


def _id_field(label, *, required=True):
    return forms.IntegerField(
        required=required,
        min_value=1,
        max_value=MAX_ID,
        error_messages={
            "required": f"The form is missing the {label}.",
            "invalid": f"The {label} must be a number.",
            "min_value": f"The {label} is not valid.",
            "max_value": f"The {label} is not valid.",
        },
    )


class QuizAnswerForm(forms.Form):
    attempt = _id_field("attempt", required=False)
    question = _id_field("question")
    choice = _id_field("answer")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choice"].error_messages["required"] = "Choose an answer."


class QuizRetakeForm(forms.Form):
    attempt = _id_field("attempt")
