"""The chat's language through the real Application and the offline Telegram.

A private chat speaks its user's app language (Telegram's ``language_code``) until someone
chooses another with /language; groups and channels speak LANGUAGE until their admins choose.
Digests and menus follow; commands keep their English names.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import timedelta
from pathlib import Path

from bot import digest_jobs, jobs
from bot.app import build_application, running
from bot.config import Settings
from bot.console import run_console
from bot.i18n import LANGUAGES
from bot.offline import OfflineTelegram, SentMessage
from digests import live, store
from digests.models import ArticleIn
from tests.support import instant_pacer, make_digest_due
from tests.test_bot import ADMIN, GROUP, USER, Bot, add_stories, buttons, texts
from tests.test_bot import bot as bot  # the fixture
from tests.test_bot import settings as settings  # the fixture
from tests.test_live import deliver, posts, report, subscribe_channel_live

RUSSIAN = 2002
CHANNEL = -1002001


async def say(bot: Bot, text: str, user_id: int, language_code: str | None) -> list[SentMessage]:
    """Send text in a user's private chat from an app in language_code; return the replies."""
    before = len(bot.offline.sent(user_id))
    bot.offline.user_message(text, user_id=user_id, language_code=language_code)
    await bot.feed()
    return bot.offline.sent(user_id)[before:]


async def group_say(bot: Bot, text: str, user_id: int = USER, **kw: object) -> list[SentMessage]:
    before = len(bot.offline.sent(GROUP))
    bot.offline.group_message(text, chat_id=GROUP, user_id=user_id, **kw)  # type: ignore[arg-type]
    await bot.feed()
    return bot.offline.sent(GROUP)[before:]


async def press(bot: Bot, data: str, message: SentMessage, user_id: int) -> dict[str, object]:
    """Press a button; return Telegram's answer to the callback (its text, alert or not)."""
    update = bot.offline.callback_query(data, message=message, user_id=user_id)
    await bot.feed()
    return bot.offline.callback_answers[update["callback_query"]["id"]]


async def send_due_digest(bot: Bot, chat_id: int) -> list[SentMessage]:
    """Make the chat's digest due, run its job and deliver it; return what arrived."""
    sub = store.find_subscription(bot.db, chat_id)
    assert sub is not None
    now = store.utcnow()
    make_digest_due(bot.db, sub.id, now)
    before = len(bot.offline.sent(chat_id))
    await digest_jobs.digest_job(_JobContext(bot, sub.id))  # type: ignore[arg-type]
    assert bot.app.bot_data.sender is not None
    await bot.app.bot_data.sender.drain()
    return bot.offline.sent(chat_id)[before:]


class _JobContext:
    """The parts of a job's CallbackContext that digest_job reads."""

    def __init__(self, bot: Bot, subscription_id: int) -> None:
        self.job = type("Job", (), {"data": subscription_id})()
        self.bot_data = bot.app.bot_data
        self.application = bot.app


async def test_a_russian_app_gets_russian_help_latest_and_digests(bot: Bot) -> None:
    add_stories(bot.db, 12)
    [help_page] = await say(bot, "/help", RUSSIAN, "ru")
    assert help_page.plain_text.startswith("Команды\n/start — Что умеет этот бот")
    assert "/latest [n] — Главные новости сейчас" in help_page.plain_text
    [latest] = await say(bot, "/latest 5", RUSSIAN, "ru")
    assert latest.plain_text.startswith("Последние новости\n")
    assert "Story 0 & more" in latest.plain_text  # stories stay in their own language
    assert latest.reply_markup == {
        "inline_keyboard": [[{"text": "Ещё ▸", "callback_data": "latest:5:5"}]]
    }
    # Another chat at the same moment: English, from the same page cache.
    [english] = await bot.say("/latest 5")
    assert english.plain_text.startswith("Latest news\n")

    [subscribed] = await say(bot, "/subscribe 08:00", RUSSIAN, "ru")
    assert subscribed.plain_text.startswith("Подписка оформлена.\n")
    assert "каждый день в 08:00" in subscribed.plain_text
    store.save_articles(
        bot.db,
        None,
        [ArticleIn("https://n.example/1", "Harbour bridge reopens", "The bridge reopened. " * 12)],
    )
    await jobs.process_now(bot.app.bot_data)
    [digest] = await send_due_digest(bot, RUSSIAN)
    assert digest.plain_text.startswith("Ваш ежедневный дайджест\n")
    assert "Harbour bridge reopens" in digest.plain_text
    # The user's app language was remembered for digests, which come with no update.
    assert store.chat_language(bot.db, RUSSIAN).client == "ru"


async def test_french_labels_take_a_space_before_their_colon(bot: Bot) -> None:
    """Every label of the settings page, its buttons and /stats is written as French writes
    it ("Notification silencieuse\u00a0: non", the space a non-breaking one so the colon never
    starts a line), not with the English colon glued on."""
    french = 2003
    [subscribed] = await say(bot, "/subscribe 08:00", french, "fr")
    lines = subscribed.plain_text.splitlines()[1:]
    labelled = [line for line in lines if ":" in line and not line.startswith("/settings")]
    assert "Notification silencieuse\u00a0: non" in labelled
    assert labelled and all("\u00a0: " in line for line in labelled), labelled
    [page] = await say(bot, "/settings", french, "fr")
    keyboard = (page.reply_markup or {}).get("inline_keyboard", [])
    button_labels = [button["text"] for row in keyboard for button in row]
    assert "Notification silencieuse\u00a0: non" in button_labels
    [stats] = await say(bot, "/stats", ADMIN, "fr")
    assert "sources en pause\u00a0: 0" in stats.plain_text.splitlines()
    [english] = await bot.say("/subscribe 08:00")
    assert "Silent notification: off" in english.plain_text


