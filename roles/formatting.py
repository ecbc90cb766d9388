"""Pure helpers that turn stored numbers into the text a visitor reads."""

EN_DASH = "\u2013"


def money(amount):
    """Whole thousands as ``$130K``; anything else in full as ``$205,914``."""
    if amount >= 1000 and amount % 1000 == 0:
        return f"${amount // 1000}K"
    return f"${amount:,}"


def salary_range(minimum, maximum, *, open_ended=False):
    """``$130K–$170K``; a single figure when both ends agree; ``+`` when open-ended."""
    text = (
        money(minimum)
        if minimum == maximum
        else f"{money(minimum)}{EN_DASH}{money(maximum)}"
    )
    return f"{text}+" if open_ended else text
