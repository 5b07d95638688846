"""Reading articles from text, HTML, JSON Lines and CSV in every encoding news arrives in."""
from __future__ import annotations

import codecs
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.errors import InputError
from geo.io.encoding import decode_bytes
from geo.io.readers import iter_articles, read_file
from geo.model import Article

DATA = Path(__file__).parent / "data"

# Our own short article: two paragraphs, a date line, a no-break space, digits.
ARTICLE = (
    "الخميس 14 آذار 2024\n"
    "أعلن الجيش المالي أن وحداته صدّت هجوماً شنّه مسلحون على قاعدة عسكرية قرب مدينة تمبكتو،\u00a0"
    "وأسفر الاشتباك عن مقتل 7 من المهاجمين.\n\n"
    "وأضاف البيان أن طائرات مسيّرة لاحقت المنسحبين نحو الحدود الموريتانية.\n"
)


def articles(paths):
    """All items iter_articles yields, as a list."""
    return list(iter_articles(paths))


def only_article(paths) -> Article:
    """The single Article the paths yield (fails on errors or several articles)."""
    items = articles(paths)
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


# --- encodings ---------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-32"])
def test_unicode_encodings_decode_to_the_identical_text_without_warnings(tmp_path, encoding):
    if encoding == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be")
    else:
        data = ARTICLE.encode(encoding)
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    article = only_article([path])
    assert article.text == ARTICLE
    assert article.warnings == []
    assert article.path == str(path)


def test_windows_1256_decodes_to_the_identical_text_and_says_so(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(ARTICLE.replace("\u00a0", " ").encode("cp1256"))
    article = only_article([path])
    assert article.text == ARTICLE.replace("\u00a0", " ")
    assert article.warnings == ["decoded as Windows-1256"]


def test_truncated_utf8_keeps_the_text_and_replaces_only_the_cut_character(tmp_path):
    whole = ARTICLE.rstrip(".\n")
    assert whole.endswith("ة")
    cut = whole.encode("utf-8")[:-1]  # the last Arabic letter (two bytes) loses its second byte
    path = tmp_path / "truncated.txt"
    path.write_bytes(cut)
    article = only_article([path])
    assert article.text == whole[:-1] + "\ufffd"
    assert len(article.warnings) == 1
    assert article.warnings[0].startswith("damaged UTF-8: 1 invalid byte replaced")
    assert f"first at byte {len(cut) - 1}" in article.warnings[0]


def test_a_broken_byte_in_the_middle_is_replaced_and_the_rest_kept(tmp_path):
    data = bytearray(ARTICLE.encode("utf-8"))
    position = ARTICLE.index("تمبكتو")
    byte_at = len(ARTICLE[:position].encode("utf-8"))
    data[byte_at] = 0xFF  # the first byte of ت: its second byte is now a stray continuation
    path = tmp_path / "damaged.txt"
    path.write_bytes(bytes(data))
    article = only_article([path])
    assert article.text == ARTICLE[:position] + "\ufffd\ufffd" + ARTICLE[position + 1:]
    assert "damaged UTF-8: 2 invalid bytes" in article.warnings[0]


def test_latin_text_in_a_legacy_code_page_is_not_taken_for_arabic(tmp_path):
    text = "L'armée malienne a repoussé une attaque près de Tombouctou, selon l'état-major."
    path = tmp_path / "french.txt"
    path.write_bytes(text.encode("cp1252"))
    article = only_article([path])
    assert article.text == text
    assert article.warnings == ["decoded as Windows-1252"]


def test_text_is_not_normalized(tmp_path):
    text = "سطر أول  بمسافتين\r\n\tسطر ثانٍ بتشكيل: مُسلَّحون\n"
    path = tmp_path / "raw.txt"
    path.write_bytes(text.encode("utf-8"))
    assert only_article([path]).text == text


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n \n",
                                     "\u00a0\u00a0\n".encode("utf-8")])
