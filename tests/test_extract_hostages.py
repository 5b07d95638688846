"""Holding people: militants taking hostages is an attack, forces detaining suspects an arrest, a standing detention nothing."""
from geo.extract import extract_incidents
from geo.model import Article


def kinds(text):
    return [(r["category"], r["subtype"], r["country"])
            for r in extract_incidents(Article("t.txt", text, published="2021-03-10"))]


def test_gunmen_holding_people_in_a_hotel_is_a_hostage_taking():
    assert kinds("احتجز مسلحون عشرات النزلاء داخل فندق في مدينة باماكو صباح أمس.") == [
        ("attack", "kidnapping", "ML")]


def test_security_forces_holding_militants_is_an_arrest():
    found = kinds("احتجزت قوات الأمن خمسة مسلحين في مدينة سوسة بعد مطاردة.")
    assert ("operation", "capture_arrest", "TN") in found
    assert not [k for k in found if k[0] == "attack"]


def test_a_detention_that_goes_on_is_not_an_incident():
    assert kinds("ويحتجز المقاتلون الأكراد في مخيمات شمال شرق سوريا آلاف العناصر المشتبه بانتمائهم للتنظيم.") == []