async def test_language_buttons_set_the_language_and_it_survives_a_restart(
    settings: Settings,
) -> None:
    offline = OfflineTelegram()
    async with running(
        build_application(settings, offline, workers=1, pacer=instant_pacer())
    ) as app:
        bot = Bot(app, offline)
        [page] = await bot.say("/language")
        assert page.plain_text.startswith("Language: English\n")
        assert buttons(page) == [f"lang:{code}" for code in LANGUAGES]
        labels = [b["text"] for row in page.reply_markup["inline_keyboard"] for b in row]  # type: ignore[index]
        assert labels[:3] == ["✓ English", "Русский", "Українська"] and "فارسی" in labels
        answer = await press(bot, "lang:de", page, USER)
        assert answer["text"] == "Ich spreche hier jetzt Deutsch."
        edited = bot.offline.sent(USER)[-1]
        assert edited.plain_text.startswith("Sprache: Deutsch\n")
        assert "✓ Deutsch" in str(edited.reply_markup)
        assert texts(await bot.say("/help")).startswith("Befehle\n")
    async with running(
        build_application(settings, offline, workers=1, pacer=instant_pacer())
    ) as app:
        bot = Bot(app, offline)
        assert texts(await bot.say("/help")).startswith("Befehle\n")
        assert texts(await bot.say("/language fr")) == "Je parle désormais français ici."
        refused = texts(await bot.say("/language xx"))
        assert (
            refused.startswith("Je ne parle pas «\u00a0xx\u00a0».")
            and "Utilisation\u00a0: /language" in refused
        )
        assert store.chat_language(bot.db, USER).chosen == "fr"
        # A choice beats the app's language.
        assert texts(await say(bot, "/help", USER, "ru")).startswith("Commandes\n")


async def test_language_by_the_name_on_its_button_or_in_english(bot: Bot) -> None:
    assert texts(await bot.say("/language Deutsch")) == "Ich spreche hier jetzt Deutsch."
    assert store.chat_language(bot.db, USER).chosen == "de"
    await bot.say("/language русский")
    assert store.chat_language(bot.db, USER).chosen == "ru"
    await bot.say("/language French")
    assert store.chat_language(bot.db, USER).chosen == "fr"
    refused = texts(await bot.say("/language Japanese"))  # a language the bot does not speak
    assert refused.startswith("Je ne parle pas «\u00a0Japanese\u00a0».")
    assert store.chat_language(bot.db, USER).chosen == "fr"


async def test_persian_by_the_name_farsi(bot: Bot) -> None:
    """Most people who write Persian's name in Latin letters write "Farsi"."""
    assert texts(await bot.say("/language Farsi")) == "از این پس اینجا فارسی حرف می‌زنم."
    assert store.chat_language(bot.db, USER).chosen == "fa"
    await bot.say("/language en")
    await bot.say("/subscribe 08:00")
    [page] = await bot.say("/settings languages farsi English")
    assert "Languages: Persian, English" in page.plain_text.splitlines()


async def test_language_named_with_the_word_language_or_in_quotes(bot: Bot) -> None:
    """People write "русский язык" or quote the name; both name the language."""
    assert texts(await bot.say("/language русский язык")) == "Язык этого чата теперь: русский."
    await bot.say("/language «Deutsch»")
    assert store.chat_language(bot.db, USER).chosen == "de"
    await bot.say("/language زبان فارسی")
    assert store.chat_language(bot.db, USER).chosen == "fa"
    await bot.say("/language українська мова")
    assert store.chat_language(bot.db, USER).chosen == "uk"
    refused = texts(await bot.say("/language ru en"))  # two languages: which one?
    assert refused.startswith("Використання: /language")
    assert store.chat_language(bot.db, USER).chosen == "uk"


async def test_a_frequency_in_the_chats_words_is_the_frequency_not_a_keyword(bot: Bot) -> None:
    """The settings page writes the frequency "Еженедельно"; typed back it used to become the
    only keyword, so every digest came out empty."""
    await bot.say("/language ru")
    [subscribed] = await bot.say("/subscribe еженедельно пятница 08:00")
    assert "Дайджест: каждую пятницу в 08:00 (UTC)" in subscribed.plain_text
    assert "Только про: любые темы" in subscribed.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.frequency == "weekly" and sub.weekday == 4 and not sub.include
    [page] = await bot.say("/settings frequency Ежедневно")
    assert "Дайджест: каждый день в 08:00 (UTC)" in page.plain_text
    await bot.say("/settings frequency еженедельно вторник")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.frequency == "weekly" and sub.weekday == 1
    await bot.say("/language fa")
    await bot.say("/subscribe ساعتی")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.frequency == "hourly" and not sub.include


async def test_the_persian_comma_separates_keywords_and_languages(bot: Bot) -> None:
    """A Persian keyboard types "،": it used to stay on the keyword ("اقتصاد،", which no story
    contains) and make a language name unknown."""
    await bot.say("/language fa")
    await bot.say("/subscribe 08:00 اقتصاد، -ورزش، هفتگی، جمعه")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None
    assert (sub.include, sub.exclude) == (("اقتصاد",), ("ورزش",))
    assert (sub.frequency, sub.weekday) == ("weekly", 4)
    await bot.say("/settings include سیاست، انرژی")
    await bot.say("/settings languages فارسی، انگلیسی")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None
    assert (sub.include, sub.languages) == (("سیاست", "انرژی"), ("fa", "en"))


