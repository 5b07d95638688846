"""Tokens keep their offsets, and agree with camel-tools' notion of a word."""
from hypothesis import given, settings, strategies as st

from gazetteer.tokenize import sentence_spans, tokenize
from gazetteer.morphology import clitic_splits, adjective_forms

TEXT = "وأعلنت القوات الفرنسيّة، أمس، أنها قصفت مواقع في شمال مالي (قرب غاو) وقتلت 15 مسلحاً."


def test_tokens_index_the_original_text():
    for t in tokenize(TEXT):
        assert TEXT[t.start:t.end] != ""
    words = [TEXT[t.start:t.end] for t in tokenize(TEXT) if t.is_word]
    assert "الفرنسيّة" in words and "مسلحاً" in words and "15" in words


def test_same_words_as_camel_tools():
    from camel_tools.tokenizers.word import simple_word_tokenize

    ours = [TEXT[t.start:t.end] for t in tokenize(TEXT)]
    assert ours == simple_word_tokenize(TEXT)


def test_sentences_split_on_arabic_question_mark_and_not_on_decimals():
    text = "هل هاجموا القاعدة؟ قتل 3.5 ألف. انتهى"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["هل هاجموا القاعدة؟", "قتل 3.5 ألف.", "انتهى"]


def test_clitic_readings():
    assert (1, "ليبيا") in clitic_splits("بليبيا")
    assert (1, "الجزائر") in clitic_splits("فالجزائر")
    assert (2, "العراق") in clitic_splits("للعراق")
    assert (2, "بنغازي") not in clitic_splits("وبنغازي") and (1, "بنغازي") in clitic_splits("وبنغازي")
    assert all(stem != "يرا" for _, stem in clitic_splits("كبيرا"))


def test_nisba_forms():
    assert {"فرنسية", "فرنسيون", "فرنسيين"} <= set(adjective_forms("فرنسي"))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_breaks_offsets(text):
    last = 0
    for t in tokenize(text):
        assert t.start >= last and t.end > t.start
        assert not text[t.start:t.end].isspace()
        last = t.end
    for s, e in sentence_spans(text):
        assert 0 <= s < e <= len(text)


def test_full_stops_inside_addresses_do_not_end_sentences():
    text = "قال موقع news.example.org إن خمسة جنود قتلوا. ثم انسحب المسلحون."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "قال موقع news.example.org إن خمسة جنود قتلوا.", "ثم انسحب المسلحون."]
