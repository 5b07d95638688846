"""Bounded memos and caches give the same answers as when they are empty, full or bypassed.

Extraction remembers facts per word (keys, readings, classes, phrase starts)
up to a bound, so that a worker's memory levels off on a large real corpus;
past the bound a word is worked out afresh.  These tests fill the memos to
their bound and check that words met afterwards read exactly as before.
"""
import gc
import weakref

import pytest

import gazetteer.tokenize as gtok
import geo.extract.lexicon as lex
import geo.extract.text as xtext
from gazetteer.normalize import normalize_ar
from geo.extract.dates import date_word
from geo.extract.lexicon import classes_of, cue_matcher, has_class, trigger_matcher
from geo.pipeline import collect_rarely

ARTICLE = ("أعلن الجيش المالي، صباح اليوم الخميس، أن مسلحين هاجموا قاعدة عسكرية قرب مدينة غاو "
           "في شمال البلاد، ما أسفر عن مقتل 12 جنديا وإصابة آخرين بجروح، وذلك في الـ15 من مارس 2021م.")


def test_a_short_text_does_not_push_the_article_out_of_the_token_cache():
    first = gtok.tokenize(ARTICLE)
    for word in ("مدينة", "بلدة", "قرية", "ولاية", "محافظة", "منطقة"):
        gtok.tokenize(word)
        xtext.tokenize(word)
    assert gtok.tokenize(ARTICLE) is first  # still cached: not tokenized again
    assert xtext.tokenize(ARTICLE) == xtext.tokenize(ARTICLE, 0, len(ARTICLE))


def test_short_texts_tokenize_like_long_ones():
    word = "وبالقرب"
    assert gtok.tokenize(word) == gtok.tokenize(word + " " * 60)[:1]
    assert xtext.tokenize("2015م") == xtext.tokenize("2015م" + " " * 60)


def test_forms_met_once_the_key_memo_is_full_get_their_keys_all_the_same(monkeypatch):
    monkeypatch.setattr(gtok, "_MAX_KEYS", len(gtok._KEYS))  # full: nothing new is remembered
    text = "استهدفتْ طائرةٌ مسيّرةٌ موقعاً للمسلّحين شرقيَّ الفاشر"
    before = len(gtok._KEYS)
    tokens = gtok._tokens(text)  # computed, not served from the per-text cache
    assert len(gtok._KEYS) == before
    for t in tokens:
        assert t.key == normalize_ar(text[t.start:t.end]).lower()
    assert [t.key for t in tokens][:3] == ["استهدفت", "طائره", "مسيره"]


def test_words_with_digits_are_cut_and_empty_words_left_out():
    text = "قتل 12 شخصا في الـ15 من مارس 2021م وأصيب ٣٠ آخرون ـــ في الهجوم_الأخير"
    words = xtext.tokenize(text)
    assert [t.key for t in words] == ["قتل", "12", "شخصا", "في", "ال", "15", "من", "مارس", "2021", "م",
                                      "واصيب", "30", "اخرون", "في", "الهجوم", "الاخير"]
    for t in words:
        assert normalize_ar(text[t.start:t.end]).translate(xtext._DIGITS).lower() == t.key
    plain = "هاجم مسلحون قرية في شمال البلاد"
    assert xtext.tokenize(plain) == [t for t in gtok.tokenize(plain) if t.is_word]


def test_word_memos_past_their_bound_answer_as_before(monkeypatch):
    sentence = xtext.tokenize("وشنت الطائرات الحربية غارات جوية على مواقع المسلحين، ولم يتسن التأكد من الخبر")
    triggers, cues = trigger_matcher(), cue_matcher()
    expected = (triggers.find(sentence), cues.find(sentence),
                [classes_of(t.key) for t in sentence], [date_word(t, "of") for t in sentence])
    # full memos: every word is worked out afresh and nothing new is remembered
    monkeypatch.setattr(lex, "MAX_MEMO_WORDS", 0)
    monkeypatch.setattr(triggers, "_starts", {})
    monkeypatch.setattr(cues, "_starts", {})
    monkeypatch.setattr(lex, "_CLASSES_OF", {})
    monkeypatch.setattr(lex, "_READING_SETS", {False: {}, True: {}})
    lex._readings.cache_clear()
    xtext.stems.cache_clear()
    again = (triggers.find(sentence), cues.find(sentence),
             [classes_of(t.key) for t in sentence], [date_word(t, "of") for t in sentence])
    assert again == expected
    assert expected[0] and expected[1]  # the sentence does hold triggers and cues
    assert not lex._CLASSES_OF and not lex._READING_SETS[False] and not triggers._starts
    assert has_class(sentence[1], "military") == ("military" in classes_of(sentence[1].key))


def test_words_of_the_same_classes_share_one_set():
    a, b = classes_of("الجيش"), classes_of("والجيش")
    assert a == b and a is b


def test_the_cycle_collector_still_frees_cycles_when_it_runs_rarely():
    gc.collect()
    previous = collect_rarely(2_000)
    try:
        assert gc.get_threshold()[0] == 2_000

        class Node:
            pass

        refs = []
        for _ in range(5_000):  # cycles made and dropped: only the collector can free them
            a, b = Node(), Node()
            a.other, b.other = b, a
            refs.append(weakref.ref(a))
        assert sum(r() is None for r in refs) > 0  # freed on the way, with no explicit collect
    finally:
        gc.set_threshold(*previous)
    assert gc.get_threshold() == previous


@pytest.mark.parametrize("text", ["", "،", "ـ", "123", "a_b"])
def test_odd_short_texts(text):
    for t in xtext.tokenize(text):
        assert text[t.start:t.end]
        assert t.key