async def test_the_words_around_a_time_are_no_keywords(bot: Bot) -> None:
    """ "/subscribe um 8 Uhr" and "/subscribe в 8:00" are how people write a time; "Uhr" and "в"
    used to become the only keyword, so every digest came out empty."""
    cases = {
        "/subscribe um 8 Uhr": "08:00",
        "/subscribe в 8:30": "08:30",
        "/subscribe 9 ч": "09:00",
        "/subscribe à 7h": "07:00",
        "/subscribe ساعت 10:00": "10:00",
        "/subscribe о 11:00": "11:00",
        "/subscribe alle ore 9": "09:00",
        "/subscribe às 7h30": "07:30",
        "/subscribe a las 6:15 economía": "06:15",  # keywords stay when none are typed: last
    }
    for typed, time in cases.items():
        await bot.say("/unsubscribe")
        await bot.say(typed)
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and sub.active, typed
        assert (sub.time, sub.include) == (time, ("economía",) if "econ" in typed else ()), typed
    await bot.say("/subscribe 08:00 a b")  # not next to the time: keywords, as typed
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.include == ("a", "b")


async def test_a_day_as_people_write_it_is_the_day_not_a_keyword(bot: Bot) -> None:
    """ "в пятницу" (the accusative), "miercoles" without its accent, "am Freitag", a Persian
    day typed in two words ("سه شنبه", whose second word alone is Saturday)."""
    cases = {
        "/subscribe в пятницу в 8:00": (4, "08:00"),
        "/subscribe по пятницам 9:00": (4, "09:00"),
        "/subscribe у п’ятницю о 7:00": (4, "07:00"),
        "/subscribe el miercoles 7:30": (2, "07:30"),
        "/subscribe am Freitag um 8 Uhr": (4, "08:00"),
        "/subscribe le dimanche à 10h": (6, "10:00"),
        "/subscribe سه شنبه ساعت 8:00": (1, "08:00"),
        "/subscribe روز جمعه 6:00": (4, "06:00"),
        "/subscribe ogni venerdi alle 8": (4, "08:00"),
        "/subscribe la domenica alle 9:30": (6, "09:30"),
        "/subscribe toda sexta às 9h": (4, "09:00"),
        "/subscribe aos sábados às 10:00": (5, "10:00"),
    }
    for typed, (day, time) in cases.items():
        await bot.say("/unsubscribe")
        await bot.say(typed)
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and sub.active, typed
        assert (sub.frequency, sub.weekday, sub.time, sub.include) == ("weekly", day, time, ()), (
            typed
        )
    await bot.say("/settings frequency в среду")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.weekday == 2


async def test_persian_settings_buttons_all_point_the_way_persian_reads(bot: Bot) -> None:
    await bot.say("/language fa")
    await bot.say("/subscribe friday")  # weekly: the weekday button shows too
    [page] = await bot.say("/settings")
    labels = [b["text"] for row in page.reply_markup["inline_keyboard"] for b in row]  # type: ignore[index]
    arrows = [label for label in labels if label.endswith(("▸", "◂"))]
    assert len(arrows) == 7 and all(label.endswith("◂") for label in arrows), arrows


async def test_persian_lists_are_separated_by_the_persian_comma(bot: Bot) -> None:
    """A Latin comma reads wrong in Persian text: lists (keywords, languages, the details of
    a source) take the Persian one, with its right-to-left mark; English keeps ", "."""
    add_stories(bot.db, 2)
    persian = 2004
    await say(bot, "/subscribe 08:00 اقتصاد ورزش", persian, "fa")
    [page] = await say(bot, "/settings languages en fr", persian, "fa")
    lines = page.plain_text.splitlines()
    assert "\u200fفقط دربارهٔ: اقتصاد،\u200f ورزش" in lines
    assert "\u200fزبان‌ها: انگلیسی،\u200f فرانسوی" in lines
    [sources] = await say(bot, "/sources", ADMIN, "fa")
    assert "،\u200f ۲ مقاله" in sources.plain_text and ", " not in sources.plain_text
    refused = texts(await say(bot, "/language ja", persian, "fa"))
    assert "en،\u200f ru،\u200f uk" in refused
    [english] = await bot.say("/subscribe 08:00 economy sport")
    assert "Only about: economy, sport" in english.plain_text


async def test_persian_replies_write_persian_digits_and_read_any(bot: Bot) -> None:
    """Persian readers expect ۰–۹ in running text (counts, times, dates); what they type back
    (a story's link, a source's id, the examples of /settings) stays Latin, and every number
    the bot reads may be typed with Persian, Arabic or Latin digits."""
    first = add_stories(bot.db, 3)[0]
    persian = 2005
    # the city before the time: a keyword (right after it, the zone)
    [subscribed] = await say(bot, "/subscribe تهران ۰۸:۳۰", persian, "fa")
    assert "\u200fخلاصه: هر روز ساعت ۰۸:۳۰ (UTC)" in subscribed.plain_text
    assert "\u200fخبرها: تا ۵" in subscribed.plain_text
    assert "\u200fفقط دربارهٔ: تهران" in subscribed.plain_text  # the time is no keyword
    [page] = await say(bot, "/settings stories ۷", persian, "fa")
    assert "\u200fخبرها: تا ۷" in page.plain_text
    assert "/settings time 07:30" in page.plain_text  # an example to type: Latin
    labels = [b["text"] for row in (page.reply_markup or {})["inline_keyboard"] for b in row]
    assert "ساعت ۰۸:۳۰ ◂" in labels and "خبرها: ۷ ◂" in labels
    [page] = await say(bot, "/settings time ٩:٠٥", persian, "fa")  # Arabic-Indic digits
    assert "هر روز ساعت ۰۹:۰۵" in page.plain_text
    await say(bot, "/settings mode live", persian, "fa")
    [page] = await say(bot, "/settings quiet ۲۳-۷", persian, "fa")
    assert "\u200fساعت‌های سکوت: ۲۳:۰۰–۰۷:۰۰ (UTC)" in page.plain_text
    [page] = await say(bot, "/settings cap ۱۲", persian, "fa")
    assert "حداکثر ۱۲ در ساعت" in page.plain_text
    [latest] = await say(bot, "/latest ۲", persian, "fa")
    assert latest.plain_text.count("/story_") == 2 and "نمایش ۱ تا ۲ از ۳." in latest.plain_text
    # The line under a headline opens with the right-to-left mark: a Latin source name first
    # would set it left to right.
    assert "\n\u200fExample <News> · " in latest.plain_text
    links = re.findall(r"/story_\w+", latest.plain_text)
    assert len(links) == 2 and all(link.isascii() for link in links)  # typed back: Latin
    # Persian, Arabic-Indic and full-width digits.
    for digits in ("۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩", "０１２３４５６７８９"):
        typed = str(first).translate(str.maketrans("0123456789", digits))
        [story] = await say(bot, f"/story {typed}", persian, "fa")
        assert f"/story_{first}\n" in story.plain_text, typed
    [sources] = await say(bot, "/sources", ADMIN, "fa")
    assert "\u200f2. Example <News>" in sources.plain_text  # an id to type back
    assert "منبع‌ها (۲)" in sources.plain_text
    # English keeps its digits.
    [english] = await bot.say("/subscribe 08:30")
    assert "every day at 08:30" in english.plain_text


