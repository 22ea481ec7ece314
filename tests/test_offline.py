"""The offline Telegram: a real PTB Application talks to it as it would to Telegram."""

import asyncio
import re
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from telegram import (
    ChatMemberAdministrator,
    ChatMemberRestricted,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.offline import (
    Failure,
    OfflineTelegram,
    bad_request,
    chat_not_found,
    forbidden_blocked,
    migrated,
    server_error,
    timeout,
    too_many_requests,
)

App = Application[Any, Any, Any, Any, Any, Any]
USER = 1001
GROUP = -1001001
CHANNEL = -1002001


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text("args: " + " ".join(context.args or []))


async def broken(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_html("<b>unclosed")


async def more(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer("Loading…")
    await query.edit_message_text(f"<i>page {query.data}</i>", parse_mode=ParseMode.HTML)


async def opml(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None and message.document is not None
    data = await (await message.document.get_file()).download_as_bytearray()
    await message.reply_text(f"{message.document.file_name}: {data.count(b'<outline')} outlines")


def build(offline: OfflineTelegram, errors: list[BaseException]) -> App:
    application = (
        ApplicationBuilder().token("123:ABC").request(offline).get_updates_request(offline).build()
    )
    application.add_handler(CommandHandler("echo", echo))
    application.add_handler(CommandHandler("broken", broken))
    application.add_handler(CallbackQueryHandler(more))
    application.add_handler(MessageHandler(filters.Document.ALL, opml))

    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert context.error is not None
        errors.append(context.error)

    application.add_error_handler(on_error)
    return application


@pytest.fixture
def offline() -> OfflineTelegram:
    return OfflineTelegram()


@pytest.fixture
def errors() -> list[BaseException]:
    return []


@pytest.fixture
async def app(offline: OfflineTelegram, errors: list[BaseException]) -> AsyncIterator[App]:
    application = build(offline, errors)
    async with application:
        yield application


async def feed(app: App, offline: OfflineTelegram) -> None:
    while offline.pending_updates:
        await app.process_update(Update.de_json(offline.next_update_dict(), app.bot))


async def test_command_reaches_handler_with_args(app: App, offline: OfflineTelegram) -> None:
    update = offline.user_message("/echo 😀 two")
    assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 5}]
    await feed(app, offline)
    assert offline.last_text(USER) == "args: 😀 two"
    assert [c.method for c in offline.calls] == ["getMe", "sendMessage"]
    assert offline.calls[-1].chat_id == USER


async def test_group_command_with_bot_name(app: App, offline: OfflineTelegram) -> None:
    offline.group_message("/echo@offline_news_bot hi")
    offline.group_message("/echo@some_other_bot hi")
    await feed(app, offline)
    assert [m.text for m in offline.sent(GROUP)] == ["args: hi"]
    assert offline.sent(GROUP)[0].message_id == 3  # message ids are per chat, shared with users


async def test_callback_query_is_answered_and_message_edited(
    app: App,
    offline: OfflineTelegram,
) -> None:
    offline.add_chat(USER)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="2")]])
    await app.bot.send_message(USER, "page 1", reply_markup=keyboard)
    update = offline.callback_query("2")
    assert update["callback_query"]["message"]["reply_markup"] == keyboard.to_dict()
    await feed(app, offline)
    [message] = offline.sent(USER)
    assert message.text == "<i>page 2</i>"
    assert message.plain_text == "page 2"
    assert message.history == ["page 1"]
    assert message.edit_date is not None
    assert offline.callback_answers[update["callback_query"]["id"]]["text"] == "Loading…"


