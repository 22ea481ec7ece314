"""The renderer: valid Telegram HTML for any feed text, split on story boundaries."""

import re
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.i18n import LANGUAGES, Translator, english, translator
from bot.render import (
    LINK_BYTES,
    _story_block,
    clean,
    render_digest,
    render_ledger,
    render_live_post,
    render_search,
    render_story,
    truncate,
)
from bot.telegram_html import check_message, link_bytes, parse, utf16_len
from digests.allegations.kinds import FALLBACK_READING
from digests.models import Allegation, Digest, LedgerEntry, Response, SourceLink, StoryItem

EN = english()
NOW = datetime(2026, 3, 3, 18, 0, tzinfo=UTC)


def story(
    story_id: int = 7,
    *,
    title: str = "Storm hits coast",
    url: str = "https://bbc.co.uk/news/1?a=1&b=2",
    source: str = "BBC",
    summary: str = "Winds reached 100 km/h.",
    sources: tuple[SourceLink, ...] = (),
    published: datetime = datetime(2026, 3, 3, 14, 5, tzinfo=UTC),
) -> StoryItem:
    return StoryItem(story_id, title, url, source, published, summary, sources)


def digest(
    *stories: StoryItem, total: int | None = None, offset: int = 0, total_capped: bool = False
) -> Digest:
    count = len(stories) if total is None else total
    return Digest(
        "Morning digest", NOW, tuple(stories), total=count, offset=offset, total_capped=total_capped
    )


def assert_valid(messages: list[str]) -> None:
    assert messages
    for message in messages:
        check_message(message)


def plain(messages: list[str]) -> str:
    return "\n".join(parse(m).text for m in messages)


def test_digest_story_has_linked_title_source_time_summary_and_hint() -> None:
    sources = (
        SourceLink("BBC", "https://bbc.co.uk/1"),
        SourceLink("Reuters", "https://reuters.com/1"),
        SourceLink("AP", "https://ap.org/1"),
    )
    [message] = render_digest(EN, digest(story(sources=sources)))
    assert '<b><a href="https://bbc.co.uk/news/1?a=1&amp;b=2">Storm hits coast</a></b>' in message
    assert "BBC · 14:05 UTC · also reported by 2 sources" in message
    assert "Winds reached 100 km/h." in message
    assert "/story_7" in message
    assert message.startswith("<b>Morning digest</b>")
    assert_valid([message])


def test_one_other_source_is_singular_and_none_is_omitted() -> None:
    two = (SourceLink("BBC", "https://a.b/1"), SourceLink("AP", "https://a.b/2"))
    assert "also reported by 1 source\n" in render_digest(EN, digest(story(sources=two)))[0]
    assert "also reported" not in render_digest(EN, digest(story()))[0]


def test_hostile_title_is_escaped() -> None:
    [message] = render_digest(EN, digest(story(title='<script>alert("x")</script> & <b>')))
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;" in message
    assert_valid([message])


def test_only_http_urls_are_linked() -> None:
    [message] = render_digest(EN, digest(story(url="javascript:alert(1)")))
    assert "<a " not in message
    assert "javascript:alert(1)" in message
    assert_valid([message])


def test_control_characters_are_stripped_but_rtl_emoji_and_zero_width_kept() -> None:
    title = "\x00Bad\x1b title \u202eשלום 😀\u200d👍\u200b\u200f\r\n"
    assert clean(title, one_line=True) == "Bad title שלום 😀\u200d👍\u200b\u200f"


# Embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_bidi_overrides_from_feeds_cannot_turn_a_message_around() -> None:
    """A right-to-left override (U+202E) in a feed's title was kept (the test above kept it as
    "RTL"): unclosed, it reverses everything after it on the line in Telegram, the bot's own
    text included ("gpj.exe" shows as "exe.jpg"). Right-to-left scripts need none of these
    controls; the marks (RLM, LRM) are kept, and the Persian text the bot adds keeps its own."""
    hostile = story(
        title="Invoice \u202egpj.exe\u2067 \u2066שלום\u2069 \u202bمرحبا\u202c",
        source="Paper \u202d\u202e",
        summary="Click \u202ehere\u2068 now \u200fشلوم\u200e.",
    )
    for tr in (EN, translator("fa")):
        messages = render_digest(tr, digest(hostile))
        assert_valid(messages)
        assert not any(ch in m for m in messages for ch in BIDI_CONTROLS), messages
        text = plain(messages)
        assert "Invoice gpj.exe שלום مرحبا" in text and "Click here now \u200fشلوم\u200e." in text
    persian = plain(render_digest(translator("fa"), digest(hostile)))
    assert "\u200f" in persian.replace("\u200fشلوم", "")  # the bot's own marks, still there
    assert clean("a\u202eb\u2066c", one_line=True) == "abc"


def test_empty_digest_is_one_friendly_message() -> None:
    messages = render_digest(EN, digest())
    assert len(messages) == 1
    assert "No stories yet" in messages[0]
    assert_valid(messages)


def test_header_overrides_digest_title_and_is_escaped() -> None:
    [message] = render_digest(EN, digest(story()), header="Tech & <science>")
    assert message.startswith("<b>Tech &amp; &lt;science&gt;</b>")


def test_many_stories_split_on_story_boundaries() -> None:
    stories = [story(i, summary=f"Summary {i}. " + "word " * 150) for i in range(1, 41)]
    messages = render_digest(EN, digest(*stories))
    assert len(messages) > 1
    assert_valid(messages)
    hints = [int(h) for m in messages for h in re.findall(r"/story_(\d+)", m)]
    assert hints == list(range(1, 41))
    for message in messages:
        # each message holds whole stories: as many titles as hints
        assert message.count("<a href=") == message.count("/story_")


def test_entity_limit_splits_messages() -> None:
    stories = [story(i, summary="") for i in range(1, 81)]
    messages = render_digest(EN, digest(*stories))
    assert len(messages) >= 2
    assert all(len(parse(m).entities) <= 100 for m in messages)
    assert_valid(messages)


def test_too_long_story_is_truncated_cleanly() -> None:
    long_story = story(title="T" * 5000, summary="&lt;<b> " * 2000)
    [message] = render_digest(EN, digest(long_story))
    assert_valid([message])
    text = parse(message).text
    assert "…" in text
    assert "/story_7" in text


def test_page_note_when_more_stories_exist() -> None:
    [message] = render_digest(EN, digest(story(), total=12, offset=0))
    assert "Showing 1–1 of 12." in message


def test_times_on_other_days_show_the_date() -> None:
    assert EN.time(datetime(2026, 3, 3, 14, 5, tzinfo=UTC), NOW) == "14:05 UTC"
    assert EN.time(datetime(2026, 3, 1, 9, 0), NOW) == "1 Mar 09:00 UTC"
    assert EN.time(datetime(2025, 12, 31, 23, 0, tzinfo=UTC), NOW) == "31 Dec 2025 23:00 UTC"
    plus_two = datetime(2026, 3, 3, 18, 5, tzinfo=timezone(timedelta(hours=2)))
    assert EN.time(plus_two, NOW) == "16:05 UTC"


def test_truncate_respects_utf16_and_prefers_spaces() -> None:
    assert truncate("short", 10) == "short"
    cut = truncate("😀" * 10, 7)
    assert utf16_len(cut) <= 7
    assert cut.endswith("…")
    assert truncate("alpha beta gamma delta", 19) == "alpha beta gamma…"