async def test_an_hour_with_the_part_of_the_day_is_a_time_not_a_keyword(bot: Bot) -> None:
    """ "/subscribe ۸ صبح" (8 in the morning) kept صبح as the only keyword: every digest came
    out empty. The part of the day is read as am or pm, in Persian, Russian and Ukrainian."""
    persian = 2007
    [subscribed] = await say(bot, "/subscribe ۸ صبح", persian, "fa")
    assert "هر روز ساعت ۰۸:۰۰" in subscribed.plain_text
    sub = store.find_subscription(bot.db, persian)
    assert sub is not None and sub.time == "08:00" and not sub.include
    for typed, time in (
        ("ساعت ۵ عصر", "17:00"),
        ("۱۱ شب", "23:00"),
        ("۲ شب", "02:00"),
        ("۱۲ ظهر", "12:00"),
        ("۷:۳۰ صبح", "07:30"),
    ):
        await say(bot, f"/settings time {typed}", persian, "fa")
        sub = store.find_subscription(bot.db, persian)
        assert sub is not None and sub.time == time, typed
    await say(bot, "/subscribe в 7 вечера экономика", RUSSIAN, "ru")
    sub = store.find_subscription(bot.db, RUSSIAN)
    assert sub is not None and sub.time == "19:00" and sub.include == ("экономика",)
    await say(bot, "/subscribe ۸:۳۰ بعد از ظهر", persian, "fa")  # "afternoon" in three words
    sub = store.find_subscription(bot.db, persian)
    assert sub is not None and sub.time == "20:30" and not sub.include
    # Quiet hours "from 23 to 7" in the chat's words.
    for typed, chat, code in (
        ("از ۲۳ تا ۷", persian, "fa"),
        ("۲۲:۰۰ تا ۶:۰۰", persian, "fa"),
        ("с 23:00 до 7:00", RUSSIAN, "ru"),
    ):
        await say(bot, f"/settings quiet {typed}", chat, code)
        sub = store.find_subscription(bot.db, chat)
        assert sub is not None and sub.quiet_start in ("23:00", "22:00"), typed
        assert sub.quiet_end in ("07:00", "06:00"), typed


async def test_a_number_no_one_can_read_is_refused_not_a_crash(bot: Bot) -> None:
    """A superscript ("²") passed str.isdigit but int() refuses it: each command that reads a
    number apologised for an error instead of saying what it takes."""
    add_stories(bot.db, 2)
    await bot.say("/subscribe 08:00")
    apology = "Sorry, something went wrong"
    for typed in (
        "/story ²",
        "/latest ²",
        "/settings stories ²",
        "/settings cap ²",
        "/removesource ²",
        "/removesource 99999999999999999999",
        "/pausesource ٣",
    ):
        replies = texts(await bot.say(typed, ADMIN if "source" in typed else USER))
        assert replies and apology not in replies, typed
    [page] = await bot.say("/settings")
    assert "Stories: up to 5" in page.plain_text


async def test_settings_take_their_values_in_the_chats_words(bot: Bot) -> None:
    """The settings page writes "زنده", "в реальном времени", "miniatura": typed back, as
    /subscribe takes a frequency's name in any language, they are the value, not a refusal."""
    persian = 2006
    await say(bot, "/subscribe 08:00", persian, "fa")
    [page] = await say(bot, "/settings mode زنده", persian, "fa")
    assert page.plain_text.startswith("\u200fزنده:")
    assert store.find_subscription(bot.db, persian).mode == "live"  # type: ignore[union-attr]
    await say(bot, "/settings pictures پیش نمایش", persian, "fa")
    assert store.find_subscription(bot.db, persian).pictures == "preview"  # type: ignore[union-attr]
    await say(bot, "/settings quiet ۲۲-۶", persian, "fa")
    await say(bot, "/settings quiet خاموش", persian, "fa")
    sub = store.find_subscription(bot.db, persian)
    assert sub is not None and sub.quiet_start is None and sub.quiet_end is None
    await say(bot, "/subscribe خلاصه", persian, "fa")  # the mode's button label
    sub = store.find_subscription(bot.db, persian)
    assert sub is not None and sub.mode == "digest" and not sub.include

    await say(bot, "/subscribe 08:00", RUSSIAN, "ru")
    await say(bot, "/settings mode В реальном  времени", RUSSIAN, "ru")
    await say(bot, "/settings pictures фото", RUSSIAN, "ru")
    await say(bot, "/settings languages ru en", RUSSIAN, "ru")
    await say(bot, "/settings languages любые", RUSSIAN, "ru")
    sub = store.find_subscription(bot.db, RUSSIAN)
    assert sub is not None and (sub.mode, sub.pictures, sub.languages) == ("live", "photo", ())
    await say(bot, "/settings pictures выкл.", RUSSIAN, "ru")
    await say(bot, "/subscribe Дайджест", RUSSIAN, "ru")
    sub = store.find_subscription(bot.db, RUSSIAN)
    assert sub is not None and (sub.mode, sub.pictures) == ("digest", "off") and not sub.include

    await bot.say("/subscribe 08:00")
    for typed, mode, pictures in (
        ("/settings mode En directo", "live", "off"),
        ("/settings pictures miniatura", "live", "preview"),
        ("/settings mode Résumé", "digest", "preview"),
        ("/settings pictures AUS", "digest", "off"),
    ):
        await bot.say(typed)
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and (sub.mode, sub.pictures) == (mode, pictures), typed
    refused = texts(await bot.say("/settings mode sometimes"))
    assert "Usage:" in refused


