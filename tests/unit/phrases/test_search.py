"""Ranking, pinyin and fuzzy matching, and index updates."""

from __future__ import annotations

from assistant.phrases.model import Phrase
from assistant.phrases.search import SearchIndex, distinct_replies, pinyin_forms, search
from tests.unit.helpers import phrase


def _book() -> list[Phrase]:
    return [
        phrase("亲，您的包裹已经发货了，请留意物流", code="fh", title="已发货", group="发货", book_id="b", id="1"),
        phrase("付款后48小时内发货", code="cffh", title="发货时间", group="售前", book_id="b", id="2"),
        phrase("退款会原路退回", code="tk", title="退款说明", group="售后", book_id="b", id="3"),
        phrase("Your parcel has shipped, tracking below", code="ship", title="Shipped", group="Shipping",
               book_id="b", id="4"),
        phrase("您好，请问有什么可以帮您？", code="hi", title="问候", group="问候", book_id="b", id="5"),
        phrase("The fh code is also in this text", code="fhx", title="Other", book_id="b", id="6"),
    ]


def codes(results: list[Phrase]) -> list[str]:
    return [item.code for item in results]


def test_exact_code_first_then_code_prefix() -> None:
    assert codes(search(_book(), "fh"))[:2] == ["fh", "fhx"]


def test_pinyin_initials_full_and_mixed() -> None:
    for query in ("fh", "fahuo", "fa货", "FAHUO", "ｆｈ"):
        found = codes(search(_book(), query))
        assert "fh" in found and "cffh" in found, query
    assert codes(search(_book(), "tk"))[0] == "tk"
    assert codes(search(_book(), "tuikuan")) == ["tk"]


def test_full_pinyin_only_matches_from_a_syllable_start() -> None:
    assert pinyin_forms("发货") == ("fh", "FaHuo")
    assert "fh" not in codes(search(_book(), "ahuo"))


def test_chinese_query_does_not_match_homophones() -> None:
    assert codes(search([phrase("别发火", code="a"), phrase("发货了", code="b")], "发货")) == ["b"]


def test_title_beats_text_and_popularity_breaks_ties() -> None:
    items = [phrase("text mentions refund", code="a", title="Other", id="a"),
             phrase("nothing", code="b", title="Refund policy", id="b"),
             phrase("refund again", code="c", title="Other 2", id="c", use_count=9)]
    assert codes(search(items, "refund")) == ["b", "c", "a"]


def test_typos_in_latin_words_still_find_the_reply() -> None:
    assert codes(search(_book(), "shiped"))[0] == "ship"
    assert codes(search(_book(), "trackng")) == ["ship"]


def test_empty_query_lists_most_used_then_most_recent() -> None:
    items = [phrase("a", code="a", id="a"), phrase("b", code="b", id="b", use_count=3),
             phrase("c", code="c", id="c", use_count=3, last_used="2026-11-22T10:00:00Z")]
    assert codes(search(items, "")) == ["c", "b", "a"]


def test_several_terms_must_all_match() -> None:
    assert codes(search(_book(), "fh 物流")) == ["fh"]
    assert codes(search(_book(), "fh zzz")) == []


def test_limit_book_and_group_filters() -> None:
    index = SearchIndex([*_book(), phrase("发货 other book", code="z", book_id="other", id="9")])
    assert len(index.search("", limit=2)) == 2
    assert codes(index.search("发货", book_id="other")) == ["z"]
    assert codes(index.search("", group="售后")) == ["tk"]


def test_update_reanalyses_only_what_changed_and_sees_edits() -> None:
    items = _book()
    index = SearchIndex(items)
    edited = items[2].with_changes(text="换货请联系售后", title="换货")
    index.update([*items[:2], edited, *items[3:]])
    assert codes(index.search("huanhuo")) == ["tk"]
    assert codes(index.search("tuikuan")) == []
    index.update(items[:1])
    assert len(index) == 1 and codes(index.search("")) == ["fh"]


def test_no_match_returns_nothing() -> None:
    assert search(_book(), "qqqqzzzz") == []


def test_a_title_that_starts_with_the_query_comes_first() -> None:
    items = [phrase("a", code="a", title="付款后发货时间", id="a"), phrase("b", code="b", title="发货时间", id="b")]
    for query in ("发货", "fh", "fahuo"):
        assert codes(search(items, query)) == ["b", "a"], query


def test_a_digit_continues_a_code_only_where_some_code_goes_on_with_a_digit() -> None:
    index = SearchIndex([phrase("a", code="wh", id="a"), phrase("b", code="wh2", id="b"), *_book()])
    assert index.digit_continues_code("wh") and index.digit_continues_code("ＷＨ")
    assert not index.digit_continues_code("fh") and not index.digit_continues_code("wh2")
    assert not SearchIndex([]).digit_continues_code("")


def test_typos_rank_by_closeness_before_popularity() -> None:
    items = [phrase("Happy shopping with us", code="shop", id="shop", use_count=50),
             phrase("Free shipping over 50", code="ship", id="ship")]
    assert codes(search(items, "shiping")) == ["ship", "shop"]


def test_a_typo_in_a_later_word_still_matches() -> None:
    items = [phrase("Your tracking number is below", code="track", id="t"),
             phrase("Tracking can pause a day", code="track2", id="t2")]
    assert codes(search(items, "tracking numbr")) == ["track"]


def test_tags_are_searched_after_group_and_before_text() -> None:
    items = [phrase("mentions urgent in the text", code="text", title="Other", id="a", use_count=5),
             phrase("Sorry for the wait", code="tag", title="Wait", id="b", tags=("urgent", "安抚"))]
    assert codes(search(items, "urgent")) == ["tag", "text"]
    assert codes(search(items, "af")) == ["tag"]
    assert codes(search(items, "wait urgnt")) == ["tag"]


def test_identical_replies_are_kept_once_where_first_ranked_from_a_subscribed_book() -> None:
    mine = phrase("付款后48小时内发货", code="a", book_id="mine", id="1")
    other = phrase("其他", code="b", book_id="mine", id="2")
    team = phrase("付款后48小时内发货", code="c", book_id="team", id="3")
    assert distinct_replies([mine, other, team], {"team"}) == [team, other]
    assert distinct_replies([mine, other, team], set()) == [mine, other]


def test_an_emoji_is_found_as_typed_and_keeps_the_pinyin_columns_ascii() -> None:
    """One emoji among thousands of replies must not make every pinyin scan four bytes a
    character (the columns are joined strings): what is beyond ASCII is matched in the
    plain forms only."""
    replies = [phrase("谢谢亲😊下次再来", code="xx", title="道谢 ✿", book_id="b", id="e1"),
               phrase("Merci, café ☕ on us", code="cf", book_id="b", id="e2"), *_book()]
    index = SearchIndex(replies)
    assert codes(index.search("xiexie")) == ["xx"]
    assert codes(index.search("xxq")) == ["xx"]
    assert codes(index.search("qinxia")) == []  # the emoji stands between: as before, no match
    assert codes(index.search("😊")) == ["xx"]
    assert codes(index.search("✿")) == ["xx"]
    assert codes(index.search("café")) == ["cf"]
    assert codes(index.search("xie 😊")) == ["xx"]
    compiled = index._compiled
    for field in ("title", "group", "tags", "text"):
        for form in ("_initials", "_full"):
            assert compiled.column(field + form).haystack.isascii(), field + form
    assert not compiled.column("text").haystack.isascii()
