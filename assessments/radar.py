"""The skills radar as server-drawn SVG.

A pure function of its input: no request, no database, no script and no
``style`` attributes (the site's Content-Security-Policy forbids inline
styles), only SVG presentation attributes. The chart is one ``role="img"``
with a ``<title>`` and a ``<desc>`` that reads out every value; the page also
shows the values as a table for anyone who cannot see the drawing.
"""

import math

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 420
HEIGHT = 380
CENTRE_X = WIDTH / 2
CENTRE_Y = 175
RADIUS = 120
LABEL_GAP = 14

RATING_COLOUR = "#1d4ed8"
TARGET_COLOUR = "#b45309"
GRID_COLOUR = "#9ca3af"
TEXT_COLOUR = "#111827"


def _point(index, count, value, max_level):
    # Axis 0 points straight up; the others follow clockwise.
    angle = -math.pi / 2 + 2 * math.pi * index / count
    distance = RADIUS * value / max_level
    return CENTRE_X + distance * math.cos(angle), CENTRE_Y + distance * math.sin(angle)


def _points(values, max_level):
    count = len(values)
    return " ".join(
        f"{x:.1f},{y:.1f}"
        for x, y in (_point(i, count, v, max_level) for i, v in enumerate(values))
    )


def _clamp(value, max_level):
    return min(max(value, 0), max_level)


def radar_svg(
    axes,
    *,
    max_level=5,
    title="Skills radar",
    rating_label="Your rating",
    target_label="Target",
    chart_id="skills-radar",
):
    """SVG markup for ``axes``: a list of ``(label, rating, target)``.

    Ratings and targets are clamped to ``0..max_level`` so a bad value cannot
    draw outside the chart. Labels are escaped. Returns a safe string.
    """
    title_id = f"{chart_id}-title"
    desc_id = f"{chart_id}-desc"
    described = "; ".join(
        f"{label}: {rating_label.lower()} {rating} of {max_level}, "
        f"{target_label.lower()} {target}"
        for label, rating, target in axes
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" role="img" id="{escape(chart_id)}" '
        f'aria-labelledby="{escape(title_id)} {escape(desc_id)}">',
        f'<title id="{escape(title_id)}">{escape(title)}</title>',
        f'<desc id="{escape(desc_id)}">{escape(described)}</desc>',
    ]
    count = len(axes)
    if count:
        for level in range(1, max_level + 1):
            ring = _points([level] * count, max_level)
            parts.append(
                f'<polygon points="{ring}" fill="none" stroke="{GRID_COLOUR}" '
                'stroke-width="0.5"/>'
            )
        for index, (label, _rating, _target) in enumerate(axes):
            x, y = _point(index, count, max_level, max_level)
            parts.append(
                f'<line x1="{CENTRE_X:.1f}" y1="{CENTRE_Y:.1f}" x2="{x:.1f}" '
                f'y2="{y:.1f}" stroke="{GRID_COLOUR}" stroke-width="0.5"/>'
            )
            lx, ly = _point(
                index, count, max_level + LABEL_GAP * max_level / RADIUS, max_level
            )
            anchor = "middle"
            if lx > CENTRE_X + 1:
                anchor = "start"
            elif lx < CENTRE_X - 1:
                anchor = "end"
            parts.append(
                f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}" '
                f'font-size="11" fill="{TEXT_COLOUR}">{escape(label)}</text>'
            )
        targets = [_clamp(target, max_level) for _label, _rating, target in axes]
        ratings = [_clamp(rating, max_level) for _label, rating, _target in axes]
        parts.append(
            f'<polygon points="{_points(targets, max_level)}" fill="none" '
            f'stroke="{TARGET_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>'
        )
        parts.append(
            f'<polygon points="{_points(ratings, max_level)}" fill="{RATING_COLOUR}" '
            f'fill-opacity="0.25" stroke="{RATING_COLOUR}" stroke-width="2"/>'
        )
    legend_y = HEIGHT - 18
    parts.extend(
        [
            f'<rect x="110" y="{legend_y - 9}" width="14" height="10" '
            f'fill="{RATING_COLOUR}" fill-opacity="0.25" stroke="{RATING_COLOUR}"/>',
            f'<text x="130" y="{legend_y}" font-size="12" fill="{TEXT_COLOUR}">'
            f"{escape(rating_label)}</text>",
            f'<line x1="240" y1="{legend_y - 4}" x2="260" y2="{legend_y - 4}" '
            f'stroke="{TARGET_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>',
            f'<text x="266" y="{legend_y}" font-size="12" fill="{TEXT_COLOUR}">'
            f"{escape(target_label)}</text>",
            "</svg>",
        ]
    )
    return mark_safe("".join(parts))
