"""Forces that are wanted or on their way are not deployed yet; forces that arrived are."""
import pytest

from geo.extract import extract_incidents
from geo.model import Article


def kinds(text):
    return [(r["category"], r["place"]) for r in extract_incidents(Article("t.txt", text, published="2021-03-10"))]


@pytest.mark.parametrize("text", [
    "وقال قائد ميداني في مصراتة إن التعزيزات لم تصل بعد إلى خطوط القتال.",
    "وأكد ضابط في مصراتة أن قواته بحاجة إلى تعزيزات وذخائر لمواصلة القتال.",
    "وتطالب الحكومة في طرابلس بإرسال قوات دولية لحماية المنشآت النفطية.",
])
def test_forces_needed_or_not_yet_arrived_are_no_deployment(text):
    assert kinds(text) == []


def test_reinforcements_that_arrived_are_a_deployment_whatever_else_is_unknown():
    assert kinds("وصلت تعزيزات لم يكشف عن حجمها إلى مدينة مصراتة صباح اليوم.") == [("deployment", "Misratah")]