async def test_italian_and_portuguese_readers_write_times_days_and_values_their_way(
    bot: Bot,
) -> None:
    """An Italian writes "alle 8 di sera", "dalle 23 alle 7", "ogni venerdì"; a Brazilian "8 da
    manhã", "das 23h às 7h", "toda sexta": each was a keyword (an empty digest) or a refusal."""
    italian, brazilian = 2101, 2102
    [subscribed] = await say(bot, "/subscribe alle 7 di sera economia", italian, "it")
    assert "Rassegna: ogni giorno alle 19:00 (UTC)" in subscribed.plain_text
    assert "Solo su: economia" in subscribed.plain_text
    [subscribed] = await say(bot, "/subscribe 8 da manhã economia", brazilian, "pt-br")
    assert "Boletim: todos os dias às 08:00 (UTC)" in subscribed.plain_text
    assert "Só sobre: economia" in subscribed.plain_text
    for typed, chat, code, time in (
        ("11 di notte", italian, "it", "23:00"),
        ("3 del pomeriggio", italian, "it", "15:00"),
        ("9 della mattina", italian, "it", "09:00"),
        ("7 da noite", brazilian, "pt", "19:00"),
        ("2 da madrugada", brazilian, "pt", "02:00"),
        ("às 3 da tarde", brazilian, "pt", "15:00"),
    ):
        await say(bot, f"/settings time {typed}", chat, code)
        sub = store.find_subscription(bot.db, chat)
        assert sub is not None and sub.time == time, typed
    for typed, chat, code, day in (
        ("/settings frequency ogni venerdì", italian, "it", 4),
        ("/settings frequency sabato", italian, "it", 5),
        ("/settings frequency quarta", brazilian, "pt", 2),
        ("/settings frequency às terças", brazilian, "pt", 1),
    ):
        await say(bot, typed, chat, code)
        sub = store.find_subscription(bot.db, chat)
        assert sub is not None and (sub.frequency, sub.weekday) == ("weekly", day), typed
    [page] = await say(bot, "/settings frequency Giornaliera", italian, "it")
    assert "Rassegna: ogni giorno alle 09:00 (UTC)" in page.plain_text
    [page] = await say(bot, "/settings frequency Diário", brazilian, "pt")
    assert "Boletim: todos os dias às 15:00 (UTC)" in page.plain_text
    # Quiet hours "from 23 to 7", the mode and pictures as the page writes them.
    for typed, chat, code in (
        ("/settings quiet dalle 23 alle 7", italian, "it"),
        ("/settings quiet das 23h às 7h", brazilian, "pt"),
    ):
        await say(bot, typed, chat, code)
        sub = store.find_subscription(bot.db, chat)
        assert sub is not None and (sub.quiet_start, sub.quiet_end) == ("23:00", "07:00"), typed
    await say(bot, "/settings mode In diretta", italian, "it")
    await say(bot, "/settings pictures anteprima", italian, "it")
    await say(bot, "/settings quiet no", italian, "it")
    await say(bot, "/settings mode ao vivo", brazilian, "pt")
    await say(bot, "/settings pictures prévia", brazilian, "pt")
    await say(bot, "/settings quiet não", brazilian, "pt")
    for chat in (italian, brazilian):
        sub = store.find_subscription(bot.db, chat)
        assert sub is not None and (sub.mode, sub.pictures, sub.quiet_start) == (
            "live",
            "preview",
            None,
        )
    await say(bot, "/subscribe Rassegna", italian, "it")
    await say(bot, "/subscribe Boletim", brazilian, "pt")
    for chat in (italian, brazilian):
        assert store.find_subscription(bot.db, chat).mode == "digest"  # type: ignore[union-attr]
    # A zone's city and a language's name as the reader's language writes them.
    await say(bot, "/settings tz Roma", italian, "it")
    await say(bot, "/settings languages italiano portoghese", italian, "it")
    await say(bot, "/settings tz São Paulo", brazilian, "pt")
    await say(bot, "/settings languages português inglês", brazilian, "pt")
    for chat, zone, languages in (
        (italian, "Europe/Rome", ("it", "pt")),
        (brazilian, "America/Sao_Paulo", ("pt", "en")),
    ):
        sub = store.find_subscription(bot.db, chat)
        assert sub is not None and (sub.timezone, sub.languages) == (zone, languages)


