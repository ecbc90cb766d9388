"""The radar is accessible, self-contained SVG built only from its input."""

import re
from xml.etree import ElementTree

from assessments.radar import radar_svg

SVG = "{http://www.w3.org/2000/svg}"
AXES = [("Fairness Metrics", 1, 4), ("Python / R", 2, 3), ("Communication", 3, 3)]


def parse(markup):
    return ElementTree.fromstring(str(markup))


def test_radar_is_an_image_with_a_title_and_a_description_of_every_value():
    root = parse(radar_svg(AXES, title="Skills radar"))
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Skills radar"
    desc = root.find(f"{SVG}desc").text
    assert "Fairness Metrics: your rating 1 of 5, target 4" in desc
    assert "Python / R: your rating 2 of 5, target 3" in desc
    labelled_by = root.get("aria-labelledby").split()
    assert labelled_by == ["skills-radar-title", "skills-radar-desc"]


def test_radar_uses_no_style_attribute_and_no_script():
    markup = str(radar_svg(AXES))
    assert "style=" not in markup
    assert "<script" not in markup
    assert "on" + "load" not in markup


def test_radar_draws_one_label_per_axis_and_a_rating_and_target_shape():
    root = parse(radar_svg(AXES))
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert labels[:3] == ["Fairness Metrics", "Python / R", "Communication"]
    polygons = list(root.iter(f"{SVG}polygon"))
    assert len(polygons) == 5 + 2  # five grid rings, target, rating


def test_rating_polygon_reaches_the_rim_at_the_maximum_and_the_centre_at_zero():
    root = parse(radar_svg([("a", 5, 5), ("b", 0, 5), ("c", 5, 5)]))
    rating = list(root.iter(f"{SVG}polygon"))[-1]
    points = rating.get("points").split()
    assert points[0] == "210.0,55.0"  # top of the chart: 120 above the centre
    assert points[1] == "210.0,175.0"  # the centre


def test_out_of_range_values_are_clamped_inside_the_chart():
    inside = parse(radar_svg([("a", 5, 5), ("b", 5, 5), ("c", 5, 5)]))
    outside = parse(radar_svg([("a", 99, 5), ("b", 7, 5), ("c", 5, 5)]))
    rating_in = list(inside.iter(f"{SVG}polygon"))[-1].get("points")
    rating_out = list(outside.iter(f"{SVG}polygon"))[-1].get("points")
    assert rating_in == rating_out


def test_labels_are_escaped():
    markup = str(radar_svg([('<b onclick="x">&', 1, 2)]))
    assert "<b onclick" not in markup
    assert "&lt;b onclick=&quot;x&quot;&gt;&amp;" in markup
    parse(markup)  # still well-formed


def test_radar_without_skills_is_still_a_labelled_image():
    root = parse(radar_svg([]))
    assert root.get("role") == "img"
    assert not list(root.iter(f"{SVG}polygon"))


def test_radar_is_a_pure_function():
    assert str(radar_svg(AXES)) == str(radar_svg(AXES))
    assert re.search(r'viewBox="0 0 \d+ \d+"', str(radar_svg(AXES)))
