"""A channel owner's and a group admin's days with the bot, through the real Application and
the offline Telegram: the bot losing a channel (removed, or its right to post taken) and what
its owner is told from their chat with the bot."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

import pytest

from bot import jobs
from bot.i18n import Translator, english
from bot.replies import (
    channel_lost,
    channel_not_subscribed,
    channel_saved_while_stopped,
    channel_unreadable,
    channel_unsubscribed,
    channel_waits_for_rights,
)
from digests import live, opml, store
from digests.models import ArticleIn
from tests.feedserver import FeedServer
from tests.feedserver import feed_server as feed_server  # the fixture
from tests.test_bot import ADMIN, Bot, rss, texts
from tests.test_bot import bot as bot  # the fixtures
from tests.test_bot import settings as settings
from tests.test_live import deliver, posts, report
from tests.test_live import pictures as pictures  # the fixture
from tests.test_topics import FORUM, forum, topic_sub
from tests.test_topics import say as say_in_topic

CHANNEL = -1002001
OWNER = 777
EN = english()


def add_channel(bot: Bot) -> None:
    bot.offline.add_chat(
        CHANNEL, "channel", title="Paper", username="paper", bot_status="administrator"
    )
    bot.offline.set_member(CHANNEL, OWNER, "creator")


def bot_status(bot: Bot, status: str, old: str, *, can_post: bool = True, by: int = OWNER) -> None:
    """Telegram tells the bot its status in the channel changed (``by`` changed it: the
    owner unless said)."""
    bot.offline.my_chat_member(
        chat_id=CHANNEL,
        title="Paper",
        username="paper",
        new_status=status,
        old_status=old,
        user_id=by,
        can_post_messages=can_post,
    )


async def post_refused(bot: Bot, status: str, *, can_post: bool = True) -> None:
    """The bot's membership in the channel changes with no update telling it (another
    administrator, the update lost), then a live post goes out and is refused."""
    bot.offline.set_member(CHANNEL, bot.offline.bot_id, status, can_post_messages=can_post)
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)


async def owner_says(bot: Bot, text: str) -> str:
    [reply] = await bot.say(text, user_id=OWNER)
    return reply.plain_text


async def test_a_channel_whose_bot_may_not_post_says_so_and_unsubscribe_stops_it_for_good(
    bot: Bot,
) -> None:
    """The owner takes the bot's "Post messages" right: /settings @paper used to answer that
    the channel has no subscription, and /unsubscribe @paper the same, stopping nothing: the
    digests came back when the right was given back for something else."""
    add_channel(bot)
    await owner_says(bot, "/subscribe_channel @paper 08:00 Europe/Berlin")
    bot_status(bot, "administrator", "administrator", can_post=False)
    await bot.feed()
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and not sub.active

    assert await owner_says(bot, "/settings @paper") == channel_waits_for_rights(EN, "@paper")
    assert await owner_says(bot, "/unsubscribe @paper") == channel_unsubscribed(EN, "@paper")
    bot_status(bot, "administrator", "administrator", can_post=True)
    await bot.feed()
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and not sub.active  # stopped for good: no digest comes back
    assert await owner_says(bot, "/settings @paper") == channel_not_subscribed(EN, "@paper")


async def test_a_channel_the_bot_is_added_back_to_resumes_with_its_settings(bot: Bot) -> None:
    """The bot is removed from the channel: Telegram no longer shows it the channel's
    members, so /settings @paper used to tell its owner "You are not an administrator"; now it
    says what happened and how to resume. Added back as an administrator with the right to
    post (only a channel's administrators can), the subscription used to stay stopped and
    /settings @paper answered "stopped when I was removed": the owner added the bot back for
    its digests, so the subscription resumes, its settings kept, and /settings shows them."""
    add_channel(bot)
    await owner_says(bot, "/subscribe_channel @paper live budget")
    bot_status(bot, "left", "administrator")
    await bot.feed()

    assert await owner_says(bot, "/settings @paper") == channel_unreadable(EN, "@paper")
    assert await owner_says(bot, "/unsubscribe @paper") == channel_unreadable(EN, "@paper")
    bot_status(bot, "administrator", "left")
    await bot.feed()
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and sub.active and sub.mode == "live" and sub.include == ("budget",)
    page = await owner_says(bot, "/settings @paper")
    assert "Live:" in page and "budget" in page
    report(bot.db, "gazette", "budget")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    assert [p.plain_text.split(",")[0] for p in posts(bot.offline)] == ["Budget story"]


@pytest.mark.parametrize("how", ["kicked", "refused"])
async def test_a_channel_added_back_without_the_right_to_post_waits_for_it(
    bot: Bot, how: str
) -> None:
    """Removed (Telegram said so, or refused a post: the sender stopped it), then added back
    without the right to post: /settings @paper says it waits for the right, which resumes it."""
    add_channel(bot)
    await owner_says(bot, "/subscribe_channel @paper live")
    if how == "kicked":
        bot_status(bot, "kicked", "administrator")
        await bot.feed()
    else:
        await post_refused(bot, "left")
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and not sub.active
    bot_status(bot, "administrator", "left", can_post=False)
    await bot.feed()
    assert await owner_says(bot, "/settings @paper") == channel_waits_for_rights(EN, "@paper")
    bot_status(bot, "administrator", "administrator", can_post=True)
    await bot.feed()
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and sub.active and sub.mode == "live"


@pytest.mark.parametrize("lost", ["right", "removed"])
async def test_a_live_post_whose_edit_was_dropped_while_stopped_is_edited_on_return(
    bot: Bot, lost: str
) -> None:
    """A second outlet joins a story posted live while the bot may not post (or was removed):
    the edit is dropped with the subscription's queue. Back in the channel the post used to
    keep saying one source until some later report changed the story again; now it is
    edited as soon as the subscription is back."""
    add_channel(bot)
    await owner_says(bot, "/subscribe_channel @paper live")
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    [post] = posts(bot.offline)
    assert "also reported" not in post.plain_text

    report(bot.db, "courier", "bridge", changed=3)
    await jobs.process_now(bot.app.bot_data)  # the edit is queued, due in 5 minutes
    if lost == "right":
        bot_status(bot, "administrator", "administrator", can_post=False)
    else:
        bot_status(bot, "left", "administrator")
    await bot.feed()
    await deliver(bot, after=live.EDIT_INTERVAL + timedelta(seconds=1))
    assert post.history == []  # stopped: nothing is sent

    if lost == "right":
        bot_status(bot, "administrator", "administrator", can_post=True)
        await bot.feed()
    else:
        bot_status(bot, "administrator", "left")
        await bot.feed()
        await owner_says(bot, "/subscribe_channel @paper")
    await deliver(bot, after=2 * live.EDIT_INTERVAL)
    assert len(post.history) == 1 and "also reported by 1 source" in post.plain_text
    assert posts(bot.offline) == [post]  # edited, not posted again


async def test_stories_keep_the_outlets_of_removed_sources(bot: Bot) -> None:
    """An admin removes two sources ("Its articles stay"): their articles lost their outlet,
    so a story three outlets reported showed both as one "unknown source" and was "also
    reported by 1 source" instead of 2."""
    for outlet in ("gazette", "courier", "herald"):
        report(bot.db, outlet, "bridge", changed=3 if outlet != "gazette" else 0)
    await jobs.process_now(bot.app.bot_data)
    [before] = await bot.say("/latest 1")
    assert "also reported by 2 sources" in before.plain_text

    for outlet in ("Courier", "Herald"):
        [removed] = await bot.say(f"/removesource {outlet}", user_id=ADMIN)
        assert "Its articles stay" in removed.plain_text
    [after] = await bot.say("/latest 1")
    assert "also reported by 2 sources" in after.plain_text
    story = after.plain_text.rsplit("/story_", 1)[1]
    shown = texts(await bot.say(f"/story {story}"))
    assert "Courier" in shown and "Herald" in shown and "unknown source" not in shown


async def test_a_channel_owner_sees_and_sets_the_language_of_the_posts_from_their_chat(
    bot: Bot,
) -> None:
    """An owner whose chat with the bot is in Russian subscribes their channel from it: the
    reply, all in Russian, never said the channel's digests would come in English, and the
    only way to change that was to post /language in the channel, before its readers."""
    add_channel(bot)
    bot.offline.user_message("/start", user_id=OWNER, language_code="ru")
    await bot.feed()
    reply = await owner_says(bot, "/subscribe_channel @paper 08:00 Europe/Berlin")
    assert "Публикации на языке: английский" in reply
    assert "/language @paper КОД" in reply

    assert "английский" in await owner_says(bot, "/language @paper")
    assert await owner_says(bot, "/language @paper русский") == (
        "Теперь язык моих публикаций в @paper: русский."
    )
    assert "Публикации на языке: русский" in await owner_says(bot, "/settings @paper")
    assert store.chat_language(bot.db, CHANNEL).chosen == "ru"  # the channel's, not the chat's
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    bot.offline.channel_post("/digest", chat_id=CHANNEL)
    await bot.feed()
    assert "Bridge story" in bot.offline.last_text(CHANNEL)
    assert "Последние новости" in bot.offline.last_text(CHANNEL) or "дайджест" in (
        bot.offline.last_text(CHANNEL).lower()
    )

    stranger = 888
    bot.offline.add_user(stranger)
    [refused] = await bot.say("/language @paper en", user_id=stranger)
    assert "not an administrator" in refused.plain_text
    assert store.chat_language(bot.db, CHANNEL).chosen == "ru"


async def test_a_feed_that_moved_for_good_is_added_at_its_new_address_once(
    bot: Bot, feed_server: FeedServer
) -> None:
    """An admin adds a feed by its old address, which redirects (301) to its new one, then by
    the new one: the bot added two sources of the same name polling the same feed."""
    feed = feed_server.add("/rss.xml", rss(3))
    old = feed_server.add("/old.xml", "", status=301, headers={"Location": feed}, content_type=None)
    added = texts(await bot.say(f"/addsource {old}", user_id=ADMIN))
    assert f"The feed has moved for good to: {feed}" in added
    assert "Already a source" in texts(await bot.say(f"/addsource {feed}", user_id=ADMIN))
    assert "Already a source" in texts(await bot.say(f"/addsource {old}", user_id=ADMIN))
    urls = [s.url for s in store.list_sources(bot.db) if s.kind != "file"]
    assert urls == [feed]
    # An address that redirects there for now (302), a short link: the same source.
    short = feed_server.add("/go", "", status=302, headers={"Location": feed}, content_type=None)
    assert "Already a source: 2." in texts(await bot.say(f"/addsource {short}", user_id=ADMIN))
    assert [s.url for s in store.list_sources(bot.db) if s.kind != "file"] == [feed]
    # A temporary redirect (302) is no move: the address given is kept.
    other = feed_server.add("/other.xml", rss(4))
    hop = feed_server.add(
        "/hop.xml", "", status=302, headers={"Location": other}, content_type=None
    )
    assert "moved" not in texts(await bot.say(f"/addsource {hop}", user_id=ADMIN))
    assert hop in [s.url for s in store.list_sources(bot.db)]


async def test_stats_counts_each_source_once_under_the_line_that_describes_it(bot: Bot) -> None:
    """Two of three failing sources paused themselves: /stats showed "sources paused: 2" and
    "sources failing: 3", the paused ones counted in both lines."""
    for name in ("a", "b", "c"):
        source = store.add_source(bot.db, f"https://example.org/{name}.xml", title=name.upper())
        for _ in range(store.AUTO_PAUSE_AFTER if name != "c" else 2):
            store.record_failure(bot.db, store.get_source(bot.db, source.id), "HTTP 500")
    shown = texts(await bot.say("/stats", user_id=ADMIN))
    assert "sources paused: 2" in shown and "sources failing: 1" in shown
    assert "2 errors in a row" in shown


async def test_stats_list_sources_needing_attention_by_name_failing_first(bot: Bot) -> None:
    """/stats listed the sources needing attention by id, in the order they were added ("3.
    Gazette — paused"), a source failing for days after one that failed once; and a source
    that had brought nothing for weeks was not listed at all."""
    now = store.utcnow()

    def add(path: str, title: str | None, *, ok_days_ago: float, failures: int = 0) -> int:
        source = store.add_source(
            bot.db, f"https://{path}", title=title, now=now - timedelta(days=60)
        )
        source = store.record_success(
            bot.db, source, etag=None, last_modified=None, now=now - timedelta(days=ok_days_ago)
        )
        for _ in range(failures):
            source = store.record_failure(bot.db, source, "HTTP 500", now=now)
        return source.id

    add("once.example/feed.xml", "Once Daily", ok_days_ago=0.1, failures=1)
    add("quiet.example/feed.xml", "Quiet Weekly", ok_days_ago=0.1)
    add("often.example/rss", "", ok_days_ago=3, failures=5)  # no title: its host
    add("paused.example/feed.xml", "Paused Post", ok_days_ago=0.1)
    store.set_paused(bot.db, "https://paused.example/feed.xml", True, "paused by an admin")
    add("gone.example/feed.xml", "Gone Gazette", ok_days_ago=9, failures=store.AUTO_PAUSE_AFTER)
    well = add("well.example/feed.xml", "Well Fed", ok_days_ago=0.1)
    news = ArticleIn("https://well.example/1", "News", "Text. " * 20)
    store.save_articles(bot.db, well, [news], now=now - timedelta(days=1))
    shown = texts(await bot.say("/stats", user_id=ADMIN))
    part = shown[shown.index("Sources needing attention") :]
    order = ["Gone Gazette", "often.example", "Once Daily", "Quiet Weekly", "Paused Post"]
    assert [part.index(name) for name in order] == sorted(part.index(name) for name in order)
    assert "Well Fed" not in part
    assert ". Gone Gazette" not in part  # no id before the name
    line = {name: next(x for x in part.splitlines() if name in x) for name in order}
    assert "paused, no success since" in line["Gone Gazette"]
    assert "paused after 8 consecutive errors" in line["Gone Gazette"]
    assert "• often.example — 5 errors in a row, no success since" in line["often.example"]
    assert "no new article since" in line["Quiet Weekly"]
    assert re.search(r"— paused since \d\d:\d\d UTC: paused by an admin$", line["Paused Post"])
    await bot.say("/language ru", user_id=ADMIN)
    russian = texts(await bot.say("/stats", user_id=ADMIN))
    assert "often.example — 5 ошибок подряд, нет успешных загрузок с " in russian
    assert "Quiet Weekly — нет новых статей с " in russian


async def test_a_deleted_topics_subscription_ends_and_is_not_counted_paused(bot: Bot) -> None:
    """A topic of a forum is deleted: its subscription was paused for good ("paused topics: 1"
    in /stats, and nothing a group admin could send would clear it: /unsubscribe cannot be
    sent in a deleted topic). Now it ends, as its notice says, and counts as a deleted topic."""
    climate, sport = await forum(bot)
    await say_in_topic(bot, "/subscribe live", climate)
    await say_in_topic(bot, "/subscribe live", sport)
    bot.offline.delete_topic(FORUM, sport)
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)

    ended = topic_sub(bot, sport)
    assert not ended.active and ended.paused_at is None
    assert topic_sub(bot, climate).active
    shown = texts(await bot.say("/stats", user_id=ADMIN))
    assert "paused topics: 0" in shown and "deleted topics: 1" in shown
    assert "deactivated chats: 0" in shown  # the group is not lost: its other topic goes on