async def test_italian_and_portuguese_are_named_as_their_readers_name_them(bot: Bot) -> None:
    assert texts(await bot.say("/language italiano")) == "Ora qui parlo italiano."
    assert texts(await bot.say("/language lingua italiana")) == "Ora qui parlo italiano."
    assert texts(await bot.say("/language Portuguese")) == "Agora falo português aqui."
    assert texts(await bot.say("/language língua portuguesa")) == "Agora falo português aqui."
    await bot.say("/language idioma português")
    assert store.chat_language(bot.db, USER).chosen == "pt"
    [page] = await bot.say("/language")
    assert page.plain_text.startswith("Idioma: Português\n")
    assert "✓ Português" in [b["text"] for row in page.reply_markup["inline_keyboard"] for b in row]  # type: ignore[index]


async def test_in_groups_only_admins_choose_and_members_apps_do_not_count(bot: Bot) -> None:
    assert texts(await group_say(bot, "/help", language_code="ru")).startswith("Commands\n")
    refused = texts(await group_say(bot, "/language ru"))
    assert refused == "Only this chat's administrators can change its language."
    # No page of buttons for a member, only the refusal; the admins' page refuses a member.
    assert texts(await group_say(bot, "/language")) == refused
    bot.offline.set_member(GROUP, ADMIN, "administrator")
    [page] = await group_say(bot, "/language", user_id=ADMIN)
    assert page.reply_markup is not None
    answer = await press(bot, "lang:ru", page, USER)
    assert answer == {
        "callback_query_id": answer["callback_query_id"],
        "text": "Only this chat's administrators can change its language.",
        "show_alert": True,
    }
    assert store.chat_language(bot.db, GROUP).chosen is None
    bot.offline.set_member(GROUP, USER, "administrator")
    assert texts(await group_say(bot, "/language uk")) == "Мова цього чату тепер: українська."
    # Everyone in the group now reads Ukrainian, whatever their app's language.
    assert texts(await group_say(bot, "/help", user_id=3003, language_code="de")).startswith(
        "Команди\n"
    )


async def test_a_channel_chooses_by_posting_and_its_digests_follow(bot: Bot) -> None:
    bot.offline.channel_post("/language es", chat_id=CHANNEL)
    bot.offline.channel_post("/subscribe 08:00", chat_id=CHANNEL)
    await bot.feed()
    posted = [m.plain_text for m in bot.offline.sent(CHANNEL)]
    assert posted[0] == "Ahora hablo español aquí." and posted[1].startswith(
        "Suscripción activada.\n"
    )
    [digest] = await send_due_digest(bot, CHANNEL)
    assert digest.plain_text.startswith("Su resumen diario\n")


async def test_live_posts_and_their_edits_speak_the_channels_language(bot: Bot) -> None:
    await subscribe_channel_live(bot)
    bot.offline.channel_post("/language de", chat_id=CHANNEL)
    await bot.feed()
    report(bot.db, "gazette", "bridge", now=store.utcnow() + timedelta(seconds=1))
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    [post] = [m for m in posts(bot.offline) if m.plain_text.startswith("Bridge story")]
    report(bot.db, "courier", "bridge", changed=3)  # another outlet's rewrite: an edit
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot, after=live.EDIT_INTERVAL + timedelta(seconds=1))
    assert len(post.history) == 1
    assert "auch gemeldet von 1 Quelle" in post.plain_text  # the story stays English
    assert "Quellen: Gazette, Courier" in post.plain_text


async def test_menus_are_published_in_every_language(bot: Bot) -> None:
    calls = bot.offline.calls_to("setMyCommands")
    by_language = {
        c.params.get("language_code"): c.params for c in calls if "scope" not in c.params
    }
    assert set(by_language) == {None, *LANGUAGES, "be", "kk", "ky"}
    menus = {
        code: {c["command"]: c["description"] for c in params["commands"]}
        for code, params in by_language.items()
    }
    assert menus["ru"]["latest"] == "Главные новости сейчас"
    assert menus["fa"]["language"] == "زبانی که اینجا با آن حرف می‌زنم"
    assert menus["it"]["latest"] == "Le notizie principali di adesso"
    assert menus["pt"]["latest"] == "As principais notícias agora"
    assert menus["pl"]["latest"] == "Najważniejsze wiadomości teraz"
    assert menus["ar"]["language"] == "اللغة التي أتحدث بها هنا"
    assert menus[None] == menus["en"] and menus[None]["latest"] == "Top stories now"
    assert menus["be"] == menus["kk"] == menus["ru"]  # what Belarusian and Kazakh users read
    assert all(set(menu) == set(menus[None]) for menu in menus.values())  # English names
    admin_menu = bot.offline.commands[f'{{"chat_id": {ADMIN}, "type": "chat"}}|']
    assert {"stats", "language"} <= {c["command"] for c in admin_menu}


async def test_belarusian_and_kazakh_apps_get_russian_other_apps_the_default(bot: Bot) -> None:
    """No catalog for be or kk: their users read Russian (an official language in both
    countries), not the English Babel falls back to; a regional code still finds its
    language, and a language with no such neighbour gets LANGUAGE."""
    for user_id, code, start in (
        (3101, "be", "Команды\n"),
        (3102, "kk", "Команды\n"),
        (3103, "be-BY", "Команды\n"),
        (3104, "pt-br", "Comandos\n"),  # Telegram's Portuguese app is Brazilian
        (3105, "zh-hans", "Commands\n"),
        (3106, "fa-IR", "فرمان‌ها\n"),
        (3107, "uk-UA", "Команди\n"),
        (3108, "sr-Latn", "Commands\n"),
    ):
        assert texts(await say(bot, "/help", user_id, code)).startswith(start), code
    assert store.chat_language(bot.db, 3101).client == "ru"
    # Chosen by hand, a language the bot lacks is still refused, not taken for Russian.
    refused = texts(await say(bot, "/language be", 3101, "be"))
    assert "ru" in refused and store.chat_language(bot.db, 3101).chosen is None