async def test_edit_with_same_content_is_not_modified(
    app: App,
    offline: OfflineTelegram,
) -> None:
    offline.add_chat(USER)
    sent = await app.bot.send_message(USER, "<b>x</b>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="Message is not modified"):
        await app.bot.edit_message_text("<b>x</b>", USER, sent.message_id, parse_mode="HTML")
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await app.bot.edit_message_text("y", USER, 99)
    assert await app.bot.delete_message(USER, sent.message_id)
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await app.bot.delete_message(USER, sent.message_id)


async def test_forget_drops_the_record_but_not_the_chats(
    app: App, offline: OfflineTelegram
) -> None:
    offline.add_chat(USER)
    offline.fail("sendMessage", error=server_error(502), chat_id=USER)
    with pytest.raises(NetworkError):
        await app.bot.send_message(USER, "lost")
    sent = await app.bot.send_message(USER, "first")
    offline.forget()  # a long run keeps its memory flat
    assert offline.calls == [] and offline.sent() == []
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await app.bot.edit_message_text("changed", USER, sent.message_id)
    again = await app.bot.send_message(USER, "second")  # the chat is still there
    assert again.message_id > sent.message_id
    assert offline.last_text(USER) == "second"
    assert [c.method for c in offline.calls] == ["editMessageText", "sendMessage"]


async def test_invalid_html_reply_raises_bad_request(
    app: App,
    offline: OfflineTelegram,
    errors: list[BaseException],
) -> None:
    offline.user_message("/broken")
    await feed(app, offline)
    [error] = errors
    assert isinstance(error, BadRequest)
    assert error.message.lower().startswith("can't parse entities: ")
    assert 'can\'t find end tag corresponding to start tag "b"' in error.message.lower()
    assert offline.sent(USER) == []
    assert offline.calls[-1].status == 400


async def test_a_text_sent_again_is_checked_again(app: App, offline: OfflineTelegram) -> None:
    offline.add_chat(USER)
    offline.add_chat(USER + 1)
    for chat in (USER, USER + 1):  # a page sent to many chats: each gets its own entities
        await app.bot.send_message(chat, "<b>x</b> &amp; y", parse_mode="HTML")
        [message] = offline.sent(chat)
        assert (message.plain_text, [e.type for e in message.entities]) == ("x & y", ["bold"])
    for _ in range(2):  # a text that failed fails again
        with pytest.raises(BadRequest, match="Can't parse entities"):
            await app.bot.send_message(USER, "<b>x", parse_mode="HTML")
    with pytest.raises(BadRequest, match="Message is too long"):  # the length is checked too
        await app.bot.send_message(USER, "<b>" + "x" * 4097 + "</b>", parse_mode="HTML")
    assert [c.status for c in offline.calls[-3:]] == [400, 400, 400]


async def test_message_length_is_checked_with_and_without_parse_mode(
    app: App,
    offline: OfflineTelegram,
) -> None:
    with pytest.raises(BadRequest, match="Chat not found"):
        await app.bot.send_message(USER, "x")  # the chat is known once registered or the user wrote
    offline.add_chat(USER)
    await app.bot.send_message(USER, "😀" * 2048)
    with pytest.raises(BadRequest, match="Message is too long"):
        await app.bot.send_message(USER, "😀" * 2048 + "x")
    with pytest.raises(BadRequest, match="Message is too long"):
        await app.bot.send_message(USER, "<b>" + "&amp;" * 4097 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="Message text is empty"):
        await app.bot.send_message(USER, "<b> </b>", parse_mode="HTML")


async def test_sent_message_records_options(app: App, offline: OfflineTelegram) -> None:
    offline.add_chat(USER)
    preview = LinkPreviewOptions(is_disabled=True)
    await app.bot.send_message(
        USER,
        '<a href="https://e.org">x</a>',
        parse_mode="HTML",
        disable_notification=True,
        link_preview_options=preview,
    )
    [sent] = offline.sent(USER)
    assert sent.disable_notification
    assert sent.link_preview_options == {"is_disabled": True}
    assert sent.parse_mode == "HTML"
    assert [e.to_dict() for e in sent.entities] == [
        {"type": "text_link", "offset": 0, "length": 1, "url": "https://e.org"}
    ]


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (forbidden_blocked(), Forbidden),
        (chat_not_found(), BadRequest),
        (bad_request("something odd"), BadRequest),
        (server_error(502), NetworkError),
        (server_error(500), NetworkError),
    ],
)
async def test_failures_on_demand(
    app: App,
    offline: OfflineTelegram,
    failure: Failure,
    expected: type[TelegramError],
) -> None:
    offline.add_chat(USER)
    offline.fail("sendMessage", error=failure, chat_id=USER)
    with pytest.raises(expected) as caught:
        await app.bot.send_message(USER, "x")
    assert type(caught.value) is expected
    await app.bot.send_message(USER, "x")  # times=1: the next call succeeds
    assert offline.calls_to("sendMessage")[0].status == failure.status


async def test_forbidden_message_is_telegrams(app: App, offline: OfflineTelegram) -> None:
    offline.block_bot(USER)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await app.bot.send_message(USER, "x")