async def test_a_source_whose_feed_moved_for_good_is_polled_and_exported_at_its_new_address(
    bot: Bot, feed_server: FeedServer
) -> None:
    """A source's feed moves for good (301 or 308): the source kept its old address, and
    /export wrote it. Now a poll that follows a permanent redirect moves the source's address,
    unless another source already has the new one: then /stats says so."""
    old = feed_server.add("/old.xml", rss(3))
    herald = feed_server.add("/herald.xml", rss(4))
    courier = feed_server.add("/courier.xml", rss(5))
    for url, name in ((old, "Gazette"), (herald, "Herald"), (courier, "Courier")):
        assert "Added source" in texts(await bot.say(f"/addsource {url} {name}", user_id=ADMIN))
    new = feed_server.add("/new.xml", rss(3))
    feed_server.add("/old.xml", "", status=308, headers={"Location": new}, content_type=None)
    # Its new address answers 304 (nothing new): the address moves all the same.
    unchanged = feed_server.add("/herald-new.xml", "", status=304, content_type=None)
    feed_server.add(
        "/herald.xml", "", status=301, headers={"Location": unchanged}, content_type=None
    )
    # The Courier's feed now leads to the Gazette's new address: its own stays.
    feed_server.add("/courier.xml", "", status=301, headers={"Location": new}, content_type=None)
    await bot.say("/ingest", user_id=ADMIN)

    urls = [s.url for s in store.list_sources(bot.db) if s.kind != "file"]
    assert urls == [new, unchanged, courier]
    [export] = await bot.say("/export", user_id=ADMIN)
    assert export.document is not None
    assert [f.url for f in opml.parse_opml(export.document.data)] == urls
    shown = texts(await bot.say("/stats", user_id=ADMIN))
    gazette = store.get_source(bot.db, new)
    assert f"moved for good to {new}, which source {gazette.id} already has" in shown