def test_empty_or_blank_files_are_input_errors_naming_the_file(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    (error,) = articles([path])
    assert isinstance(error, InputError)
    assert error.path == str(path)
    assert error.problem == "empty file"
    assert str(path) in str(error)


@pytest.mark.parametrize("content", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    bytes(range(1, 32)) * 20,  # control characters without a single NUL
    "نص عربي".encode("utf-8") + b"\x00" + "ثم بيانات".encode("utf-8"),
])
def test_binary_files_are_skipped_with_an_input_error(tmp_path, content):
    path = tmp_path / "image.txt"
    path.write_bytes(content)
    (error,) = articles([path])
    assert isinstance(error, InputError)
    assert error.path == str(path)
    assert error.problem == "binary file, not text"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise_anything_but_input_error(data):
    try:
        text, warnings = decode_bytes(data, "fuzz.bin")
    except InputError as exc:
        assert exc.path == "fuzz.bin"
        return
    assert isinstance(text, str) and text.strip()
    assert all(isinstance(w, str) for w in warnings)
    assert not text.startswith("\ufeff")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=300),
                      st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from([".txt", ".html", ".jsonl", ".csv", ".bin"]))
def test_every_reader_turns_arbitrary_bytes_into_articles_or_input_errors(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "input" + suffix)
        with open(path, "wb") as fh:
            fh.write(data)
        for item in read_file(path):
            assert isinstance(item, (Article, InputError))
            if isinstance(item, Article):
                assert item.text.strip()
                assert item.path.startswith(path)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/!?[]-=\"' &#;:xab CDATApscriptيبة\n")), max_size=120))
def test_markup_fragments_never_break_the_html_reader(markup):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "page.html")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(markup)
        for item in read_file(path):
            assert isinstance(item, (Article, InputError))


def test_an_unknown_marked_section_does_not_lose_the_page(tmp_path):
    path = tmp_path / "word.html"
    path.write_text("<body><![foo[ x ]]><p>قتل جندي في هجوم على حاجز.</p></body>", encoding="utf-8")
    assert only_article([path]).text.endswith("قتل جندي في هجوم على حاجز.")


# --- folders and paths -------------------------------------------------------

def make_tree(root: Path) -> None:
    """A small news folder: nested, mixed extensions, a hidden file and a non-input file."""
    (root / "b_sahel").mkdir(parents=True)
    (root / "a_libya").mkdir()
    (root / "a_libya" / "2.txt").write_text("انفجرت عبوة ناسفة في طرابلس.", encoding="utf-8")
    (root / "a_libya" / "10.txt").write_text("اشتباكات مسلحة في الزاوية.", encoding="utf-8")
    (root / "b_sahel" / "mali.TXT").write_text("هجوم على قافلة قرب موبتي.", encoding="utf-8")
    (root / "b_sahel" / "notes.md").write_text("ملاحظات لا تقرأ", encoding="utf-8")
    (root / "b_sahel" / ".hidden.txt").write_text("ملف مخفي", encoding="utf-8")
    (root / "top.txt").write_text("غارة جوية على مواقع في درنة.", encoding="utf-8")


def test_folders_are_walked_recursively_in_sorted_order(tmp_path):
    make_tree(tmp_path / "news")
    paths = [a.path for a in articles([tmp_path / "news"])]
    root = str(tmp_path / "news")
    assert paths == [os.path.join(root, "a_libya", "10.txt"), os.path.join(root, "a_libya", "2.txt"),
                     os.path.join(root, "b_sahel", "mali.TXT"), os.path.join(root, "top.txt")]
    assert paths == [a.path for a in articles([tmp_path / "news"])]  # stable


def test_an_explicitly_named_file_of_another_extension_is_read_as_text(tmp_path):
    make_tree(tmp_path / "news")
    article = only_article([tmp_path / "news" / "b_sahel" / "notes.md"])
    assert article.text == "ملاحظات لا تقرأ"