async def test_retry_after(
    app: App,
    offline: OfflineTelegram,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    offline.add_chat(USER)
    offline.fail("sendMessage", error=too_many_requests(7), times=2)
    for _ in range(2):
        with pytest.raises(RetryAfter) as caught:
            await app.bot.send_message(USER, "x")
        assert caught.value.retry_after == timedelta(seconds=7)
    await app.bot.send_message(USER, "x")


async def test_chat_migrated(app: App, offline: OfflineTelegram) -> None:
    offline.add_chat(-5, "group", title="Old group")
    offline.fail("sendMessage", error=migrated(-1009), chat_id=-5)
    with pytest.raises(ChatMigrated) as caught:
        await app.bot.send_message(-5, "x")
    assert caught.value.new_chat_id == -1009
    offline.set_member(-5, 77, "creator")
    before = await app.bot.send_message(-5, "a message sent before the upgrade")
    offline.migrate_chat(-5, -1005, by=77)
    with pytest.raises(ChatMigrated) as caught:
        await app.bot.send_message(-5, "x")
    assert caught.value.new_chat_id == -1005
    with pytest.raises(ChatMigrated) as caught:  # a photo too, as Telegram refuses any send
        await app.bot.send_photo(-5, "https://img.example/x.jpg", caption="x")
    assert caught.value.new_chat_id == -1005
    await app.bot.send_message(-1005, "x")
    with pytest.raises(ChatMigrated):  # its messages cannot be edited any more
        await app.bot.edit_message_text("y", chat_id=-5, message_id=before.message_id)
    # The bot in the group is told, by two service messages from the creator who upgraded it.
    told = [offline.next_update_dict()["message"] for _ in range(offline.pending_updates)]
    assert [(m["chat"]["id"], m["chat"]["type"], m["from"]["id"]) for m in told] == [
        (-5, "group", 77),
        (-1005, "supergroup", 77),
    ]
    assert told[0]["migrate_to_chat_id"] == -1005 and told[1]["migrate_from_chat_id"] == -5


async def test_timeout(app: App, offline: OfflineTelegram) -> None:
    offline.add_chat(USER)
    offline.fail("sendMessage", error=timeout())
    with pytest.raises(TimedOut):
        await app.bot.send_message(USER, "x")


async def test_failure_for_one_chat_spares_others(
    app: App,
    offline: OfflineTelegram,
) -> None:
    offline.add_chat(USER)
    offline.add_chat(2002)
    offline.fail("sendMessage", error=forbidden_blocked(), chat_id=2002, times=None)
    await app.bot.send_message(USER, "x")
    for _ in range(3):
        with pytest.raises(Forbidden):
            await app.bot.send_message(2002, "x")


async def test_document_upload_and_download_round_trip(
    app: App,
    offline: OfflineTelegram,
) -> None:
    body = b'<opml><body><outline xmlUrl="https://a"/><outline xmlUrl="https://b"/></body></opml>'
    offline.document(body, file_name="feeds.opml", caption="/import")
    await feed(app, offline)
    assert offline.last_text(USER) == "feeds.opml: 2 outlines"
    assert [c.method for c in offline.calls] == ["getMe", "getFile", "sendMessage"]

    await app.bot.send_document(
        USER, b"<opml/>", filename="export.opml", caption="<b>Your sources</b>", parse_mode="HTML"
    )
    sent = offline.sent(USER)[-1]
    assert sent.document is not None
    assert (sent.document.file_name, sent.document.data) == ("export.opml", b"<opml/>")
    assert sent.caption == "<b>Your sources</b>"
    assert offline.calls[-1].files["document"].data == b"<opml/>"
    downloaded = await (await app.bot.get_file(sent.document.file_id)).download_as_bytearray()
    assert downloaded == b"<opml/>"


async def test_caption_is_validated(app: App, offline: OfflineTelegram) -> None:
    offline.add_chat(USER)
    with pytest.raises(BadRequest, match="Can't parse entities"):
        await app.bot.send_document(USER, b"x", filename="a", caption="<x>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="Message caption is too long"):
        await app.bot.send_document(USER, b"x", filename="a", caption="c" * 1025)


async def test_unknown_method_and_not_emulated_method(app: App) -> None:
    with pytest.raises(EndPointNotFound):
        await app.bot.do_api_request("sendTelepathy")
    with pytest.raises(BadRequest, match="not emulated"), pytest.warns(PTBUserWarning):
        await app.bot.do_api_request("sendVideo", {"chat_id": 1, "video": "x"})


async def test_unknown_field_and_missing_field_are_rejected(
    app: App,
    offline: OfflineTelegram,
) -> None:
    offline.add_chat(USER)
    call = app.bot.do_api_request
    unknown = 'Unknown field "colour" for method sendmessage'
    with pytest.raises(BadRequest, match=unknown), pytest.warns(PTBUserWarning):
        await call("sendMessage", {"chat_id": USER, "text": "x", "colour": 1})
    with (
        pytest.raises(BadRequest, match='Parameter "message_id" is required'),
        pytest.warns(PTBUserWarning),
    ):
        await call("deleteMessage", {"chat_id": USER})
    wrong_type = 'Field "message_id" must be of type integer'
    with pytest.raises(BadRequest, match=wrong_type), pytest.warns(PTBUserWarning):
        await call("deleteMessage", {"chat_id": USER, "message_id": "1"})
    assert offline.sent(USER) == []


async def test_lenient_mode_records_unknown_fields() -> None:
    offline = OfflineTelegram(strict=False)
    async with build(offline, []) as application:
        offline.add_chat(USER)
        with pytest.warns(PTBUserWarning):
            await application.bot.do_api_request(
                "sendMessage", {"chat_id": USER, "text": "x", "z": 1}
            )
    assert offline.unknown_fields == [("sendMessage", "z")]
    assert offline.last_text(USER) == "x"


async def test_wrong_token_is_unauthorized(offline: OfflineTelegram) -> None:
    builder = ApplicationBuilder().token("999:XYZ").request(offline)
    application = builder.get_updates_request(offline).build()
    with pytest.raises(InvalidToken):
        await application.initialize()


async def test_chats_members_and_commands(app: App, offline: OfflineTelegram) -> None:
    offline.my_chat_member(chat_id=CHANNEL, username="newschannel", user_id=USER)
    offline.set_member(CHANNEL, USER, "creator")
    chat = await app.bot.get_chat("@newschannel")
    assert (chat.id, chat.type, chat.title) == (CHANNEL, "channel", "News channel")
    me = await app.bot.get_chat_member(CHANNEL, app.bot.id)
    assert me.status == "administrator"
    assert isinstance(me, ChatMemberAdministrator)
    assert me.can_post_messages is True
    admins = await app.bot.get_chat_administrators(CHANNEL)
    assert {a.user.id for a in admins} == {USER, app.bot.id}
    assert (await app.bot.get_chat_member(CHANNEL, USER)).status == "creator"
    with pytest.raises(BadRequest, match="Chat not found"):
        await app.bot.get_chat(-424242)

    assert await app.bot.set_my_commands([("latest", "Latest stories")])
    assert [c.command for c in await app.bot.get_my_commands()] == ["latest"]
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await app.bot.set_my_commands([("Bad-Name", "x")])
    with pytest.raises(BadRequest, match="Bot_command_invalid"):  # lower case, not Latin
        await app.bot.set_my_commands([("новости", "x")])
    with pytest.raises(BadRequest, match="Bot_commands_too_much"):
        await app.bot.set_my_commands([(f"c{i}", "x") for i in range(101)], language_code="de")
    assert await app.bot.set_my_commands([(f"c{i}", "x") for i in range(100)], language_code="de")
    # A menu per language: two-letter ISO 639-1 codes, as the Bot API says.
    assert await app.bot.set_my_commands([("latest", "Свежие новости")], language_code="ru")
    ru = await app.bot.get_my_commands(language_code="ru")
    assert [c.description for c in ru] == ["Свежие новости"]
    assert [c.description for c in await app.bot.get_my_commands()] == ["Latest stories"]
    with pytest.raises(BadRequest, match="Lang_code_invalid"):
        await app.bot.set_my_commands([("latest", "x")], language_code="rus")


async def test_channel_needs_posting_rights(app: App, offline: OfflineTelegram) -> None:
    offline.add_chat(CHANNEL, "channel", title="C", bot_status="member")
    with pytest.raises(BadRequest, match="Need administrator rights in the channel chat"):
        await app.bot.send_message(CHANNEL, "x")
    offline.set_member(CHANNEL, offline.bot_id, "administrator", can_post_messages=True)
    await app.bot.send_message(CHANNEL, "x")
    offline.set_member(CHANNEL, offline.bot_id, "left")
    with pytest.raises(Forbidden, match="bot is not a member of the channel chat"):
        await app.bot.send_message(CHANNEL, "x")


async def test_channel_post_and_my_chat_member_updates_parse(
    app: App,
    offline: OfflineTelegram,
) -> None:
    update = Update.de_json(offline.my_chat_member(), app.bot)
    assert update.my_chat_member is not None
    assert update.my_chat_member.new_chat_member.status == "administrator"
    assert update.my_chat_member.old_chat_member.status == "left"
    post = Update.de_json(offline.channel_post("/latest"), app.bot)
    assert post.channel_post is not None and post.channel_post.sender_chat is not None
    assert post.effective_chat is not None and post.effective_chat.id == CHANNEL


async def test_flood_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # else RetryAfter() itself warns
    clock = Clock()
    offline = OfflineTelegram(enforce_limits=True, clock=clock)
    async with build(offline, []) as application:
        bot = application.bot
        offline.add_chat(USER)
        offline.add_chat(GROUP, "supergroup", title="G")
        await bot.send_message(USER, "1")
        with pytest.raises(RetryAfter):
            await bot.send_message(USER, "2")  # > 1 message/s in one private chat
        clock.now += 1
        await bot.send_message(USER, "2")

        for i in range(20):
            clock.now += 0.5
            await bot.send_message(GROUP, str(i))
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(GROUP, "21st within a minute")
        assert offline.calls[-1].description == "Too Many Requests: retry after 51"
        assert caught.value.retry_after == timedelta(seconds=51)
        clock.now += 51
        await bot.send_message(GROUP, "later")

        clock.now += 100
        for user in range(30):
            offline.add_chat(5000 + user)
            await bot.send_message(5000 + user, "x")
        with pytest.raises(RetryAfter):
            await bot.send_message(USER, "31st within a second")
    assert len(offline.sent()) == 2 + 21 + 30


async def test_get_updates_long_poll_and_offset(app: App, offline: OfflineTelegram) -> None:
    assert await app.bot.get_updates(timeout=0) == ()
    waiting = asyncio.create_task(app.bot.get_updates(timeout=5))
    await asyncio.sleep(0)
    offline.user_message("hello")
    [update] = await asyncio.wait_for(waiting, 1)
    assert update.message is not None and update.message.text == "hello"
    again = await app.bot.get_updates(timeout=0)
    assert [u.update_id for u in again] == [update.update_id]  # not confirmed yet
    assert await app.bot.get_updates(offset=update.update_id + 1, timeout=0) == ()
    assert offline.pending_updates == 0


async def test_long_poll_times_out_empty() -> None:
    offline = OfflineTelegram(max_long_poll=0.05)
    async with build(offline, []) as application:
        assert await application.bot.get_updates(timeout=5) == ()
        with pytest.raises(BadRequest, match='Field "timeout" must be of type integer'):
            await application.bot.get_updates(timeout=timedelta(seconds=0.5))
    assert [c.params.get("timeout") for c in offline.calls_to("getUpdates")] == [5, 0.5]


async def test_polling_application_runs_handlers(offline: OfflineTelegram) -> None:
    errors: list[BaseException] = []
    application = build(offline, errors)
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(timeout=timedelta(seconds=1))
        offline.user_message("/echo polled")
        for _ in range(100):
            if offline.sent(USER):
                break
            await asyncio.sleep(0.01)
        await application.updater.stop()
        await application.stop()
    assert offline.last_text(USER) == "args: polled"
    assert offline.pending_updates == 0  # confirmed by the final getUpdates
    assert errors == []
    assert "deleteWebhook" in [c.method for c in offline.calls]


async def test_callback_data_over_64_bytes_is_refused(app: App, offline: OfflineTelegram) -> None:
    offline.add_chat(USER)
    button = InlineKeyboardButton("More", callback_data="é" * 33)
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await app.bot.send_message(USER, "x", reply_markup=InlineKeyboardMarkup([[button]]))


async def test_inline_keyboards_are_refused_as_telegram_refuses_them(
    app: App, offline: OfflineTelegram
) -> None:
    offline.add_chat(USER)

    async def send(rows: list[list[InlineKeyboardButton]]) -> None:
        await app.bot.send_message(USER, "x", reply_markup=InlineKeyboardMarkup(rows))

    with pytest.raises(BadRequest, match="Text buttons are unallowed in the inline keyboard"):
        await send([[InlineKeyboardButton("Just text")]])
    with pytest.raises(BadRequest, match="Button_url_invalid"):
        await send([[InlineKeyboardButton("Site", url="example.org/page")]])
    with pytest.raises(BadRequest, match="Reply markup is too long"):  # 101 buttons
        await send([[InlineKeyboardButton(str(i), callback_data=str(i))] for i in range(101)])
    with pytest.raises(BadRequest, match="Reply markup is too long"):  # over 10 kB of JSON
        await send([[InlineKeyboardButton("ж" * 100, callback_data=str(i))] for i in range(60)])
    await send([[InlineKeyboardButton(str(i), callback_data=str(i))] for i in range(100)])
    await send([[InlineKeyboardButton("Site", url="https://example.org/page")]])
    assert len(offline.sent(USER)) == 2


async def test_a_callback_answer_over_200_characters_is_refused(
    app: App, offline: OfflineTelegram
) -> None:
    offline.add_chat(USER)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="2")]])
    await app.bot.send_message(USER, "page 1", reply_markup=keyboard)
    query_id = offline.callback_query("2")["callback_query"]["id"]
    with pytest.raises(BadRequest, match="Message_too_long"):
        await app.bot.answer_callback_query(query_id, "я" * 201, show_alert=True)
    assert await app.bot.answer_callback_query(query_id, "я" * 200, show_alert=True)