async def test_subscribe_channel_again_says_updated_and_what_changed(bot: Bot) -> None:
    """/subscribe_channel on a channel already subscribed only changes its subscription: the
    reply said "Paper is subscribed." as for a new one, and showed every setting."""
    add_channel(bot)
    first = await owner_says(bot, "/subscribe_channel @paper 08:00 Europe/Berlin climate")
    assert first.startswith("Paper is subscribed.")
    changed = await owner_says(bot, "/subscribe_channel @paper 09:00")
    assert changed.startswith("Paper: subscription updated. Changed:\nDigest: every day at 09:00")
    assert "is subscribed" not in changed and "Only about" not in changed  # kept, not shown
    assert "/settings @paper time 07:30" in changed
    same = await owner_says(bot, "/subscribe_channel @paper 09:00")
    assert same.startswith("Paper was subscribed already: nothing changed.\nDigest: every day")
    assert "Only about: climate" in same  # nothing changed: the settings as they are

    bot.offline.user_message("/start", user_id=OWNER, language_code="ru")
    await bot.feed()
    live = await owner_says(bot, "/subscribe_channel @paper live")
    assert live.startswith("Paper: подписка обновлена. Изменилось:\n")
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and sub.mode == "live"


async def test_an_owner_changes_the_settings_of_a_channel_the_bot_may_not_post_in(
    bot: Bot,
) -> None:
    """The bot lost its right to post in the channel: /settings @paper time 07:30 was refused
    ("the subscription is stopped"), so the owner could not get it ready for its return."""
    add_channel(bot)
    await owner_says(bot, "/subscribe_channel @paper 08:00 Europe/Berlin")
    bot_status(bot, "administrator", "administrator", can_post=False)
    await bot.feed()

    changed = await owner_says(bot, "/settings @paper time 07:30")
    assert changed.startswith(channel_saved_while_stopped(EN, "@paper") + "\n\nPaper\n")
    assert "07:30 (Europe/Berlin)" in changed
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and not sub.active and sub.time == "07:30"
    assert await owner_says(bot, "/settings @paper") == channel_waits_for_rights(EN, "@paper")
    bot_status(bot, "administrator", "administrator", can_post=True)
    await bot.feed()
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and sub.active and sub.time == "07:30"  # resumed with the change
    shown = await owner_says(bot, "/settings @paper time 09:00")
    assert "stopped" not in shown and "09:00 (Europe/Berlin)" in shown