def test_a_symlink_loop_terminates_and_reads_each_file_once(tmp_path):
    make_tree(tmp_path / "news")
    os.symlink(tmp_path / "news", tmp_path / "news" / "a_libya" / "loop")
    os.symlink(tmp_path / "news" / "top.txt", tmp_path / "news" / "b_sahel" / "link_to_top.txt")
    items = articles([tmp_path / "news", tmp_path / "news" / "top.txt"])
    assert all(isinstance(i, Article) for i in items)
    # The linked file is met first (b_sahel sorts before top.txt) and read once only.
    assert [os.path.basename(a.path) for a in items] == ["10.txt", "2.txt", "link_to_top.txt", "mali.TXT"]
    assert len({a.text for a in items}) == 4


def test_missing_paths_and_broken_links_are_reported_and_the_batch_goes_on(tmp_path):
    make_tree(tmp_path / "news")
    os.symlink(tmp_path / "gone.txt", tmp_path / "news" / "dangling.txt")
    items = articles([tmp_path / "nowhere.txt", tmp_path / "news"])
    errors = [i for i in items if isinstance(i, InputError)]
    assert [(e.path, e.problem) for e in errors] == [
        (str(tmp_path / "nowhere.txt"), "no such file or directory"),
        (os.path.join(str(tmp_path / "news"), "dangling.txt"), "broken symbolic link"),
    ]
    assert sum(isinstance(i, Article) for i in items) == 4


def test_a_bad_file_in_a_folder_does_not_stop_the_others(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "b.txt").write_text("قصف مدفعي على أطراف سرت.", encoding="utf-8")
    items = articles([tmp_path])
    assert isinstance(items[0], InputError) and items[0].path.endswith("a.txt")
    assert isinstance(items[1], Article) and items[1].text == "قصف مدفعي على أطراف سرت."


# --- HTML --------------------------------------------------------------------

def test_html_keeps_the_story_title_date_and_url_and_drops_boilerplate():
    article = only_article([DATA / "io_news_page.html"])
    assert article.title == "كمين في ضواحي سبها - أخبار الجنوب"
    assert article.published == "2023-11-19"
    assert article.url == "https://news.example.org/south/ambush-sebha"
    assert article.text == (
        "كمين في ضواحي سبها\n\n"
        "نصب مسلحون كمينا لدورية عسكرية على الطريق المؤدي إلى مدينة سبها مساء السبت، وفق ما ذكره مسؤول محلي.\n\n"
        "وأوضح المسؤول أن الاشتباك استمر ساعتين\nقبل أن ينسحب المهاجمون نحو الصحراء.")
    for boilerplate in ("الصفحة الرئيسية", "رياضة", "شارك", "اقرأ أيضا", "الأكثر قراءة", "الحقوق", "صورة", "font"):
        assert boilerplate not in article.text


def test_html_in_windows_1256_without_article_element_keeps_all_paragraphs(tmp_path):
    page = ("<html><head><meta charset='windows-1256'><title>خبر</title></head><body>"
            "<p>سيطر مسلحون على بلدة حدودية.</p><div>وفرّ السكان نحو الشمال.</div>"
            "<script>var a = 1;</script></body></html>")
    path = tmp_path / "old.htm"
    path.write_bytes(page.encode("cp1256"))
    article = only_article([path])
    assert article.text == "سيطر مسلحون على بلدة حدودية.\n\nوفرّ السكان نحو الشمال."
    assert article.title == "خبر"
    assert article.warnings == ["decoded as Windows-1256"]


def test_html_without_visible_text_is_an_input_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>عنوان فقط</title><script>x()</script></head><body><nav>قائمة</nav></body></html>",
                    encoding="utf-8")
    (error,) = articles([path])
    assert isinstance(error, InputError) and error.problem == "no article text in HTML page"