async def test_queries_answered_after_query_timeout_are_too_old(
    errors: list[BaseException],
) -> None:
    clock = Clock()
    offline = OfflineTelegram(clock=clock, query_timeout=15.0)
    offline.add_chat(USER)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="2")]])
    async with build(offline, errors) as application:
        bot = application.bot
        await bot.send_message(USER, "page 1", reply_markup=keyboard)
        in_time = offline.callback_query("2")["callback_query"]["id"]
        late = offline.callback_query("2")["callback_query"]["id"]
        inline = offline.inline_query("x")["inline_query"]["id"]
        clock.now += 15
        assert await bot.answer_callback_query(in_time)
        clock.now += 1
        with pytest.raises(BadRequest, match="Query is too old"):
            await bot.answer_callback_query(late)
        with pytest.raises(BadRequest, match="Query is too old"):
            await bot.answer_inline_query(inline, [])
        with pytest.raises(BadRequest, match="Query is too old"):  # and it stays refused
            await bot.answer_callback_query(late)


async def test_strings_must_be_valid_utf8(app: App, offline: OfflineTelegram) -> None:
    offline.add_chat(USER)
    with pytest.raises(BadRequest, match="Strings must be encoded in utf-8"):
        await app.bot.send_message(USER, "half an emoji: \ud83d")
    assert offline.sent(USER) == []