async def test_a_link_to_one_of_the_channels_posts_names_the_channel(bot: Bot) -> None:
    """Telegram's "Copy Post Link" gives t.me/paper/123 (t.me/c/2001/123 in a private
    channel), and a browser shows t.me/s/paper: /subscribe_channel answered such a link with
    its usage line, /settings showed the owner's own chat instead, and /unsubscribe said the
    link names no channel, leaving the channel's subscription running."""
    add_channel(bot)
    await owner_says(bot, "/subscribe 08:00")  # the owner's own digest, in their chat
    subscribed = await owner_says(bot, "/subscribe_channel https://t.me/paper/123 07:00")
    assert subscribed.startswith("Paper is subscribed.")
    for link in ("t.me/s/paper", "https://t.me/paper/45?single", "https://t.me/c/2001/67"):
        changed = await owner_says(bot, f"/settings {link} time 07:30")
        assert changed.startswith("Paper\n") and "07:30" in changed
        await owner_says(bot, f"/settings {link} time 07:00")
    stopped = await owner_says(bot, "/unsubscribe https://t.me/c/2001/67")
    assert stopped == channel_unsubscribed(EN, str(CHANNEL))
    channel, own = store.find_subscription(bot.db, CHANNEL), store.find_subscription(bot.db, OWNER)
    assert channel is not None and not channel.active
    assert own is not None and own.active and own.time == "08:00"