async def test_the_language_setting_is_the_default_for_groups_and_unknown_apps(
    settings: Settings,
) -> None:
    offline = OfflineTelegram()
    french = dataclasses.replace(settings, language="fr")
    async with running(build_application(french, offline, workers=1, pacer=instant_pacer())) as app:
        bot = Bot(app, offline)
        assert texts(await group_say(bot, "/help")).startswith("Commandes\n")
        assert texts(await say(bot, "/help", 5005, "ja")).startswith("Commandes\n")
        assert texts(await say(bot, "/help", 5006, "ru-RU")).startswith("Команды\n")
        menu = offline.commands['{"type": "default"}|']
        assert {c["command"]: c["description"] for c in menu}["latest"] == (
            "Les principales infos du moment"
        )


async def test_the_console_accepts_language_ru(tmp_path: Path) -> None:
    output = io.StringIO()
    settings = Settings(database_path=tmp_path / "console.db")
    await run_console(settings, io.StringIO("/language ru\n/help\n/latest\n"), output)
    out = output.getvalue()
    assert "> /language ru\nЯзык этого чата теперь: русский." in out
    assert "> /help\nКоманды\n/start — Что умеет этот бот" in out
    assert "> /latest\nПоследние новости\n" in out


async def test_a_persian_chat_reads_the_story_number_in_persian_digits(bot: Bot) -> None:
    """ "/story 99" in Persian answered "خبر 99 وجود ندارد", in Latin digits among Persian words;
    an id typed back (a /story_12 link) stays Latin, as every command does."""
    await bot.say("/language fa")
    missing = texts(await bot.say("/story 99"))
    assert missing.startswith("خبر ۹۹ وجود ندارد") and "99" not in missing
    assert texts(await bot.say("/story ۹۹")) == missing  # any script's digits are read


async def test_error_replies_start_with_a_capital_where_the_language_writes_one(bot: Bot) -> None:
    """ "no such source: 9", "нет такого источника: 9": errors began lower-case in every
    language; Persian has no capitals."""
    refused = {}
    for language in ("ru", "de", "fa"):
        await bot.say(f"/language {language}", user_id=ADMIN)
        refused[language] = texts(await bot.say("/removesource 9", user_id=ADMIN))
        [zone] = await bot.say("/subscribe 08:00 Europe/Pariss", user_id=ADMIN)
        refused[f"{language} zone"] = zone.plain_text
    assert refused["ru"] == "Нет такого источника: 9"
    assert refused["de"] == "Keine solche Quelle: 9"
    assert refused["ru zone"].startswith("Неизвестный часовой пояс «Europe/Pariss»")
    assert refused["de zone"].startswith("Unbekannte Zeitzone „Europe/Pariss“")
    assert refused["fa"] == "چنین منبعی نیست: 9"  # the key as it was typed


async def test_search_and_keywords_find_other_case_forms_of_ukrainian_and_russian(
    bot: Bot,
) -> None:
    """A Ukrainian searching "виборів" found no "Вибори у Києві", and a Russian digest for
    "Москва" left out "выборы в Москве"."""
    ukrainian, russian = 2011, 2012
    store.save_articles(
        bot.db,
        None,
        [
            ArticleIn(
                "https://uk.example/1", "Вибори у Києві відбудуться навесні", "Кияни чекають. " * 9
            ),
            ArticleIn(
                "https://ru.example/1", "Выборы в Москве пройдут весной", "Москвичи ждут. " * 9
            ),
        ],
    )
    await jobs.process_now(bot.app.bot_data)
    [found] = await say(bot, "/search виборів", ukrainian, "uk")
    assert "Вибори у Києві відбудуться навесні" in found.plain_text
    [found] = await say(bot, "/search Київ", ukrainian, "uk")  # "у Києві" was not found
    assert "Вибори у Києві відбудуться навесні" in found.plain_text
    await say(bot, "/subscribe 08:00 «Москва»", russian, "ru")  # in quotes: no zone
    [digest] = await send_due_digest(bot, russian)
    assert "Выборы в Москве пройдут весной" in digest.plain_text
    assert "Вибори" not in digest.plain_text


async def test_search_and_keywords_find_the_case_forms_of_a_short_russian_noun(
    bot: Bot,
) -> None:
    """A Russian reader searching "Думы" found no "в Думе", and a digest for "Дума" left out
    "Председатель Думы": a three-letter stem matched no other form."""
    russian = 2014
    store.save_articles(
        bot.db,
        None,
        [
            ArticleIn(
                "https://ru.example/d1", "Бюджет приняли в Думе", "Депутаты голосовали. " * 9
            ),
            ArticleIn("https://ru.example/d2", "Председатель Думы ответил", "Он был краток. " * 9),
            ArticleIn("https://ru.example/d3", "Эксперты думали над прогнозом", "Прогноз. " * 9),
        ],
    )
    await jobs.process_now(bot.app.bot_data)
    [found] = await say(bot, "/search Думы", russian, "ru")
    assert "Бюджет приняли в Думе" in found.plain_text
    assert "думали" not in found.plain_text
    # "Дума" starts "думали": as the last word of a search, a start, it found that story too.
    [found] = await say(bot, "/search Дума", russian, "ru")
    assert "Бюджет приняли в Думе" in found.plain_text
    assert "Председатель Думы ответил" in found.plain_text
    assert "думали" not in found.plain_text
    await say(bot, "/subscribe 08:00 Дума", russian, "ru")
    [digest] = await send_due_digest(bot, russian)
    assert "Председатель Думы ответил" in digest.plain_text
    assert "Бюджет приняли в Думе" in digest.plain_text
    assert "думали" not in digest.plain_text