def test_render_story_lists_every_source_and_keeps_the_whole_summary() -> None:
    sources = tuple(SourceLink(f"Source {i}", f"https://s{i}.org/a") for i in range(150))
    summary = "\n\n".join(f"Paragraph {i} " + "lorem ipsum " * 400 for i in range(3))
    messages = render_story(EN, story(summary=summary, sources=sources))
    assert_valid(messages)
    assert len(messages) > 2
    text = plain(messages)
    assert text.count("lorem ipsum") == 1200
    assert all(f"Source {i}" in text for i in range(150))
    assert sum(m.count('<a href="https://s') for m in messages) == 150
    assert "Sources (continued)" in text


def test_render_story_shows_non_http_source_as_text() -> None:
    messages = render_story(EN, story(sources=(SourceLink("Gopher", "gopher://old.net/x"),)))
    assert "Gopher (gopher://old.net/x)" in plain(messages)


def entry(
    target: str,
    claim: str,
    day: int,
    *,
    story_id: int = 1,
    responses: tuple[Response, ...] = (),
) -> LedgerEntry:
    allegation = Allegation(
        sentence=f"X alleges {claim}.",
        accuser="Rights group",
        target=target,
        claim=claim,
        kind="allegation",
        responses=responses,
    )
    published = datetime(2026, 3, day, 9, tzinfo=UTC)
    return LedgerEntry(allegation, story_id, published, (SourceLink("BBC", "https://b.co/1"),))


def test_ledger_groups_by_target_newest_first() -> None:
    denial = Response("The ministry denied it.", "Ministry", "denial")
    entries = [
        entry("Acme Corp", "old claim", 1),
        entry("Ministry", "abuse", 2, story_id=5, responses=(denial,)),
        entry("acme corp", "new claim", 3, story_id=9),
    ]
    [message] = render_ledger(EN, entries)
    assert_valid([message])
    text = parse(message).text
    assert text.index("acme corp") < text.index("Ministry")  # the newest spelling
    assert text.index("new claim") < text.index("old claim") < text.index("abuse")
    assert "No response reported." in text
    assert "↳ Ministry (denial): The ministry denied it." in text  # reported: no quote marks
    assert "Rights group · 3 Mar 2026 · /story_9" in text
    assert '<a href="https://b.co/1">BBC</a>' in message


def test_a_quotation_inside_a_quoted_answer_takes_the_inner_marks() -> None:
    """ "Петров заявил: «Это «политический заказ».»" was shown as «Это «политический
    заказ».»: the same marks inside and out, where Russian takes „…“ inside «…» (English ‘…’
    inside “…”)."""
    cases = {
        "ru": ("Петров заявил: «Это «политический заказ».»", "«Это „политический заказ“.»"),
        "uk": ("Петров заявив: «Це «політичне замовлення».»", "«Це „політичне замовлення“.»"),
        "en": ("Smith said: “It is a “political hit job”.”", "“It is a ‘political hit job’.”"),
        "fr": (
            "Smith a dit : « C\u2019est une « cabale politique ». »",
            "« C\u2019est une “cabale politique”. »",
        ),
    }
    for code, (sentence, shown) in cases.items():
        answer = Response(sentence, "Петров", "denial")
        [message] = render_ledger(
            translator(code), [entry("Петров", "растрате", 2, responses=(answer,))]
        )
        assert shown in parse(message).text.replace("\u00a0", " "), code