@pytest.mark.parametrize("told", [True, False])
async def test_an_update_to_a_post_made_before_the_upgrade_never_edits_another_post(
    bot: Bot, told: bool
) -> None:
    """The supergroup numbers its messages afresh: the edit of a live post made in the group
    went to the supergroup with the group's message number, and so rewrote another post
    there (K2's became the bridge story's), losing it. A post made before the upgrade now gets
    no more edits, whether the bot was told of the upgrade or learnt it from a refused send."""
    group, supergroup = -4005, -1004005
    bot.offline.add_chat(group, "group", title="Club")
    bot.offline.set_member(group, ADMIN, "creator")
    bot.offline.group_message("/subscribe live", chat_id=group, user_id=ADMIN)
    await bot.feed()
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    [bridge] = posts(bot.offline, group)
    bot.offline.migrate_chat(group, supergroup, by=ADMIN if told else None)
    await bot.feed()
    for key in ("k1", "k2", "k3", "k4", "k5"):
        report(bot.db, "gazette", key)
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    report(bot.db, "courier", "bridge", changed=3)  # the bridge story grows: its post's edit
    report(bot.db, "gazette", "k6")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot, after=live.EDIT_INTERVAL * 2)
    shown = posts(bot.offline, supergroup)
    assert [p.plain_text.split(",")[0] for p in shown] == [f"K{n} story" for n in range(1, 7)]
    assert all(p.history == [] for p in shown) and bridge.history == []
    assert not bot.offline.calls_to("editMessageText")


