"""A capital right after a verb of state action stands for its government, also when the verb carries its object."""
import pytest

from gazetteer.toponyms import find_toponyms


def roles(text):
    return [(m.surface, m.role) for m in find_toponyms(text)]


@pytest.mark.parametrize("text, capital", [
    ("وهي الحملة التي أطلقتها باريس في مالي قبل أسبوع.", "باريس"),
    ("نشرت واشنطن نحو ألفي جندي في شمال شرق سوريا.", "واشنطن"),
    ("وهي الغارات التي شنتها أنقرة على مواقع في شمال العراق.", "أنقرة"),
])
def test_capital_acting_is_a_metonym_and_the_scene_stays_a_location(text, capital):
    found = roles(text)
    assert (capital, "metonym") in found
    assert any(role == "location" for surface, role in found if surface != capital)


def test_capital_as_a_scene_stays_a_location():
    assert roles("قتل ثلاثة أشخاص في انفجار سيارة مفخخة في بغداد.") == [("بغداد", "location")]
