"""/language: the language the bot speaks in this chat, with a button per language.

``/language`` shows the chat's language and a button for each one the bot speaks (its own
name: "Deutsch", "Русский"); ``/language ru`` (or ``/language Deutsch``, ``/language German``)
sets it by text (quotes and the word "language" around the name are ignored:
``/language русский язык``). In a group only its
administrators may change it (the same check as for the group's subscription); in a channel
whoever can post there, or, from a chat with the bot, ``/language @name [code]`` by one of the
channel's administrators (as ``/settings @name``). The choice is stored per chat (``digests.store.chats``) and used for
every reply, digest and live post sent there afterwards; commands keep their English names.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot import i18n, replies
from bot.handlers.common import (
    BadArguments,
    answer_press,
    may_change,
    show_in_pressed,
    translator_for,
)
from bot.handlers.subscriptions import channel_language, named_channel, owned_channel, reply_here
from bot.i18n import LANGUAGES, Translator
from bot.state import Context
from digests import language, store

CALLBACK_PREFIX = "lang:"
_PER_ROW = 2
# "Language" in each language the bot speaks: "/language русский язык" names Russian.
# (Spanish and Portuguese both say "idioma".)
_LANGUAGE_WORDS = frozenset(
    {"language", "язык", "мова", "sprache", "langue", "idioma", "lengua", "زبان"}
    | {"lingua"}  # Italian
    | {"língua"}  # Portuguese
    | {"język"}  # Polish
    | {"اللغة", "لغة"}  # Arabic
)
# Articles before "language", dropped with it: "the English language", "die deutsche Sprache",
# "la langue française", "la lengua española", "a língua portuguesa".
_ARTICLES = frozenset({"the", "die", "la", "le", "el", "a"})
# A name as it agrees with "language" where the buttons' name does not: feminine after
# "langue", "lengua", "lingua", "língua" ("langue française", "lengua española", "lingua
# italiana", "língua inglesa"), and German's "deutsche Sprache". Russian, Ukrainian, Polish,
# Persian and Arabic names already agree ("русский язык", "українська мова", "język polski").
_AGREEING_NAMES = {
    "en": ("anglaise", "inglesa", "englische"),
    "ru": ("rusa", "russa", "russische"),
    "uk": ("ukrainienne", "ucraniana", "ucraina", "ukrainische"),
    "de": ("allemande", "alemana", "tedesca", "alemã", "deutsche"),
    "fr": ("française", "francesa", "französische"),
    "es": ("espagnole", "española", "spagnola", "espanhola", "spanische"),
    "it": ("italienne", "italiana", "italienische"),
    "pt": ("portugaise", "portuguesa", "portoghese", "portugiesische"),
    "fa": ("persane", "persiana", "persische"),
    "pl": ("polonaise", "polaca", "polacca", "polonesa", "polnische"),
    "ar": ("araba", "arabische"),
}
_FEMININE_NAMES = {name: code for code, names in _AGREEING_NAMES.items() for name in names}
_QUOTES = "\"'«»„“”‚‘’`"


def language_keyboard(tr: Translator) -> InlineKeyboardMarkup:
    """Return one button per language, named in that language; the current one ticked."""
    buttons = [
        InlineKeyboardButton(
            f"✓ {name}" if code == tr.language else name,
            callback_data=f"{CALLBACK_PREFIX}{code}",
        )
        for code, name in LANGUAGES.items()
    ]
    return InlineKeyboardMarkup(
        [buttons[i : i + _PER_ROW] for i in range(0, len(buttons), _PER_ROW)]
    )


async def language_command(update: Update, context: Context) -> None:
    """Show the chat's language with its buttons, or set it: /language [code].

    In a group only its administrators may (a member would get buttons that refuse every
    press).
    """
    chat = update.effective_chat
    if chat is None:
        return
    channel = named_channel(update, context)
    if channel is not None:
        await _channel_language(update, context, channel)
        return
    if not await may_change(update, context):
        tr = translator_for(update, context)
        await reply_here(update, replies.language_admins_only(tr))
        return
    args = _words(context.args or [])
    if len(args) > 1:
        raise BadArguments()
    if not args:
        tr = translator_for(update, context)
        await reply_here(update, replies.language_page(tr), language_keyboard(tr))
        return
    code = i18n.supported(args[0]) or _named(args[0])
    if code is None:
        typed = args[0]
        raise BadArguments(lambda tr: replies.unknown_language(tr, typed))
    tr = _choose(update, context, code)
    await reply_here(update, replies.language_set(tr))


async def _channel_language(update: Update, context: Context, name: str) -> None:
    """Show or set the language the bot writes in a channel, from a chat with the bot:
    /language @name [code], for the channel's administrators (as /settings @name)."""
    args = _words((context.args or [])[1:])
    if len(args) > 1:
        raise BadArguments()
    code = None
    if args:
        typed = args[0]
        code = i18n.supported(typed) or _named(typed)
        if code is None:
            raise BadArguments(lambda tr: replies.unknown_language(tr, typed))
    chat = await owned_channel(update, context, name)
    if chat is None:
        return
    tr = translator_for(update, context)
    if code is None:
        written = channel_language(context, chat.id)
        await reply_here(update, replies.channel_language(tr, name, written))
        return
    user = update.effective_user
    changed_by = user.id if user is not None else None
    store.set_chat_language(context.bot_data.db, chat.id, code, changed_by=changed_by)
    await reply_here(update, replies.channel_language_set(tr, name, code))