async def test_the_zone_button_reaches_tehran_for_persian_readers(bot: Bot) -> None:
    """The zone button went from Moscow (UTC+3) to Dubai (UTC+4): a Persian reader found no
    button for Iran's UTC+3:30 and had to type the zone."""
    persian = 2013
    await say(bot, "/subscribe 08:00 Asia/Riyadh", persian, "fa")  # UTC+3, after Moscow
    [page] = await say(bot, "/settings", persian, "fa")
    await press(bot, "set:timezone", page, persian)
    sub = store.find_subscription(bot.db, persian)
    assert sub is not None and sub.timezone == "Asia/Tehran"
    edited = bot.offline.sent(persian)[-1]
    assert "منطقه Asia/Tehran ◂" in str(edited.reply_markup)


async def test_polish_and_arabic_by_their_names(bot: Bot) -> None:
    """ "/language polski", "język polski", "Polish"; "العربية", "اللغة العربية", "Arabic"."""
    assert texts(await bot.say("/language język polski")) == "Język tego czatu to teraz polski."
    assert store.chat_language(bot.db, USER).chosen == "pl"
    await bot.say("/language en")
    await bot.say("/language Polish")
    assert store.chat_language(bot.db, USER).chosen == "pl"
    reply = texts(await bot.say("/language اللغة العربية"))
    assert reply == "أتحدث هنا الآن باللغة العربية."
    assert store.chat_language(bot.db, USER).chosen == "ar"
    await bot.say("/language Arabic")
    assert store.chat_language(bot.db, USER).chosen == "ar"
    await bot.say("/language polski")
    assert store.chat_language(bot.db, USER).chosen == "pl"


async def test_polish_and_arabic_times_and_days_as_people_write_them(bot: Bot) -> None:
    """ "w piątek o 8:00", "co środę", "7 wieczorem", "5 po południu"; "يوم الجمعة الساعة 8",
    "8 مساءً" (its vowel marks or none): the time and the day, no keywords."""
    cases = {
        "/subscribe w piątek o 8:00": ("weekly", 4, "08:00"),
        "/subscribe co środę o godzinie 9:30": ("weekly", 2, "09:30"),
        "/subscribe we wtorek 7 wieczorem": ("weekly", 1, "19:00"),
        "/subscribe w niedzielę 5 po południu": ("weekly", 6, "17:00"),
        "/subscribe codziennie 6 rano": ("daily", None, "06:00"),
        "/subscribe cotygodniowo sobota 10:00": ("weekly", 5, "10:00"),
        "/subscribe يوم الجمعة الساعة 8 مساءً": ("weekly", 4, "20:00"),
        "/subscribe كل خميس 7 صباحا": ("weekly", 3, "07:00"),
        "/subscribe يوميًا 6 ص": ("daily", None, "06:00"),
        "/subscribe اسبوعيا الإثنين 4 بعد الظهر": ("weekly", 0, "16:00"),
        "/subscribe الأحد 11 ليلًا": ("weekly", 6, "23:00"),
    }
    for typed, (frequency, day, time) in cases.items():
        await bot.say("/unsubscribe")
        await bot.say(typed)
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and sub.active, typed
        assert (sub.frequency, sub.time, sub.include) == (frequency, time, ()), typed
        if day is not None:
            assert sub.weekday == day, typed


async def test_polish_and_arabic_settings_in_their_own_words(bot: Bot) -> None:
    """Quiet hours "od 23 do 7", "من 23 إلى 7"; a zone's city ("Warszawa", "القاهرة"); the
    languages by their Polish and Arabic names, the Arabic comma between them; the values as
    the settings page writes them."""
    polish, arabic = 2101, 2102
    await say(bot, "/subscribe 08:00", polish, "pl")
    await say(bot, "/settings quiet od 23 do 7", polish, "pl")
    await say(bot, "/settings tz Warszawa", polish, "pl")
    await say(bot, "/settings languages polski, angielski", polish, "pl")
    await say(bot, "/settings pictures podgląd", polish, "pl")
    sub = store.find_subscription(bot.db, polish)
    assert sub is not None
    assert (sub.quiet_start, sub.quiet_end, sub.timezone) == ("23:00", "07:00", "Europe/Warsaw")
    assert (sub.languages, sub.pictures) == (("pl", "en"), "preview")
    await say(bot, "/settings mode na żywo", polish, "pl")
    await say(bot, "/settings quiet wył.", polish, "pl")
    sub = store.find_subscription(bot.db, polish)
    assert sub is not None and sub.mode == "live" and sub.quiet_start is None

    await say(bot, "/subscribe 08:00 اقتصاد، -رياضة", arabic, "ar")
    await say(bot, "/settings quiet من 23 إلى 7", arabic, "ar")
    await say(bot, "/settings tz القاهرة", arabic, "ar")
    [page] = await say(bot, "/settings languages العربية، الإنجليزية", arabic, "ar")
    sub = store.find_subscription(bot.db, arabic)
    assert sub is not None
    assert (sub.include, sub.exclude) == (("اقتصاد",), ("رياضة",))
    assert (sub.quiet_start, sub.quiet_end, sub.timezone) == ("23:00", "07:00", "Africa/Cairo")
    assert sub.languages == ("ar", "en")
    assert "العربية،\u200f الإنجليزية" in page.plain_text  # the Arabic comma, not "و"
    await say(bot, "/settings mode مباشر", arabic, "ar")
    await say(bot, "/settings quiet معطل", arabic, "ar")  # "معطّل" without its shadda
    sub = store.find_subscription(bot.db, arabic)
    assert sub is not None and sub.mode == "live" and sub.quiet_start is None