# --- JSON Lines and CSV ------------------------------------------------------

def test_jsonl_records_become_articles_and_bad_records_are_reported_alone(tmp_path):
    lines = [
        json.dumps({"text": "هاجم مسلحون مركزا للشرطة في بنغازي.", "published": "2024-01-09T08:00:00Z",
                    "url": "https://example.org/1", "title": "هجوم في بنغازي"}, ensure_ascii=False),
        '{"text": "سطر مكسور',
        json.dumps({"Content": "اعتقلت قوات الأمن خلية في تونس.", "date": "09/02/2024"}, ensure_ascii=False),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"headline": "لا نص هنا"}, ensure_ascii=False),
        json.dumps({"body": "انتشرت قوات على الحدود.", "published": "قريبا"}, ensure_ascii=False),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = articles([path])
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article", "InputError",
                                                 "InputError", "Article"]
    first, broken, second, not_object, no_text, third = items
    assert first.path == f"{path}#1"
    assert (first.published, first.url, first.title) == ("2024-01-09", "https://example.org/1", "هجوم في بنغازي")
    assert broken.path == f"{path}#2" and broken.problem.startswith("not valid JSON")
    assert second.path == f"{path}#3" and second.published == "2024-02-09"
    assert second.text == "اعتقلت قوات الأمن خلية في تونس."
    assert not_object.problem == "not a JSON object"
    assert no_text.path == f"{path}#6" and no_text.problem.startswith("no text field")
    assert third.published is None and third.warnings == ["unrecognised published date 'قريبا' ignored"]


def test_csv_with_semicolons_quoted_newlines_and_a_bad_row(tmp_path):
    content = (
        "Title;Content;Published;URL\n"
        "غارة;\"قصفت طائرات حربية مواقع في إدلب.\nوقتل عدد من المسلحين.\";2024-03-02;https://example.org/a\n"
        "زائد;نص;2024-03-03;https://example.org/b;خلية زائدة\n"
        "فارغ;;2024-03-04;\n"
        "اعتقال;ألقت الشرطة القبض على مشتبه به في الجزائر العاصمة.;;\n"
    )
    path = tmp_path / "export.csv"
    path.write_bytes(content.encode("utf-8-sig"))
    items = articles([path])
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "InputError", "Article"]
    assert items[0].text == "قصفت طائرات حربية مواقع في إدلب.\nوقتل عدد من المسلحين."
    assert (items[0].title, items[0].published, items[0].url) == ("غارة", "2024-03-02", "https://example.org/a")
    assert items[1].path == f"{path}#2" and "cells" in items[1].problem
    assert items[2].path == f"{path}#3" and items[2].problem == "empty text in field 'content'"
    assert items[3].path == f"{path}#4" and items[3].published is None


def test_csv_without_a_text_column_is_one_error_for_the_file(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("headline,when\nعنوان,2024\n", encoding="utf-8")
    (error,) = articles([path])
    assert error.path == str(path) and error.problem.startswith("CSV header has no text column")


def test_a_file_level_warning_is_reported_once_on_the_first_article(tmp_path):
    rows = "text,published\n" + "".join(f"خبر رقم {i} عن اشتباك في الكفرة.,2024-05-0{i}\n" for i in range(1, 4))
    path = tmp_path / "legacy.csv"
    path.write_bytes(rows.encode("cp1256"))
    items = articles([path])
    assert [a.text for a in items] == [f"خبر رقم {i} عن اشتباك في الكفرة." for i in range(1, 4)]
    assert [a.warnings for a in items] == [["decoded as Windows-1256"], [], []]


def test_long_csv_fields_are_read_whole(tmp_path):
    long_text = "اشتباك مسلح. " * 20000  # well past the csv module's default field limit
    path = tmp_path / "long.csv"
    path.write_text('text\n"' + long_text + '"\n', encoding="utf-8")
    assert only_article([path]).text == long_text