async def test_a_reply_to_a_deleted_message_is_refused_unless_allowed(
    app: App, offline: OfflineTelegram
) -> None:
    update = offline.group_message("/echo one")
    offline.group_message("/echo two")
    offline.delete_user_message(GROUP, update["message"]["message_id"])
    message = Update.de_json(offline.next_update_dict(), app.bot).effective_message
    assert message is not None
    with pytest.raises(BadRequest, match="Message to be replied not found"):
        await message.reply_text("quoted")
    await message.reply_text("unquoted", do_quote=False)
    await message.reply_text("anyway", allow_sending_without_reply=True)
    await feed(app, offline)  # the second command is there: its reply quotes it
    with pytest.raises(BadRequest, match="Message to be replied not found"):
        await app.bot.send_message(GROUP, "x", reply_to_message_id=99)
    assert [m.text for m in offline.sent(GROUP)] == ["unquoted", "anyway", "args: two"]
    with pytest.raises(LookupError):
        offline.delete_user_message(GROUP, offline.sent(GROUP)[0].message_id)  # the bot's


async def test_get_updates_conflicts_with_a_webhook(app: App, offline: OfflineTelegram) -> None:
    assert await app.bot.set_webhook("https://bot.example.org/hook")
    assert (await app.bot.get_webhook_info()).url == "https://bot.example.org/hook"
    with pytest.raises(Conflict):
        await app.bot.get_updates(timeout=0)
    assert await app.bot.delete_webhook()
    assert await app.bot.get_updates(timeout=0) == ()