def test_only_the_speakers_own_quoted_words_are_shown_in_quotation_marks() -> None:
    """An answer in reported speech ("Петров заявил, что обвинения ложны") was shown in «…» as
    if Петров had said those words: it shows as the outlet wrote it, without marks; a quoted
    answer in any order («…», — заявил; "…," said; X заявил: «…») shows the quoted words alone.
    A short quoted phrase in reported speech or a name in marks is no quotation."""
    ru = translator("ru")
    cases = {
        "Петров заявил, что обвинения ложны.": "↳ Петров (отрицание): Петров заявил, что",
        "«Это ложь», — заявил Петров.": "↳ Петров (отрицание): «Это ложь»\n",
        "„Я не виноват“, — сказал Петров.": "↳ Петров (отрицание): «Я не виноват»\n",
        '"Это клевета", — ответил Петров.': "↳ Петров (отрицание): «Это клевета»\n",
        "Петров заявил: «Обвинения ложны».": "↳ Петров (отрицание): «Обвинения ложны»\n",
        "Петров назвал обвинения «заказом».": "↳ Петров (отрицание): Петров назвал обвинения «заказом».",
        "«Газпром» отверг обвинения.": "↳ Петров (отрицание): «Газпром» отверг обвинения.",
    }
    for sentence, shown in cases.items():
        answer = Response(sentence, "Петров", "denial")
        [message] = render_ledger(ru, [entry("Петров", "растрате", 2, responses=(answer,))])
        assert shown in parse(message).text.replace("\u00a0", " ") + "\n", sentence
    english = Response("“These claims are false,” Petrov said.", "Petrov", "denial")
    [message] = render_ledger(EN, [entry("Petrov", "fraud", 2, responses=(english,))])
    assert "↳ Petrov (denial): “These claims are false”" in parse(message).text


def test_a_party_in_two_case_forms_is_one_group_in_the_ledger() -> None:
    """ "Алексей Иванов" and "Иванов" (and "Durov", "Дуров") were two bold headings."""
    entries = [
        entry("Алексей Иванов", "сокрытие расходов", 3, story_id=1),
        entry("Иванов", "кража денег", 2, story_id=2),
        entry("Петров", "растрата", 1, story_id=3),
    ]
    text = parse(render_ledger(translator("ru"), entries)[0]).text
    assert text.count("Иванов\n") == 1 and "Алексей Иванов\n•" in text
    assert "Петров\n•" in text  # another party stays apart


def test_one_answer_to_several_allegations_shows_once_after_them() -> None:
    """ "Durov refuted these claims" answers both allegations before it: /allegations printed
    it under each. It shows once, after the last, saying how many it answers; an answer of
    its own stays under its allegation, and one to allegations apart under each."""
    refuted = Response("Durov refuted these claims.", "Durov", "refutation")
    own = Response("A spokesman denied the fraud.", "Spokesman", "denial")
    entries = [
        entry("Telegram", "drug trafficking", 5, story_id=1, responses=(refuted,)),
        entry("Telegram", "refusing requests", 5, story_id=1, responses=(refuted,)),
        entry("Telegram", "fraud", 5, story_id=1, responses=(refuted, own)),
        entry("Telegram", "censorship", 4, story_id=2),
    ]
    [message] = render_ledger(EN, entries)
    assert_valid([message])
    text = parse(message).text
    assert text.count("Durov refuted these claims.") == 1
    answer = "↳ Durov (refutation), to the 3 allegations above: Durov refuted these claims."
    assert text.index("• fraud") < text.index("↳ Spokesman (denial)") < text.index(answer)
    assert text.index(answer) < text.index("• censorship")
    assert text.count("No response reported.") == 1  # censorship's: the others have an answer
    # Allegations apart (another's between them): the answer stays under each.
    apart = [entries[0], entries[3], replace(entries[1], published=entries[3].published)]
    text = parse(render_ledger(EN, apart)[0]).text
    assert text.count("↳ Durov (refutation): Durov refuted these claims.") == 2
    assert "above" not in text
    russian = parse(render_ledger(translator("ru"), entries)[0]).text
    assert "↳ Durov (опровержение), на 3 обвинения выше: Durov refuted these claims." in russian