@pytest.mark.parametrize("told", [True, False])
async def test_an_edit_waiting_when_the_group_became_a_supergroup_is_dropped(
    bot: Bot, told: bool
) -> None:
    """An edit queued in the group before the upgrade would have gone to the supergroup with
    the group's message number; it is dropped, and counted once among the failures."""
    group, supergroup = -4005, -1004005
    bot.offline.add_chat(group, "group", title="Club")
    bot.offline.set_member(group, ADMIN, "creator")
    bot.offline.group_message("/subscribe live", chat_id=group, user_id=ADMIN)
    await bot.feed()
    for key in ("k1", "k2", "k3", "bridge"):
        report(bot.db, "gazette", key)
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    report(bot.db, "courier", "bridge", changed=3)
    await jobs.process_now(bot.app.bot_data)  # the edit waits its 5 minutes
    bot.offline.migrate_chat(group, supergroup, by=ADMIN if told else None)
    await bot.feed()
    for key in ("k4", "k5", "k6"):
        report(bot.db, "gazette", key)
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot, after=live.EDIT_INTERVAL * 2)
    shown = posts(bot.offline, supergroup)
    assert [p.plain_text.split(",")[0] for p in shown] == ["K4 story", "K5 story", "K6 story"]
    assert not bot.offline.calls_to("editMessageText") or not told
    assert all(p.history == [] for p in bot.offline.sent(group) + shown)
    [edit] = bot.db.query("select status, last_error from outbox where kind = 'edit'")
    assert edit == {
        "status": "failed",
        "last_error": "message gone: sent before the group became a supergroup",
    }