# --- inline mode -----------------------------------------------------------------------------


def article(result_id: str = "1", text: str = "<b>Story</b>", **fields: Any) -> dict[str, Any]:
    content = {"message_text": text, "parse_mode": "HTML"}
    result = {"type": "article", "id": result_id, "title": "T", "input_message_content": content}
    return result | fields


async def answer_raw(app: App, offline: OfflineTelegram, **params: Any) -> None:
    """Answer a fresh inline query with raw JSON, as a bot that builds its own would."""
    query_id = offline.inline_query("x")["inline_query"]["id"]
    offline.next_update_dict()  # the bot has it
    with pytest.warns(PTBUserWarning):  # PTB knows the method; raw parameters go as api_kwargs
        await app.bot.do_api_request("answerInlineQuery", {"inline_query_id": query_id, **params})


async def test_an_inline_query_reaches_the_bot_and_its_answer_is_recorded(
    app: App, offline: OfflineTelegram
) -> None:
    assert (await app.bot.get_me()).supports_inline_queries is True
    body = offline.inline_query("storm", offset="10", user_id=USER)
    update = Update.de_json(body, app.bot)
    assert update.inline_query is not None
    assert (update.inline_query.query, update.inline_query.offset) == ("storm", "10")
    result = InlineQueryResultArticle(
        "7.abc", "Storm", InputTextMessageContent("<b>Storm</b> &amp; rain", parse_mode="HTML")
    )
    button = InlineQueryResultsButton("Open the bot", start_parameter="inline")
    assert await update.inline_query.answer(
        [result], cache_time=30, next_offset="20", button=button
    )
    answer = offline.inline_answers[update.inline_query.id]
    assert (answer.query, answer.offset, answer.user_id) == ("storm", "10", USER)
    assert (answer.result_ids, answer.texts) == (["7.abc"], ["<b>Storm</b> &amp; rain"])
    assert (answer.next_offset, answer.cache_time, answer.is_personal) == ("20", 30, False)
    assert answer.button == {"text": "Open the bot", "start_parameter": "inline"}
    with pytest.raises(BadRequest, match="Query is too old"):  # one answer per query
        await update.inline_query.answer([result])


async def test_a_chosen_result_is_sent_via_the_bot(app: App, offline: OfflineTelegram) -> None:
    offline.add_chat(GROUP, "supergroup", title="G")
    offline.add_chat(GROUP - 1, "supergroup", title="Without the bot", bot_status="left")
    await answer_raw(app, offline, results=[article("a", "<i>Rain</i> &lt;3")])
    shared = offline.choose_inline_result("a", chat_id=GROUP)
    assert (shared.chat_id, shared.text, shared.plain_text) == (
        GROUP,
        "<i>Rain</i> &lt;3",
        "Rain <3",
    )
    message = Update.de_json(offline.next_update_dict(), app.bot).message
    assert message is not None and message.via_bot is not None
    assert (message.via_bot.id, message.from_user and message.from_user.id) == (123, 1001)
    assert message.text == "Rain <3" and message.entities[0].type == "italic"
    offline.choose_inline_result("a", chat_id=GROUP - 1)
    assert offline.pending_updates == 0  # the bot is not in that chat: it sees nothing
    assert [m.chat_id for m in offline.via_bot] == [GROUP, GROUP - 1]
    with pytest.raises(LookupError):
        offline.choose_inline_result("b")