async def language_button(update: Update, context: Context) -> None:
    """Set the chat's language from a "lang:CODE" button, then redraw the page in it."""
    query = update.callback_query
    if query is None or update.effective_chat is None:
        return
    code = i18n.supported((query.data or "").removeprefix(CALLBACK_PREFIX))
    if code is None:
        await answer_press(query, replies.expired(translator_for(update, context)))
        return
    if not await may_change(update, context):
        tr = translator_for(update, context)
        await answer_press(query, replies.language_admins_only(tr), show_alert=True)
        return
    tr = _choose(update, context, code)
    await answer_press(query, replies.language_set(tr))
    await show_in_pressed(update, context, replies.language_page(tr), language_keyboard(tr))


def _words(args: list[str]) -> list[str]:
    """Return the words of /language's arguments that may name a language: without quotes
    around them, nor the word "language" itself ("русский язык", "زبان فارسی", "język polski",
    "اللغة العربية") and an article before it ("die deutsche Sprache")."""
    words = [arg.strip(_QUOTES) for arg in args]
    dropped = _LANGUAGE_WORDS
    if any(word.casefold() in _LANGUAGE_WORDS for word in words):
        dropped = _LANGUAGE_WORDS | _ARTICLES  # "the English language", not "/language la"
    return [word for word in words if word and word.casefold() not in dropped]


def _named(word: str) -> str | None:
    """Return the language a name means: as the buttons write it ("Deutsch", "русский"), as it
    agrees with "language" ("lingua italiana", "langue française", "deutsche Sprache") or in
    English ("German"); None if it names none the bot speaks."""
    folded = word.strip().casefold()
    for code, name in LANGUAGES.items():
        if name.casefold() == folded:
            return code
    if folded in _FEMININE_NAMES:
        return _FEMININE_NAMES[folded]
    codes, _ = language.filter_codes([word], name_locales=LANGUAGES)
    return codes[0] if len(codes) == 1 and codes[0] in LANGUAGES else None


def _choose(update: Update, context: Context, code: str) -> Translator:
    """Store the chat's language; return its translator."""
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None
    changed_by = user.id if user is not None else None
    store.set_chat_language(context.bot_data.db, chat.id, code, changed_by=changed_by)
    return i18n.translator(code)