def test_fallback_readings_come_after_the_patterns_and_are_marked_less_certain() -> None:
    def fallback(e: LedgerEntry) -> LedgerEntry:
        return replace(e, allegation=replace(e.allegation, reading=FALLBACK_READING))

    entries = [
        fallback(entry("Zed", "newest fallback", 4, story_id=4)),
        fallback(entry("Acme", "new fallback", 3, story_id=3)),
        entry("Ministry", "abuse", 2, story_id=2),
        entry("Acme", "old pattern", 1, story_id=1),
    ]
    [message] = render_ledger(EN, entries)
    assert_valid([message])
    text = parse(message).text
    order = ["Acme", "old pattern", "new fallback", "Ministry", "abuse", "Zed", "newest fallback"]
    assert [text.index(w) for w in order] == sorted(text.index(w) for w in order)
    assert text.count("(less certain)") == 2
    assert "• new fallback (less certain)\n" in text and "• old pattern\n" in text
    assert "<i>newest fallback</i> (less certain)" in message
    french = parse(render_ledger(translator("fr"), entries)[0]).text
    assert "• new fallback (moins sûr)\n" in french and "less certain" not in french


def test_a_ledger_claim_no_one_is_named_making_is_reported_by_its_outlet() -> None:
    named = entry("Acme", "fraud", 3)
    reported = replace(named, allegation=replace(named.allegation, accuser=""))
    text = parse(render_ledger(EN, [reported])[0]).text
    assert "reported by BBC · 3 Mar 2026 · /story_1" in text
    assert "Unnamed" not in text


def test_ledger_repeats_the_target_when_a_group_spans_messages() -> None:
    entries = [entry("Acme", f"claim {i} " + "x" * 450, 1, story_id=i) for i in range(30)]
    messages = render_ledger(EN, entries, title="Ledger")
    assert len(messages) > 1
    assert_valid(messages)
    assert all(parse(m).text.startswith(("Ledger", "Acme (continued)")) for m in messages)


def test_ledger_entry_with_everything_at_its_longest_fits() -> None:
    huge = "&<b>😀 " * 2000
    sources = tuple(SourceLink(huge, "gopher://" + "x" * 5000) for _ in range(20))
    allegation = Allegation(huge, huge, huge, huge, "claim")
    # Ten answers to each allegation; then ten answers shared by three allegations.
    entries = [
        LedgerEntry(
            replace(
                allegation,
                responses=tuple(Response(f"{i}{j}{huge}", huge, huge) for j in range(10)),
            ),
            i,
            NOW,
            sources,
        )
        for i in range(6)
    ]
    shared = tuple(Response(f"{j}{huge}", huge, huge) for j in range(10))
    entries[3:] = [
        replace(e, allegation=replace(allegation, responses=shared)) for e in entries[3:]
    ]
    messages = render_ledger(EN, entries, title=huge)
    assert_valid(messages)
    assert "and 12 more" in plain(messages)
    assert plain(messages).count("and 7 more responses") == 4
    assert plain(messages).count(", to the 3 allegations above:") == 3


def test_story_with_everything_at_its_longest_fits() -> None:
    huge = "&<b>😀 " * 2000
    item = StoryItem(1, huge, "ftp://" + huge, huge, NOW, huge * 3, ((SourceLink(huge, huge),)))
    assert_valid(render_digest(EN, digest(item), header=huge))
    assert_valid(render_story(EN, item))
    assert_valid(render_search(EN, huge, digest(item)))


def test_empty_ledger() -> None:
    assert "No allegations recorded yet." in render_ledger(EN, [])[0]


def test_search_beyond_the_exact_count_says_more_than() -> None:
    exact = plain(render_search(EN, "rain", digest(story(), total=1000)))
    assert "Results for “rain” — 1,000 found" in exact and "Showing 1–1 of 1,000." in exact
    beyond = plain(
        render_search(EN, "rain", digest(story(), total=1001, offset=5, total_capped=True))
    )
    assert "Results for “rain” — 1,000+ found" in beyond and "Showing 6–6 of 1,000+." in beyond