async def test_an_invalid_inline_answer_is_refused_like_telegram_does(
    app: App, offline: OfflineTelegram
) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"results": [article(str(i)) for i in range(51)]}, "too many inline query results"),
        ({"results": [{"type": "article", "title": "T"}]}, 'can\'t find field "id"'),
        ({"results": [article(5)]}, 'field "id" must be of type string'),
        ({"results": [article(input_message_content={})]}, 'can\'t find field "message_text"'),
        ({"results": [article(text="<b>open")]}, "inline query result: can't parse entities"),
        ({"results": [article(text="x" * 4097)]}, "inline query result: message is too long"),
        ({"results": [article(text="")]}, "message text is empty"),
        ({"results": [article("1"), article("1")]}, "result_id_duplicate"),
        ({"results": [article("é" * 33)]}, "result_id_invalid"),
        (
            {"results": [article(colour="red")]},
            'unknown field "colour" in inlinequeryresultarticle',
        ),
        ({"results": [article(type="photo")]}, 'inlinequeryresult of type "photo" is not emulated'),
        ({"results": [], "next_offset": "9" * 65}, "next_offset_invalid"),
        ({"results": [], "button": {"text": "Open"}}, "must have exactly one optional field"),
        ({"results": [], "button": {"text": "O", "start_parameter": "a b"}}, "start_param_invalid"),
    ]
    for params, error in cases:
        with pytest.raises(BadRequest, match=f"(?i){re.escape(error)}"):
            await answer_raw(app, offline, **params)
    assert offline.inline_answers == {}
    with pytest.raises(BadRequest, match="Query is too old"), pytest.warns(PTBUserWarning):
        await app.bot.do_api_request("answerInlineQuery", {"inline_query_id": "99", "results": []})


async def test_objects_of_listed_types_are_checked_in_every_method(
    app: App, offline: OfflineTelegram
) -> None:
    offline.add_chat(USER)
    with pytest.raises(BadRequest, match=r'(?i)field "is_disabled" must be of type boolean'):
        await app.bot.send_message(
            USER,
            "x",
            link_preview_options=LinkPreviewOptions(is_disabled="yes"),  # type: ignore[arg-type]
        )
    lenient = OfflineTelegram(strict=False)
    async with build(lenient, []) as application:
        query_id = lenient.inline_query("x")["inline_query"]["id"]
        with pytest.warns(PTBUserWarning):
            await application.bot.do_api_request(
                "answerInlineQuery",
                {"inline_query_id": query_id, "results": [article(colour="red")]},
            )
    assert lenient.unknown_fields == [("InlineQueryResultArticle", "colour")]


def test_inline_mode_off_sends_no_inline_queries() -> None:
    offline = OfflineTelegram(inline_mode=False)
    assert offline.bot_user["supports_inline_queries"] is False
    with pytest.raises(RuntimeError, match="/setinline"):
        offline.inline_query("x")


async def test_a_restricted_bot_and_messages_signed_by_a_chat(
    app: App, offline: OfflineTelegram
) -> None:
    """A bot muted in a group is refused as Telegram refuses it, and its membership reads as
    ChatMemberRestricted; a message signed by the group (an anonymous admin) or by a channel
    comes "from" Telegram's service accounts; a channel's post reaches its discussion group."""
    offline.add_chat(-7, "supergroup", title="Readers")
    offline.set_member(-7, offline.bot_id, "restricted", can_send_messages=False)
    with pytest.raises(BadRequest, match="Not enough rights to send text messages"):
        await app.bot.send_message(-7, "x")
    member = await app.bot.get_chat_member(-7, offline.bot_id)
    assert isinstance(member, ChatMemberRestricted)
    assert member.is_member and not member.can_send_messages and member.can_send_polls
    offline.my_chat_member(chat_id=-7, chat_type="supergroup", old_status="restricted")
    await app.bot.send_message(-7, "unmuted")
    change = offline.next_update_dict()["my_chat_member"]
    assert change["old_chat_member"]["can_send_messages"] is False
    assert change["new_chat_member"]["status"] == "administrator"

    offline.add_chat(-1002, "channel", title="Paper", username="paper")
    offline.link_discussion(-1002, -7)
    assert (await app.bot.get_chat(-1002)).linked_chat_id == -7
    offline.group_message("/x", chat_id=-7, as_chat=-7)
    offline.group_message("/x", chat_id=-7, as_chat=-1002)
    offline.channel_post("hello", chat_id=-1002)
    anonymous, as_channel = (offline.next_update_dict()["message"] for _ in range(2))
    assert (anonymous["from"]["username"], anonymous["sender_chat"]["id"]) == (
        "GroupAnonymousBot",
        -7,
    )
    assert (as_channel["from"]["username"], as_channel["sender_chat"]["id"]) == (
        "Channel_Bot",
        -1002,
    )
    post = offline.next_update_dict()["channel_post"]
    forwarded = offline.next_update_dict()["message"]
    assert forwarded["is_automatic_forward"] and forwarded["chat"]["id"] == -7
    assert forwarded["sender_chat"]["id"] == -1002 and forwarded["from"]["id"] == 777000
    assert forwarded["forward_origin"]["message_id"] == post["message_id"]


