"""Read an admin form from its HTML and post it back as a browser would.

Tests build their POST data from the page itself rather than from the model,
so a field the admin renders but a test forgot (a management form, a hidden
id, an inline) is posted exactly as an editor's browser posts it.
"""

from html.parser import HTMLParser

SKIPPED_INPUT_TYPES = {"submit", "button", "reset", "file", "image"}


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.fields = []  # (name, value) pairs in document order
        self._select = None
        self._select_multiple = False
        self._option_value = None
        self._option_selected = False
        self._option_text = ""
        self._textarea = None
        self._textarea_text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.in_form = True
            return
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in SKIPPED_INPUT_TYPES:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value") or "on"))
                return
            self.fields.append((name, attrs.get("value") or ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self._textarea_text = ""
        elif tag == "select" and name:
            self._select = name
            self._select_multiple = "multiple" in attrs
            self._select_values = []
            self._first_option = None
        elif tag == "option" and self._select:
            self._option_value = attrs.get("value")
            self._option_selected = "selected" in attrs
            self._option_text = ""

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea_text += data
        elif self._option_value is not None or self._select:
            self._option_text += data

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "textarea" and self._textarea is not None:
            # Browsers drop the newline that directly follows <textarea>.
            text = self._textarea_text
            if text.startswith("\r\n"):
                text = text[2:]
            elif text.startswith("\n"):
                text = text[1:]
            self.fields.append((self._textarea, text))
            self._textarea = None
        elif tag == "option" and self._select:
            value = self._option_value
            if value is None:
                value = self._option_text.strip()
            if self._first_option is None:
                self._first_option = value
            if self._option_selected:
                self._select_values.append(value)
            self._option_value = None
        elif tag == "select" and self._select:
            values = self._select_values
            if (
                not values
                and not self._select_multiple
                and self._first_option is not None
            ):
                values = [self._first_option]
            self.fields.extend((self._select, value) for value in values)
            self._select = None


def form_data(response, form_id):
    """The fields a browser would submit from the form ``form_id`` of ``response``.

    Returns a dict of name to list of values, ready for ``client.post``. The
    hidden templates Django keeps for new inline rows (``__prefix__``) are left
    out, as the admin's JavaScript leaves them out.
    """
    parser = _FormParser(form_id)
    parser.feed(response.content.decode())
    if not parser.fields:
        raise AssertionError(f"No form with id {form_id!r} and fields in the page.")
    data = {}
    for name, value in parser.fields:
        if "__prefix__" in name:
            continue
        data.setdefault(name, []).append(value)
    return data


def set_value(data, name, value):
    if name not in data:
        raise KeyError(f"The form has no field {name!r}.")
    data[name] = [str(value)]


def inline_prefix(data, formset, pk):
    """The prefix (``tasks-2``) of the row of inline ``formset`` showing object ``pk``."""
    for name, values in data.items():
        parts = name.split("-")
        is_id = len(parts) == 3 and parts[0] == formset and parts[2] == "id"
        if is_id and str(pk) in values:
            return f"{parts[0]}-{parts[1]}"
    raise KeyError(f"No row of {formset!r} shows object {pk}.")
