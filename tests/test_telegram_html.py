"""Telegram's HTML rules: what parses, what Telegram rejects and with which words."""

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.telegram_html import (
    Entity,
    TelegramHTMLError,
    check_message,
    parse,
    utf16_len,
    validate,
)


def test_plain_text_has_no_entities() -> None:
    assert parse("hello world") == ("hello world", ())


def test_nested_tags_give_entities_in_utf16_units() -> None:
    text, entities = parse('😀 <b>bold <i>both</i></b> <a href="https://e.org/?a=1&amp;b=2">x</a>')
    assert text == "😀 bold both x"
    assert entities == (
        Entity("bold", 3, 9),
        Entity("italic", 8, 4),
        Entity("text_link", 13, 1, url="https://e.org/?a=1&b=2"),
    )


def test_every_allowed_tag_parses() -> None:
    markup = (
        "<b>a</b><strong>a</strong><i>a</i><em>a</em><u>a</u><ins>a</ins><s>a</s>"
        '<strike>a</strike><del>a</del><span class="tg-spoiler">a</span><tg-spoiler>a</tg-spoiler>'
        '<a href="https://e.org">a</a><code>a</code><pre>a</pre><blockquote>a</blockquote>'
        '<blockquote expandable>a</blockquote><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'
    )
    text, entities = parse(markup)
    assert len(text) == 17
    assert [e.type for e in entities][-4:] == [
        "pre",
        "blockquote",
        "expandable_blockquote",
        "custom_emoji",
    ]
    assert len(entities) == 17


def test_code_inside_pre_gives_the_pre_its_language() -> None:
    _, entities = parse('<pre><code class="language-python">x = 1</code></pre>')
    assert entities == (Entity("pre", 0, 5, language="python"),)


def test_entities_are_decoded() -> None:
    assert parse("&lt;b&gt; &amp; &quot; &#65;&#x42; &#0;").text == '<b> & " AB &#0;'


def test_tag_names_are_case_insensitive_and_empty_end_tag_closes() -> None:
    assert parse("<B>x</>").entities == (Entity("bold", 0, 1),)


def test_empty_ranges_give_no_entity() -> None:
    assert parse("a<b></b>").entities == ()


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        ("<script>alert(1)</script>", 'Unsupported start tag "script" at byte offset 0'),
        ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("é<br>", 'Unsupported start tag "br" at byte offset 2'),
        ("x <b", "Unclosed start tag at byte offset 2"),
        ("<b>x</b", "Unclosed end tag at byte offset 4"),
        ("a&nbsp;b", 'Unsupported HTML entity "&nbsp;" at byte offset 1'),
        ('<span class="bold">x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("<a>x</a>", 'Tag "a" must have a non-empty attribute "href" at byte offset 0'),
        ("<tg-emoji>x</tg-emoji>", "Invalid custom emoji identifier specified at byte offset 0"),
        ('<a href="https://e.org" =x>y</a>', 'Empty attribute name in the tag "a"'),
        ("<a href=x!y>z</a>", "Unexpected end of name token at byte offset 8"),
        ("<code><b>x</b></code>", 'Tag "b" can\'t be nested inside "code" at byte offset 6'),
        ("<pre><b>x</b></pre>", 'Tag "b" can\'t be nested inside "pre"'),
        ("<blockquote><blockquote>x</blockquote></blockquote>", "can't be nested"),
        ('<a href="https://a"><a href="https://b">x</a></a>', "can't be nested"),
    ],
)
def test_telegram_rejects(markup: str, message: str) -> None:
    with pytest.raises(TelegramHTMLError) as caught:
        validate(markup)
    assert message in str(caught.value)


def test_utf16_len_counts_surrogate_pairs_twice() -> None:
    assert utf16_len("a😀é\u200b") == 5


def test_check_message_rejects_empty_text() -> None:
    for text in ("", "   \n", "<b></b>"):
        with pytest.raises(TelegramHTMLError, match="message text is empty"):
            check_message(text)


def test_check_message_counts_utf16_units() -> None:
    assert check_message("<b>" + "x" * 4096 + "</b>").text == "x" * 4096
    check_message("😀" * 2048)
    with pytest.raises(TelegramHTMLError, match="message is too long"):
        check_message("😀" * 2048 + "x")
    with pytest.raises(TelegramHTMLError, match="message is too long"):
        check_message("&amp;" * 4097)


def test_check_message_limits_entities_to_100() -> None:
    check_message("<b>x</b> " * 100)
    with pytest.raises(TelegramHTMLError, match="too many entities"):
        check_message("<b>x</b> " * 101)


def test_check_message_without_html_takes_tags_literally() -> None:
    assert check_message("<b>x", html=False).text == "<b>x"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_escaped_text_always_parses_back_to_itself(text: str) -> None:
    assert parse(html.escape(text, quote=True)) == (text, ())