async def test_files_over_telegrams_size_limits_are_refused(
    app: App, offline: OfflineTelegram
) -> None:
    # getFile: "bots can download files of up to 20MB in size" (Bot API); beyond, a 400.
    offline.document(bytes(20 * 2**20), file_name="big.opml")
    offline.document(bytes(20 * 2**20 + 1), file_name="bigger.opml")
    fitting, too_big = list(offline.files)[-2:]
    assert (await app.bot.get_file(fitting)).file_size == 20 * 2**20
    with pytest.raises(BadRequest, match="File is too big"):
        await app.bot.get_file(too_big)
    # sendDocument: "Bots can currently send files of any type of up to 50 MB in size";
    # a larger upload is answered 413 Request Entity Too Large, and nothing is sent.
    offline.add_chat(USER)
    await app.bot.send_document(USER, bytes(50 * 2**20), filename="a.opml")
    with pytest.raises(NetworkError, match="Request Entity Too Large"):
        await app.bot.send_document(USER, bytes(50 * 2**20 + 1), filename="b.opml")
    assert offline.calls[-1].status == 413
    assert [m.document.file_name for m in offline.sent(USER) if m.document] == ["a.opml"]


async def test_an_edit_of_the_buttons_alone_counts_against_the_edit_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # else RetryAfter() itself warns
    clock = Clock()
    offline = OfflineTelegram(enforce_limits=True, clock=clock)
    async with build(offline, []) as application:
        bot = application.bot
        offline.add_chat(USER)
        message = await bot.send_message(USER, "page")
        for i in range(20):
            keyboard = [[InlineKeyboardButton(f"more {i}", callback_data=str(i))]]
            await bot.edit_message_reply_markup(
                USER, message.message_id, reply_markup=InlineKeyboardMarkup(keyboard)
            )
        with pytest.raises(RetryAfter):  # edits of every kind: about 20 a minute per chat
            await bot.edit_message_text("page 2", chat_id=USER, message_id=message.message_id)
        clock.now += 60
        await bot.edit_message_text("page 2", chat_id=USER, message_id=message.message_id)


async def test_a_closed_general_topic_refuses_sends_with_no_topic(
    app: App, offline: OfflineTelegram
) -> None:
    offline.add_chat(GROUP, "supergroup", title="Forum")
    climate = offline.add_topic(GROUP, "Climate")
    await app.bot.send_message(GROUP, "to General")
    offline.close_general_topic(GROUP)
    with pytest.raises(BadRequest, match="Topic_closed"):
        await app.bot.send_message(GROUP, "to General, closed")
    with pytest.raises(BadRequest, match="Topic_closed"):
        await app.bot.send_chat_action(GROUP, "typing")
    await app.bot.send_message(GROUP, "to Climate", message_thread_id=climate)
    offline.set_member(GROUP, offline.bot_id, "administrator", can_manage_topics=True)
    await app.bot.send_message(GROUP, "to General, by an admin who manages topics")
    offline.set_member(GROUP, offline.bot_id, "member")
    offline.reopen_general_topic(GROUP)
    await app.bot.send_message(GROUP, "to General, reopened")
    assert [m.plain_text for m in offline.sent(GROUP)] == [
        "to General",
        "to Climate",
        "to General, by an admin who manages topics",
        "to General, reopened",
    ]


async def test_links_whose_addresses_are_too_long_are_refused(
    app: App, offline: OfflineTelegram
) -> None:
    """Telegram refuses a message whose links take too much room, ENTITIES_TOO_LONG, well
    before 4096 characters (a /sources page of 31 links, 9,879 bytes of addresses, was):
    the offline Telegram refuses over telegram_html.MAX_LINK_BYTES (9,500) of ``href``."""

    def links(total: int, count: int = 20) -> str:
        each = total // count
        urls = [f"https://example.org/{i:02d}/" for i in range(count)]
        urls = [u + "a" * (each - len(u)) for u in urls]
        urls[-1] += "a" * (total - sum(len(u) for u in urls))
        return "\n".join(f'<a href="{u}">{i}</a>' for i, u in enumerate(urls))

    offline.add_chat(USER, "private")
    assert len(links(9_500)) < 10_000  # the markup, not the text: 4096 is far off
    await app.bot.send_message(USER, links(9_500), parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="Entities_too_long"):
        await app.bot.send_message(USER, links(9_501), parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="Entities_too_long"):
        await app.bot.send_message(USER, links(9_880, count=31), parse_mode=ParseMode.HTML)
    # Counted in UTF-8 bytes, as the address is sent: 4,800 characters of "é" are 9,600.
    accented = f'<a href="https://example.org/{"é" * 4_800}">x</a>'
    with pytest.raises(BadRequest, match="Entities_too_long"):
        await app.bot.send_message(USER, accented, parse_mode=ParseMode.HTML)