@pytest.mark.parametrize("told", [True, False])
@pytest.mark.parametrize("shown_as", ["text", "photo"])
async def test_a_live_post_in_flight_when_the_group_became_a_supergroup_goes_there_once(
    bot: Bot, pictures: dict[str, str], told: bool, shown_as: str
) -> None:
    """A post queued for the group when it became a supergroup: Telegram refuses it at the
    group's id (sendMessage and sendPhoto alike, migrate_to_chat_id) or the bot was told
    first. It goes to the supergroup once, the subscription moves there (not lost), and the
    post, a supergroup's message, is edited there when its story grows, with its own number."""
    group, supergroup = -4005, -1004005
    bot.offline.add_chat(group, "group", title="Club")
    bot.offline.set_member(group, ADMIN, "creator")
    bot.offline.group_message("/subscribe live", chat_id=group, user_id=ADMIN)
    await bot.feed()
    if shown_as == "photo":
        sub = store.find_subscription(bot.db, group)
        assert sub is not None
        store.update_subscription(bot.db, sub.id, pictures="photo")
        pictures["https://gazette.example/bridge"] = "https://img.example/bridge.jpg"
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)  # queued for the group
    before = len(bot.offline.calls)
    bot.offline.migrate_chat(group, supergroup, by=ADMIN if told else None)
    await bot.feed()
    await deliver(bot)
    method = "sendPhoto" if shown_as == "photo" else "sendMessage"
    calls = bot.offline.calls[before:]
    sent = [c for c in calls if c.method == method and c.status == 200]
    assert [c.params["chat_id"] for c in sent] == [supergroup]
    refused = [c for c in calls if c.status == 400]
    assert [c.params["chat_id"] for c in refused] == ([] if told else [group])
    assert posts(bot.offline, group) == []
    [post] = posts(bot.offline, supergroup)
    assert post.plain_text.startswith("Bridge story")
    assert (post.photo is not None) == (shown_as == "photo")
    moved = store.find_subscription(bot.db, supergroup)
    assert moved is not None and moved.active and moved.chat_type == "supergroup"
    assert store.find_subscription(bot.db, group) is None
    [record] = bot.db.query("select subscription_id, message_id from live_posts")
    assert record == {"subscription_id": moved.id, "message_id": post.message_id}

    report(bot.db, "courier", "bridge", changed=3)  # the story grows: its post is edited
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot, after=live.EDIT_INTERVAL * 2)
    assert len(post.history) == 1 and "Sources: Gazette, Courier" in post.plain_text
    assert posts(bot.offline, supergroup) == [post]
    edits = [c for c in bot.offline.calls if c.method.startswith("editMessage")]
    assert [c.params["chat_id"] for c in edits] == [supergroup]


async def test_a_digest_in_flight_when_the_group_became_a_supergroup_goes_there_once(
    bot: Bot,
) -> None:
    """A digest queued for the group when it became a supergroup, the bot not told: refused
    at the group's id, it goes to the supergroup once and the subscription moves there."""
    group, supergroup = -4005, -1004005
    bot.offline.add_chat(group, "group", title="Club")
    bot.offline.set_member(group, ADMIN, "creator")
    bot.offline.group_message("/subscribe 08:00", chat_id=group, user_id=ADMIN)
    await bot.feed()
    sub = store.find_subscription(bot.db, group)
    assert sub is not None
    now = store.utcnow()
    store.enqueue_digest(bot.db, sub, now, ["<b>Digest</b> one", "two"], cutoff=now, now=now)
    bot.offline.migrate_chat(group, supergroup)
    await deliver(bot)
    assert [m.plain_text for m in bot.offline.sent(supergroup)] == ["Digest one", "two"]
    sent = [c for c in bot.offline.calls_to("sendMessage") if c.status == 200]
    assert [c.params["chat_id"] for c in sent][-2:] == [supergroup, supergroup]
    refused = [c for c in bot.offline.calls_to("sendMessage") if c.status == 400]
    assert len(refused) == 1 and refused[0].params["chat_id"] == group
    moved = store.find_subscription(bot.db, supergroup)
    assert moved is not None and moved.id == sub.id and moved.active and moved.time == "08:00"