def test_a_quoted_search_is_shown_with_the_inner_marks() -> None:
    """ "/search «Большой Никитской»" (a phrase, as Russian types quotes) was headed
    "Результаты по запросу ««Большой Никитской»»": the same marks inside and out."""
    russian = translator("ru")
    found = plain(render_search(russian, "«Большой Никитской»", digest(story(), total=1)))
    assert found.startswith("Результаты по запросу «„Большой Никитской“»")
    none = plain(render_search(russian, "«нет такого» ремонт", digest()))
    assert none.startswith("По запросу «„нет такого“ ремонт» ничего не найдено.")
    assert "“‘rain’ -snow”" in plain(render_search(EN, "“rain” -snow", digest()))


def test_search_has_results_header_and_empty_message() -> None:
    [message] = render_search(EN, "<flood> & rain", digest(story(), total=3))
    assert message.startswith("<b>Results for “&lt;flood&gt; &amp; rain”</b> — 3 found")
    assert "No results for “x”." in render_search(EN, "x", digest())[0]


HOSTILE = [
    "<script>alert(1)</script>",
    "</b>",
    "<b>",
    "<a href='x'>",
    "&",
    "&amp;",
    "&nbsp;",
    "&#0;",
    "<",
    ">",
    '"',
    "\u202eRTL override",
    "שלום עולם",
    "مرحبا",
    "😀",
    "👩\u200d👩\u200d👧",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x1b[31m",
    "\ud800",
    "\r\n",
    "\n\n\n",
    " ",
    "word ",
]
hostile_text = st.one_of(
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=10)), max_size=30).map("".join),
    st.tuples(st.sampled_from(HOSTILE), st.integers(1, 1200)).map(lambda p: p[0] * p[1]),
)
urls = st.sampled_from(
    [
        "https://example.com/a?b=1&c=<x>",
        "javascript:alert(1)",
        "ftp://example.com/f",
        "",
        "http://",
        "https://exa mple.com/",
        'https://example.com/"onmouseover=x',
        "HTTPS://EXAMPLE.COM/ü",
    ]
)
stories = st.builds(
    StoryItem,
    story_id=st.integers(1, 10**9),
    title=hostile_text,
    url=urls,
    source=hostile_text,
    published=st.datetimes(timezones=st.sampled_from([UTC, None])),
    summary=hostile_text,
    sources=st.lists(st.builds(SourceLink, hostile_text, urls), max_size=5).map(tuple),
)


# Every language the bot speaks: its words, digits, quotation marks and the marks around
# right-to-left text take room of their own in each message.
translators = st.sampled_from(sorted(LANGUAGES)).map(translator)


@settings(max_examples=150, deadline=None)
@given(translators, st.lists(stories, max_size=25), st.one_of(st.none(), hostile_text))
def test_any_digest_renders_to_valid_messages(
    tr: Translator, items: list[StoryItem], header: str | None
) -> None:
    messages = render_digest(tr, digest(*items), header=header)
    assert_valid(messages)
    joined = "\n".join(messages)
    assert all(f"/story_{s.story_id}" in joined for s in items)


@settings(max_examples=100, deadline=None)
@given(translators, stories, hostile_text)
def test_any_story_and_search_render_to_valid_messages(
    tr: Translator, item: StoryItem, query: str
) -> None:
    assert_valid(render_story(tr, item))
    assert_valid(render_search(tr, query, digest(item)))


@settings(max_examples=150, deadline=None)
@given(translators, stories)
def test_a_story_block_knows_its_parsed_size(tr: Translator, item: StoryItem) -> None:
    # Messages are packed by these sizes, computed without parsing the summary again.
    block = _story_block(tr, item, NOW)
    parsed = parse(block.html)
    assert (block.length, block.entities) == (utf16_len(parsed.text), len(parsed.entities))


responses = st.builds(Response, hostile_text, hostile_text, hostile_text)
allegations = st.builds(
    Allegation,
    sentence=hostile_text,
    accuser=hostile_text,
    target=st.one_of(st.sampled_from(["Acme", "acme", ""]), hostile_text),
    claim=hostile_text,
    kind=st.just("allegation"),
    responses=st.lists(responses, max_size=5).map(tuple),
    reading=st.sampled_from(["", FALLBACK_READING]),
)
ledger_entries = st.builds(
    LedgerEntry,
    allegation=allegations,
    story_id=st.integers(1, 10**6),
    published=st.datetimes(timezones=st.sampled_from([UTC, None])),
    sources=st.lists(st.builds(SourceLink, hostile_text, urls), max_size=10).map(tuple),
)