async def test_the_owner_who_subscribed_a_channel_hears_when_the_bot_loses_it(bot: Bot) -> None:
    """Another administrator takes the bot's right to post, or removes it: the subscription
    stopped and the owner who had subscribed the channel from their chat with the bot heard
    nothing, until they wondered why no digest came. They are told once, in their chat, how it
    resumes; the one who made the change is not told what they just did."""
    add_channel(bot)
    other = 888
    bot.offline.set_member(CHANNEL, other, "administrator")
    await owner_says(bot, "/subscribe_channel @paper 08:00")
    before = len(bot.offline.sent(OWNER))

    bot_status(bot, "administrator", "administrator", can_post=False, by=other)
    bot_status(bot, "left", "administrator", by=other)  # already stopped: no second note
    await bot.feed()
    told = [m.plain_text for m in bot.offline.sent(OWNER)[before:]]
    assert told == [channel_waits_for_rights(EN, "@paper")]
    bot_status(bot, "administrator", "left", by=other)
    await bot.feed()
    bot_status(bot, "kicked", "administrator", by=other)
    await bot.feed()
    assert bot.offline.sent(OWNER)[-1].plain_text == channel_lost(EN, "@paper")
    bot_status(bot, "administrator", "kicked", by=OWNER)
    bot_status(bot, "left", "administrator", by=OWNER)  # the owner themselves: nothing to tell
    await bot.feed()
    assert len(bot.offline.sent(OWNER)) == before + 2


@pytest.mark.parametrize(
    ("status", "can_post", "told"),
    [
        ("left", True, channel_lost),  # 403 "bot is not a member of the channel chat"
        ("kicked", True, channel_lost),  # 403 "bot was kicked from the channel chat"
        # 400 "need administrator rights in the channel chat": it resumes with the right
        ("administrator", False, channel_waits_for_rights),
    ],
)
async def test_the_owner_hears_once_when_a_post_is_refused_and_no_update_came(
    bot: Bot, status: str, can_post: bool, told: Callable[[Translator, str], str]
) -> None:
    """Telegram's membership update may never come (lost, or the bot down when it was sent):
    the first post refused with a 403 stopped the subscription and the owner who had
    subscribed the channel heard nothing. They are told once, as by the membership update;
    the update coming later, or a second refused post, tells them nothing more."""
    add_channel(bot)
    await owner_says(bot, "/subscribe_channel @paper live")
    before = len(bot.offline.sent(OWNER))
    # Another administrator changes the bot's membership; no update says so.
    await post_refused(bot, status, can_post=can_post)
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and not sub.active
    told_now = [m.plain_text for m in bot.offline.sent(OWNER)[before:]]
    assert told_now == [told(EN, "@paper")]
    bot_status(bot, status, "administrator", can_post=can_post)  # after all: already stopped
    await bot.feed()
    await deliver(bot)
    assert len(bot.offline.sent(OWNER)) == before + 1


async def test_a_channel_subscribed_in_the_channel_itself_has_no_one_to_tell(bot: Bot) -> None:
    """A channel subscribed by /subscribe posted in it has no subscriber's chat: its refused
    post stops it and nothing goes to anyone else."""
    add_channel(bot)
    bot.offline.channel_post("/subscribe live", chat_id=CHANNEL)
    await bot.feed()
    sent = len(bot.offline.sent())
    await post_refused(bot, "left")
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and not sub.active
    assert len(bot.offline.sent()) == sent