@settings(max_examples=80, deadline=None)
@given(translators, st.lists(ledger_entries, max_size=8))
def test_any_ledger_renders_to_valid_messages(tr: Translator, entries: list[LedgerEntry]) -> None:
    assert_valid(render_ledger(tr, entries))


def test_render_story_names_its_articles_languages() -> None:
    one = StoryItem(7, "T", "https://e.org/1", "E", NOW, "S", languages=("ru",))
    assert "Language: Russian" in plain(render_story(EN, one))
    two = StoryItem(7, "T", "https://e.org/1", "E", NOW, "S", languages=("fr", "en", "zh", "qq"))
    assert "Languages: French, English, Chinese, qq" in plain(render_story(EN, two))
    assert "Language" not in plain(render_story(EN, story()))


def _strong(ch: str) -> str | None:
    kind = unicodedata.bidirectional(ch)
    return "ltr" if kind == "L" else "rtl" if kind in ("R", "AL") else None


def _direction(line: str) -> str | None:
    """Return a line's paragraph direction as a client lays it out: its first strong letter's."""
    return next((d for ch in line if (d := _strong(ch)) is not None), None)


def _before(line: str, index: int) -> str | None:
    """Return the direction of the last strong letter before index (digits after an Arabic
    letter are Arabic numbers, which pull the neutrals around them into its run)."""
    return next((d for ch in reversed(line[:index]) if (d := _strong(ch)) is not None), None)


def test_an_arabic_or_hebrew_outlet_keeps_an_english_line_left_to_right() -> None:
    """A line that opened with an Arabic outlet's name was laid out right to left in an English
    chat ("also reported by 2 sources · 14:05 · الجزيرة"), the time read as part of its run."""
    for outlet in ("الجزيرة", "הארץ"):
        item = replace(
            story(title="زلزال يضرب جنوب تركيا", source=outlet),
            sources=(SourceLink(outlet, "https://a.example/1"), SourceLink("BBC", "https://b/2")),
        )
        for text in (plain(render_digest(EN, digest(item))), plain(render_story(EN, item))):
            [meta] = [line for line in text.splitlines() if "14:05" in line]
            assert _direction(meta) == "ltr", meta
            assert _before(meta, meta.index("14:05")) == "ltr", meta
            for listed in (line for line in text.splitlines() if outlet in line):
                assert _direction(listed) == "ltr", listed  # "• الجزيرة" in /story
    # An RTL chat keeps its own mark; an English outlet needs none.
    assert not plain(render_digest(EN, digest(story()))).count("\u200e")


def test_long_source_links_stay_within_what_telegram_takes_in_one_message() -> None:
    """A live post (one message) lists up to eight outlets' links: eight 1,500-byte addresses
    passed Telegram's ENTITIES_TOO_LONG bound; the sources line then shrinks to a count. A
    story in full splits its source lines between messages at render.LINK_BYTES."""
    sources = tuple(SourceLink(f"Outlet {i}", f"https://s{i}.org/{'a' * 1_500}") for i in range(12))
    item = story(sources=sources)
    post = render_live_post(EN, item)
    check_message(post)
    assert link_bytes(parse(post).entities) <= LINK_BYTES
    assert "Reported by 12 sources" in parse(post).text
    few = render_live_post(EN, story(sources=sources[:3]))
    assert "Sources: " in parse(few).text  # three of them fit: linked as before
    messages = render_story(EN, item)
    assert_valid(messages)
    assert len(messages) > 2
    assert all(link_bytes(parse(m).entities) <= LINK_BYTES for m in messages)
