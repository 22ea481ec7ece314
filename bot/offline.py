"""Telegram without network: the Bot API emulated in-process behind PTB's request seam.

``OfflineTelegram`` is a ``telegram.request.BaseRequest``: pass it to ``ApplicationBuilder`` as
both ``request`` and ``get_updates_request`` and the bot talks to it instead of Telegram. It
checks every call against the vendored Bot API spec (``bot/data/bot_api_spec.json``) and every
HTML text against Telegram's rules, answers with Telegram-shaped JSON, records every call and
message, feeds updates built by its helpers (``user_message``, ``callback_query``,
``inline_query``, ...) to getUpdates, and fails like Telegram on demand (``fail``) or by flood
limits (``enforce_limits``). Objects of the types the spec subset lists (an inline query's
results, link preview options) are checked field by field, as Telegram parses them.

Forum supergroups have topics (``add_topic``; ``close_topic``, ``delete_topic``): a message
sent in one carries ``message_thread_id``, ``is_topic_message`` and, as its reply, the topic's
"created" service message (its first name); ``rename_topic`` sends ``forum_topic_edited``,
``reopen_topic`` ``forum_topic_reopened``. A send (or a chat action) to a deleted topic is
refused "message thread not found", to a closed one "TOPIC_CLOSED" (unless the bot may manage
topics), as Telegram answers, and so is a send with no topic to a forum whose General topic
was closed (``close_general_topic``; ``reopen_general_topic`` sends ``forum_topic_reopened``
in General); so is a send to any topic of a group
that turned its topics off (``turn_topics_off``: getChat then has no ``is_forum``).
``sendPhoto`` takes a picture by URL (refused like Telegram refuses one it cannot fetch when
the URL is listed with ``refuse_picture``) with an HTML caption of at most 1024 characters.
With ``enforce_limits``, edits are limited too: 20 a minute per chat (429 beyond), of the
text, the caption or the buttons alone alike.

Telegram's other limits are enforced as it answers them: a text or caption whose links'
addresses take more than ``telegram_html.MAX_LINK_BYTES`` (9,500 bytes) is refused
"ENTITIES_TOO_LONG" (Telegram's own bound is undocumented; see there), inline keyboards (a
text and one action per button, callback data 1-64 bytes, http(s) or tg:// URLs, at most 100 buttons and
10 kB), answerCallbackQuery's text (at most 200 characters), setMyCommands (at most 100
commands named with a-z, 0-9 and _), strings that are not valid UTF-8, and a reply to a message
no longer in the chat (``delete_user_message``) unless ``allow_sending_without_reply``, and
files: getFile of one over 20 MB ("file is too big"), an upload over 50 MB (413). With
``query_timeout``, a button press or inline query answered later than that is "too old".
A chat the bot was removed from (``set_member``), or a user who blocked it (``block_bot``),
refuses edits of the bot's earlier messages with the same 403 as new sends; a group whose
default permissions forbid its members to send (``set_permissions``), or that muted the bot
(``set_member`` "restricted", maybe ``until_date``, when the restriction ends by itself),
refuses the bot's sends unless it is an administrator: "not enough rights to send text
messages to the chat"; getChat shows a group's permissions; a channel whose
administrators do not include the bot does not show it its members (getChatMember of anyone
but the bot: "member list is inaccessible").
"""

from __future__ import annotations

import asyncio
import functools
import json
import math
import re
import time
import zlib
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from importlib import resources
from typing import Any, cast
from urllib.parse import unquote, urlsplit

from telegram.error import TimedOut
from telegram.request import BaseRequest, RequestData

from bot import telegram_html

JSON = dict[str, Any]

_SEND_METHODS = frozenset({"sendMessage", "sendDocument", "sendPhoto"})
# The service accounts Telegram puts in ``from`` when a message is signed by a chat: an
# anonymous group admin, a user posting as a channel, a channel post forwarded to its group.
GROUP_ANONYMOUS_BOT: JSON = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}
CHANNEL_BOT: JSON = {
    "id": 136817688,
    "is_bot": True,
    "first_name": "Channel",
    "username": "Channel_Bot",
}
TELEGRAM_SERVICE: JSON = {"id": 777000, "is_bot": False, "first_name": "Telegram"}
_MEMBER_STATUSES = frozenset({"creator", "administrator", "member", "restricted", "left", "kicked"})
# A restricted member is in the chat (``is_member``) unless set with is_member=False.
_PRESENT = frozenset({"creator", "administrator", "member", "restricted"})
# What a restricted member may do (ChatMemberRestricted), each allowed unless set False.
_MEMBER_PERMISSIONS = (
    "can_send_messages",
    "can_send_audios",
    "can_send_documents",
    "can_send_photos",
    "can_send_videos",
    "can_send_video_notes",
    "can_send_voice_notes",
    "can_send_polls",
    "can_send_other_messages",
    "can_add_web_page_previews",
    "can_change_info",
    "can_invite_users",
    "can_pin_messages",
    "can_manage_topics",
    "can_edit_tag",
    "can_react_to_messages",
)
# The permission a send needs from a group's member, and how Telegram names it in a refusal.
_SEND_RIGHTS = {
    "can_send_messages": "text messages",
    "can_send_photos": "photos",
    "can_send_documents": "documents",
}
_ADMIN_RIGHTS = (
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
)
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
# Flood limits: (messages, seconds) overall, per private chat, per group or channel.
_LIMIT_OVERALL = (30, 1.0)
_LIMIT_PRIVATE = (1, 1.0)
_LIMIT_GROUP = (20, 60.0)
# Edits of messages in one chat (any type): about 20 a minute.
_LIMIT_EDITS = (20, 60.0)

# Telegram's limits on an inline query's answer (Bot API, answerInlineQuery).
_MAX_INLINE_RESULTS = 50
_MAX_RESULT_ID_BYTES = 64
_MAX_NEXT_OFFSET_BYTES = 64
_START_PARAMETER_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
_QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
# How Telegram names an object it failed to parse, by the method field that holds it.
_OBJECT_LABELS = {"results": "inline query result", "button": "inline query results button"}

# Fields PTB adds from Defaults to methods whose spec lacks them; Telegram ignores them.
_PTB_DEFAULTS_IGNORED: dict[str, frozenset[str]] = {
    "editMessageReplyMarkup": frozenset({"parse_mode"}),
}


# An inline keyboard (Bot API InlineKeyboardButton; beyond the counts Telegram answers "reply
# markup is too long": at most 100 buttons, about 10 kB of JSON).
_MAX_CALLBACK_BYTES = 64
_MAX_INLINE_BUTTONS = 100
_MAX_MARKUP_BYTES = 10_240
_BUTTON_URL = re.compile(r"(https?|tg)://\S", re.IGNORECASE)
# answerCallbackQuery's text: 0-200 characters (Bot API); longer is refused MESSAGE_TOO_LONG.
_MAX_CALLBACK_ANSWER = 200
# setMyCommands: at most 100 commands, each 1-32 of a-z, 0-9 and _, described in 1-256 chars.
_MAX_COMMANDS = 100
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")

# Files (Bot API getFile, sendDocument): a bot downloads files of up to 20 MB (beyond: 400
# "file is too big") and uploads files of up to 50 MB (beyond: HTTP 413, as the Bot API server
# answers a request whose body is too large).
MAX_DOWNLOAD_BYTES = 20 * 2**20
MAX_UPLOAD_BYTES = 50 * 2**20

# setWebhook's secret_token: 1-256 characters, only A-Z, a-z, 0-9, _ and - (Bot API).
_WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


def load_spec() -> JSON:
    """Return the vendored Bot API spec subset."""
    text = resources.files("bot").joinpath("data", "bot_api_spec.json").read_text("utf-8")
    return cast(JSON, json.loads(text))


@dataclass(frozen=True, slots=True)
class Failure:
    """A Telegram error answer (or a timeout) to return instead of handling a call."""

    status: int
    description: str
    parameters: JSON | None = None
    timeout: bool = False


def bad_request(description: str) -> Failure:
    """Return a 400 answer; description is given without the "Bad Request: " prefix."""
    return Failure(400, f"Bad Request: {description}")


def forbidden_blocked() -> Failure:
    """Return the 403 Telegram gives when the user blocked the bot."""
    return Failure(403, "Forbidden: bot was blocked by the user")


def chat_not_found() -> Failure:
    """Return the 400 Telegram gives for an unknown chat."""
    return bad_request("chat not found")


def too_many_requests(retry_after: int) -> Failure:
    """Return a 429 flood-control answer."""
    return Failure(
        429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
    )


def migrated(new_chat_id: int) -> Failure:
    """Return the 400 Telegram gives for a group upgraded to a supergroup."""
    return Failure(
        400,
        "Bad Request: group chat was upgraded to a supergroup chat",
        {"migrate_to_chat_id": new_chat_id},
    )


def _ascii_id(text: str) -> bool:
    """Return True for a chat id as Telegram reads one: Latin digits, maybe after "-"."""
    digits = text.removeprefix("-")
    return digits.isascii() and digits.isdigit()


def thread_not_found() -> Failure:
    """Return the 400 Telegram gives for a message sent to a deleted (or unknown) topic."""
    return bad_request("message thread not found")


def topic_closed() -> Failure:
    """Return the 400 Telegram gives for a message sent to a closed topic."""
    return bad_request("TOPIC_CLOSED")


def picture_refused(description: str = "wrong type of the web page content") -> Failure:
    """Return a 400 Telegram gives when it cannot fetch or read a photo's picture by URL."""
    return bad_request(description)


def server_error(status: int = 502) -> Failure:
    """Return a 5xx answer, described by the status's standard phrase ("Bad Gateway")."""
    return Failure(status, HTTPStatus(status).phrase)


def timeout() -> Failure:
    """Return a failure that raises telegram.error.TimedOut from the request."""
    return Failure(0, "Timed out", timeout=True)


class _ApiError(Exception):
    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.description)
        self.failure = failure


@dataclass(frozen=True, slots=True)
class UploadedFile:
    """A file known to the offline server: sent by a user or uploaded by the bot."""

    file_id: str
    file_name: str
    data: bytes
    mime_type: str | None = None
    file_path: str = ""


@dataclass(slots=True)
class ApiCall:
    """One Bot API call as the offline server received it, with its answer's status."""

    method: str
    params: JSON
    timestamp: float
    chat_id: int | str | None = None
    files: dict[str, UploadedFile] = field(default_factory=dict)
    status: int = 200
    description: str | None = None


@dataclass(slots=True)
class SentMessage:
    """A message the bot sent (text or document); edits update it in place."""

    chat_id: int
    message_id: int
    date: int
    text: str | None = None
    plain_text: str = ""
    entities: tuple[telegram_html.Entity, ...] = ()
    parse_mode: str | None = None
    reply_markup: JSON | None = None
    disable_notification: bool = False
    link_preview_options: JSON | None = None
    document: UploadedFile | None = None
    photo: str | None = None  # the picture's URL or file id
    caption: str | None = None
    message_thread_id: int | None = None  # the forum topic it was sent to
    history: list[str] = field(default_factory=list)
    edit_date: int | None = None
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class InlineAnswer:
    """The bot's answer to one inline query, as the offline server accepted it."""

    query_id: str
    query: str
    offset: str
    user_id: int
    results: list[JSON]
    next_offset: str = ""
    cache_time: int = 300
    is_personal: bool = False
    button: JSON | None = None

    @property
    def result_ids(self) -> list[str]:
        """Return the ids of the results, in order."""
        return [str(r["id"]) for r in self.results]

    @property
    def texts(self) -> list[str]:
        """Return the message text each result sends (as given, in HTML), in order."""
        return [str(r["input_message_content"]["message_text"]) for r in self.results]

    def result(self, result_id: str) -> JSON:
        """Return the result with an id; LookupError when the answer has none."""
        for result in self.results:
            if result["id"] == result_id:
                return result
        raise LookupError(f"no result {result_id!r} in the answer to inline query {self.query_id}")


@dataclass(slots=True)
class _Topic:
    name: str
    created_as: str = ""  # the name it was created with (its "created" message keeps it)
    closed: bool = False
    deleted: bool = False


@dataclass(slots=True)
class _Chat:
    id: int
    type: str
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    members: dict[int, JSON] = field(default_factory=dict)
    migrated_to: int | None = None
    is_forum: bool = False
    topics: dict[int, _Topic] = field(default_factory=dict)
    general_closed: bool = False  # a forum's General topic, closed by its administrators
    linked_chat_id: int | None = None  # a channel's discussion group, or the group's channel
    # A group's default member permissions (``set_permissions``): each allowed unless False.
    permissions: dict[str, bool] = field(default_factory=dict)

    def to_json(self) -> JSON:
        data: JSON = {"id": self.id, "type": self.type}
        for key in ("title", "username", "first_name"):
            if (value := getattr(self, key)) is not None:
                data[key] = value
        if self.is_forum:
            data["is_forum"] = True
        return data


@dataclass(slots=True)
class _Rule:
    method: str
    chat_id: int | str | None
    times: int | None
    failure: Failure


def _type_ok(value: object, types: list[str], uploaded: bool) -> bool:
    """Return True when value has one of the spec's types (scalars checked, objects by shape)."""
    for name in types:
        if name == "InputFile" and (uploaded or isinstance(value, str)):
            return True
        if name == "Integer" and isinstance(value, int) and not isinstance(value, bool):
            return True
        if name in {"Float", "Float number"} and isinstance(value, int | float):
            return True
        if name == "String" and isinstance(value, str):
            return True
        if name == "Boolean" and isinstance(value, bool):
            return True
        if name.startswith("Array of ") and isinstance(value, list):
            return True
        if name[:1].isupper() and " " not in name and isinstance(value, dict):
            return True
    return False


class OfflineTelegram(BaseRequest):
    """The Bot API in-process: a recording, validating stand-in for Telegram's servers."""

    def __init__(
        self,
        *,
        token: str = "123:ABC",
        bot_username: str = "offline_news_bot",
        bot_name: str = "News Digest",
        strict: bool = True,
        enforce_limits: bool = False,
        clock: Callable[[], float] = time.time,
        max_long_poll: float | None = None,
        query_timeout: float | None = None,
        inline_mode: bool = True,
    ) -> None:
        self.token = token
        # Caps a getUpdates long poll, so that a test can see one time out without waiting.
        self.max_long_poll = max_long_poll
        # Telegram refuses an answer to a button press or an inline query some seconds after
        # it was made ("query is too old"; how many it does not document): with this, an
        # answer later than that on the server's clock is refused (None: never).
        self.query_timeout = query_timeout
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_user: JSON = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": bot_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            # On when inline mode is enabled with @BotFather (/setinline).
            "supports_inline_queries": inline_mode,
        }
        self.strict = strict
        self.enforce_limits = enforce_limits
        self.clock = clock
        self.spec = load_spec()
        # Lookups made on every call, built once from the spec.
        self._method_names = frozenset(self.spec["method_names"])
        self._fields: dict[str, dict[str, JSON]] = {
            name: {f["name"]: f for f in method.get("fields", [])}
            for name, method in self.spec["methods"].items()
        }
        self._required: dict[str, tuple[str, ...]] = {
            name: tuple(f for f, spec_field in fields.items() if spec_field["required"])
            for name, fields in self._fields.items()
        }
        self._types: dict[str, JSON] = self.spec.get("types", {})
        self._type_fields: dict[str, dict[str, JSON]] = {
            name: {f["name"]: f for f in spec_type.get("fields", [])}
            for name, spec_type in self._types.items()
        }
        # The value of the "type" field that names a subtype of a union ("must be article").
        self._tags: dict[str, str] = {}
        for name, fields in self._type_fields.items():
            tag = re.search(r"must be (\w+)", fields.get("type", {}).get("description", ""))
            if tag is not None:
                self._tags[name] = tag[1]
        self.calls: list[ApiCall] = []
        self.unknown_fields: list[tuple[str, str]] = []
        self.callback_answers: dict[str, JSON] = {}
        self.inline_answers: dict[str, InlineAnswer] = {}
        # Messages users sent by choosing an inline result (``choose_inline_result``).
        self.via_bot: list[SentMessage] = []
        self.commands: dict[str, list[JSON]] = {}
        self.webhook_url = ""
        # setWebhook's secret_token and allowed_updates, as the last call gave them.
        self.webhook_secret: str | None = None
        self.webhook_allowed_updates: list[str] | None = None
        self.users: dict[int, JSON] = {self.bot_id: self.bot_user}
        self.chats: dict[int, _Chat] = {}
        self.files: dict[str, UploadedFile] = {}
        # Picture URLs that sendPhoto cannot fetch, with Telegram's answer (refuse_picture).
        self.refused_pictures: dict[str, str] = {}
        self._messages: dict[tuple[int, int], SentMessage] = {}
        self._incoming: set[tuple[int, int]] = set()
        # Users' messages deleted since (delete_user_message): a reply to one is refused.
        self._gone: set[tuple[int, int]] = set()
        self._last_message_id: dict[int, int] = {}
        self._pending: list[JSON] = []
        self._update_id = 0
        self._query_id = 0
        self._open_queries: set[str] = set()
        self._asked_at: dict[str, float] = {}  # when each open query was made
        self._open_inline: dict[str, JSON] = {}
        self._rules: list[_Rule] = []
        self._sends: dict[int | None, deque[float]] = {}
        self._edits: dict[int, deque[float]] = {}
        self._arrived: asyncio.Event | None = None
        self._arrived_loop: asyncio.AbstractEventLoop | None = None

    # -- BaseRequest ---------------------------------------------------------------------------

    @property
    def read_timeout(self) -> float | None:
        """Return the default read timeout (unused: nothing here waits on a socket)."""
        return 5.0

    async def initialize(self) -> None:
        """Do nothing: there is no connection pool to open."""

    async def shutdown(self) -> None:
        """Wake up a waiting long poll so that shutdown is quick."""
        if self._arrived is not None and self._arrived_loop is asyncio.get_running_loop():
            self._arrived.set()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Answer one HTTP request to the Bot API or its file server."""
        segments = [unquote(s) for s in urlsplit(url).path.split("/") if s]
        bot_at = next((i for i, s in enumerate(segments) if s.startswith("bot")), None)
        if bot_at is None or bot_at + 1 >= len(segments):
            return 404, _error_body(404, "Not Found")
        if segments[bot_at][3:] != self.token:
            return 401, _error_body(401, "Unauthorized")
        if bot_at > 0 and segments[bot_at - 1] == "file":
            return self._download("/".join(segments[bot_at + 1 :]))
        return await self._call(segments[bot_at + 1], request_data)

    # -- dispatch --------------------------------------------------------------------------

    async def _call(self, method: str, request_data: RequestData | None) -> tuple[int, bytes]:
        params: JSON = {}
        files: dict[str, UploadedFile] = {}
        if request_data is not None:
            # What Telegram receives is JSON: round-trip the values as the wire would.
            params = json.loads(json.dumps(request_data.parameters))
            for name, (file_name, content, mime) in request_data.multipart_data.items():
                data = content if isinstance(content, bytes) else content.read()
                files[name] = self._store_file(file_name or name, data, mime)
        call = ApiCall(method, params, self.clock(), params.get("chat_id"), files)
        self.calls.append(call)
        try:
            if any(len(f.data) > MAX_UPLOAD_BYTES for f in files.values()):
                raise _ApiError(Failure(413, "Request Entity Too Large"))
            _check_utf8(params)
            result = await self._answer(method, params, files)
        except _ApiError as exc:
            failure = exc.failure
            call.status, call.description = failure.status or 408, failure.description
            if failure.timeout:
                raise TimedOut() from None
            body = _error_body(failure.status, failure.description, failure.parameters)
            return failure.status, body
        return 200, json.dumps({"ok": True, "result": result}).encode()

    async def _answer(self, method: str, params: JSON, files: dict[str, UploadedFile]) -> Any:
        if method not in self._method_names:
            raise _ApiError(Failure(404, "Not Found"))
        if method not in self._fields:
            raise _ApiError(bad_request(f"method {method} is not emulated offline"))
        self._check_fields(method, params, files)
        self._inject(method, params)
        if method == "getUpdates":
            return await self._get_updates(params)
        handler: Callable[[JSON, dict[str, UploadedFile]], Any] = getattr(self, f"_api_{method}")
        return handler(params, files)

    def _check_fields(self, method: str, params: JSON, files: dict[str, UploadedFile]) -> None:
        spec_fields = self._fields[method]
        if method in _PTB_DEFAULTS_IGNORED:
            # PTB fills Defaults.parse_mode into every method it sends through _send_message,
            # editMessageReplyMarkup included; Telegram ignores the field there, and so do we.
            params = {k: v for k, v in params.items() if k not in _PTB_DEFAULTS_IGNORED[method]}
        attached = {v[len("attach://") :] for v in params.values() if _is_attach(v)}
        for name in [*params, *(f for f in files if f not in params and f not in attached)]:
            if name in spec_fields:
                value = params.get(name)
                if not _type_ok(value, spec_fields[name]["types"], name in files):
                    types = " or ".join(spec_fields[name]["types"])
                    raise _ApiError(bad_request(f'field "{name}" must be of type {types}'))
                label = _OBJECT_LABELS.get(name, name.replace("_", " "))
                self._check_objects(value, spec_fields[name]["types"], label)
            elif self.strict:
                raise _ApiError(bad_request(f'unknown field "{name}" for method {method}'))
            else:
                self.unknown_fields.append((method, name))
        for name in self._required[method]:
            if name not in params and name not in files:
                if method == "sendMessage" and name == "text":
                    raise _ApiError(bad_request("message text is empty"))
                raise _ApiError(bad_request(f'parameter "{name}" is required'))

    def _check_objects(self, value: object, types: list[str], label: str) -> None:
        """Check an object (or each of an array's) whose type the spec subset lists."""
        for name in types:
            element = name.removeprefix("Array of ")
            if element not in self._types:
                continue
            if element != name and isinstance(value, list):
                for item in value:
                    self._check_object(item, element, label)
                return
            if element == name and isinstance(value, dict):
                self._check_object(value, element, label)
                return

    def _check_object(self, value: object, type_name: str, label: str) -> None:
        """Refuse an object as Telegram does: required fields, field types, nested objects.

        Telegram ignores fields it does not know; strict mode refuses them (they are
        mistakes), lenient mode records them in ``unknown_fields`` under the type's name.
        """

        def refuse(detail: str) -> _ApiError:
            return _ApiError(bad_request(f"Can't parse {label}: {detail}"))

        if not isinstance(value, dict):
            raise refuse(f"{type_name} must be an Object")
        if "subtypes" in self._types[type_name]:
            type_name = self._subtype(type_name, value, refuse)
        fields = self._type_fields[type_name]
        for name in self._required_of(type_name):
            if name not in value:
                raise refuse(f'Can\'t find field "{name}"')
        for name, field_value in value.items():
            spec_field = fields.get(name)
            if spec_field is None:
                if self.strict:
                    raise refuse(f'unknown field "{name}" in {type_name}')
                self.unknown_fields.append((type_name, name))
                continue
            if not _type_ok(field_value, spec_field["types"], False):
                raise refuse(f'Field "{name}" must be of type {" or ".join(spec_field["types"])}')
            self._check_objects(field_value, spec_field["types"], label)

    def _required_of(self, type_name: str) -> list[str]:
        return [name for name, spec in self._type_fields[type_name].items() if spec["required"]]

    def _subtype(self, union: str, value: JSON, refuse: Callable[[str], _ApiError]) -> str:
        """Return the subtype of a union that an object is (one the spec subset lists)."""
        known = [str(name) for name in self._types[union]["subtypes"] if name in self._types]
        tagged = [name for name in known if name in self._tags]
        if tagged:
            kind = value.get("type")
            if not isinstance(kind, str):
                raise refuse('Can\'t find field "type"')
            for name in tagged:
                if self._tags[name] == kind.lower():
                    return name
            raise _ApiError(bad_request(f'{union} of type "{kind}" is not emulated offline'))
        for name in known:
            if all(f in value for f in self._required_of(name)):
                return name
        # An object with fields of one listed subtype only is that subtype, missing a field.
        if len(known) == 1 and set(value) <= set(self._type_fields[known[0]]):
            return known[0]
        raise _ApiError(bad_request(f"{union} with fields {sorted(value)} is not emulated offline"))

    def _inject(self, method: str, params: JSON) -> None:
        target = params.get("chat_id")
        if isinstance(target, str) and target.lstrip("-").isdigit():
            target = int(target)
        for rule in self._rules:
            if rule.method == method and (rule.chat_id is None or rule.chat_id == target):
                if rule.times is not None:
                    rule.times -= 1
                    if rule.times <= 0:
                        self._rules.remove(rule)
                raise _ApiError(rule.failure)

    # -- failures and limits ---------------------------------------------------------------

    def fail(
        self,
        method: str,
        *,
        error: Failure,
        chat_id: int | str | None = None,
        times: int | None = 1,
    ) -> None:
        """Answer the next `times` calls of method (to chat_id, if given) with error; None: all."""
        self._rules.append(_Rule(method, chat_id, times, error))

    def clear_failures(self, method: str | None = None) -> None:
        """Stop answering calls of method (default: every method) with injected failures."""
        self._rules = [r for r in self._rules if method is not None and r.method != method]

    def _check_flood(self, chat: _Chat) -> None:
        """Refuse with 429 a message over a flood limit; count it in the windows otherwise.

        Telegram states its limits in messages sent, so only messages count: this runs after
        every check that can refuse a send (403, 400) and right before the message is made,
        and neither those refusals, nor a 429 itself, nor an injected failure (``fail``,
        answered before any handler) enters a window. The sender's Pacer counts the same, and
        also requests that got no answer (see ``bot.sender.sent_nothing``).
        """
        if not self.enforce_limits:
            return
        now = self.clock()
        per_chat = _LIMIT_PRIVATE if chat.type == "private" else _LIMIT_GROUP
        for key, (limit, window) in ((chat.id, per_chat), (None, _LIMIT_OVERALL)):
            sent = self._sends.setdefault(key, deque())
            while sent and sent[0] <= now - window:
                sent.popleft()
            if len(sent) >= limit:
                raise _ApiError(too_many_requests(max(1, math.ceil(sent[0] + window - now))))
        self._sends[chat.id].append(now)
        self._sends[None].append(now)

    # -- chats, users and members ----------------------------------------------------------

    def add_user(
        self,
        user_id: int,
        *,
        first_name: str = "User",
        username: str | None = None,
        language_code: str | None = None,
    ) -> JSON:
        """Register a user (or update its names) and return its User JSON.

        ``language_code`` is the IETF tag of the user's app language, as Telegram sends it;
        a user registered again without one keeps the one they had.
        """
        user: JSON = {"id": user_id, "is_bot": False, "first_name": first_name}
        if username is not None:
            user["username"] = username
        known = self.users.get(user_id, {}).get("language_code")
        if language_code is not None or known is not None:
            user["language_code"] = language_code or known
        self.users[user_id] = user
        return user

    def add_chat(
        self,
        chat_id: int,
        chat_type: str = "private",
        *,
        title: str | None = None,
        username: str | None = None,
        first_name: str | None = None,
        bot_status: str | None = None,
        can_post_messages: bool = True,
    ) -> JSON:
        """Register a chat; the bot is a member (an admin who may post, in a channel)."""
        if chat_type not in {"private", "group", "supergroup", "channel"}:
            raise ValueError(f"unknown chat type {chat_type!r}")
        chat = self.chats.get(chat_id)
        if chat is None:
            chat = self.chats[chat_id] = _Chat(chat_id, chat_type)
        chat.type = chat_type
        if chat_type == "private":
            user = self.users.get(chat_id) or self.add_user(
                chat_id, first_name=first_name or "User"
            )
            chat.first_name = first_name or user["first_name"]
            chat.username = username or user.get("username")
            chat.members.setdefault(chat_id, {"status": "member", "rights": {}})
        else:
            chat.title = title or chat.title or f"Chat {chat_id}"
            chat.username = username or chat.username
        default = "administrator" if chat_type == "channel" else "member"
        if bot_status is not None or self.bot_id not in chat.members:
            rights = {"can_post_messages": can_post_messages} if chat_type == "channel" else {}
            self.set_member(chat_id, self.bot_id, bot_status or default, **rights)
        return chat.to_json()

    def set_member(
        self, chat_id: int, user_id: int, status: str, *, until_date: int = 0, **rights: bool
    ) -> None:
        """Set a user's (or the bot's) status in a chat: creator, administrator, member, ...

        ``until_date`` (a Unix time on ``clock``) of a "restricted" or "kicked" member ends
        the restriction by itself, as Telegram does: from then on the member is a plain
        member (or has left), and no update says so. 0: for ever.
        """
        if status not in _MEMBER_STATUSES:
            raise ValueError(f"unknown member status {status!r}")
        if user_id not in self.users:
            self.add_user(user_id)
        member: JSON = {"status": status, "rights": rights}
        if until_date:
            member["until_date"] = until_date
        self.chats[chat_id].members[user_id] = member

    def set_permissions(self, chat_id: int, **permissions: bool) -> None:
        """Set a group's default member permissions, as its administrators do (Telegram's
        "Permissions" page, setChatPermissions): "Send messages" off (``can_send_messages=
        False``) for the night, say. getChat shows them; a member's send (the bot's, unless an
        administrator) that they forbid is refused as Telegram refuses it. Telegram sends the
        bot no update about it."""
        chat = self.chats[chat_id]
        if chat.type not in {"group", "supergroup"}:
            raise ValueError(f"chat {chat_id} is a {chat.type}: only groups have permissions")
        unknown = set(permissions) - set(_MEMBER_PERMISSIONS)
        if unknown:
            raise ValueError(f"unknown permissions {sorted(unknown)}")
        chat.permissions.update(permissions)

    def _member(self, chat: _Chat, user_id: int) -> JSON:
        """Return a member's record, with a restriction whose until_date passed lifted."""
        member: JSON = chat.members.get(user_id, {"status": "left", "rights": {}})
        until = member.get("until_date", 0)
        if member["status"] in {"restricted", "kicked"} and 0 < until <= self.clock():
            lifted = "member" if member["status"] == "restricted" else "left"
            if member["status"] == "restricted" and member["rights"].get("is_member") is False:
                lifted = "left"
            member = chat.members[user_id] = {"status": lifted, "rights": {}}
        return member

    def block_bot(self, user_id: int) -> None:
        """Make a user block the bot: sends to their private chat then answer 403."""
        self.add_chat(user_id, "private", bot_status="kicked")

    def add_topic(self, chat_id: int, name: str = "Topic") -> int:
        """Open a forum topic in a supergroup (made a forum) and return its message_thread_id.

        As in Telegram, the thread id is the id of the topic's "created" service message; the
        General topic is thread 1, whose messages carry no thread id, and a send with
        ``message_thread_id=1`` is refused "message thread not found".
        """
        chat = self.chats[chat_id]
        if chat.type != "supergroup":
            raise ValueError(f"chat {chat_id} is a {chat.type}: only supergroups have topics")
        chat.is_forum = True
        self._last_message_id[chat_id] = max(self._last_message_id.get(chat_id, 0), 1)
        thread_id = self._new_message_id(chat_id)
        self._incoming.add((chat_id, thread_id))
        chat.topics[thread_id] = _Topic(name, created_as=name)
        return thread_id

    def rename_topic(self, chat_id: int, thread_id: int, name: str, *, by: int = 1001) -> None:
        """Rename a topic: as Telegram does, the bot gets a ``forum_topic_edited`` service
        message in it from the user who renamed it; the topic's "created" message (which
        every message in the topic answers) keeps the first name."""
        self._topic(chat_id, thread_id).name = name
        if by not in self.users:
            self.add_user(by)
        edited = {"forum_topic_edited": {"name": name}}
        content = {"message_thread_id": thread_id, "is_topic_message": True, **edited}
        message = self._incoming_message(self.chats[chat_id], by, **content)
        self.enqueue({"message": message})

    def _topic(self, chat_id: int, thread_id: int) -> _Topic:
        topic = self.chats[chat_id].topics.get(thread_id)
        if topic is None:
            raise LookupError(f"chat {chat_id} has no topic {thread_id}: add it with add_topic")
        return topic

    def close_topic(self, chat_id: int, thread_id: int) -> None:
        """Close a topic: sends to it are refused with TOPIC_CLOSED."""
        self._topic(chat_id, thread_id).closed = True

    def close_general_topic(self, chat_id: int) -> None:
        """Close a forum's General topic (closeGeneralForumTopic): as Telegram does, a send
        with no topic (or a chat action) is refused TOPIC_CLOSED unless the bot may manage
        topics; the other topics take sends as before."""
        chat = self.chats[chat_id]
        if not chat.is_forum:
            raise ValueError(f"chat {chat_id} is not a forum")
        chat.general_closed = True

    def reopen_general_topic(self, chat_id: int, *, by: int = 1001) -> None:
        """Reopen a forum's General topic (reopenGeneralForumTopic): sends with no topic go
        through again, and the bot gets a ``forum_topic_reopened`` service message in General
        (no ``message_thread_id``) from the user who reopened it, as for any other topic."""
        chat = self.chats[chat_id]
        chat.general_closed = False
        if by not in self.users:
            self.add_user(by)
        reopened: JSON = {"forum_topic_reopened": {}}
        self.enqueue({"message": self._incoming_message(chat, by, **reopened)})

    def reopen_topic(self, chat_id: int, thread_id: int, *, by: int = 1001) -> None:
        """Reopen a closed topic: as Telegram does, the bot gets a ``forum_topic_reopened``
        service message in it from the user who reopened it."""
        self._topic(chat_id, thread_id).closed = False
        if by not in self.users:
            self.add_user(by)
        reopened: JSON = {"forum_topic_reopened": {}}
        content = {"message_thread_id": thread_id, "is_topic_message": True, **reopened}
        self.enqueue({"message": self._incoming_message(self.chats[chat_id], by, **content)})

    def delete_topic(self, chat_id: int, thread_id: int) -> None:
        """Delete a topic: sends to it are refused with "message thread not found"."""
        self._topic(chat_id, thread_id).deleted = True

    def turn_topics_off(self, chat_id: int) -> None:
        """Turn a forum's topics off (an admin unticked "Topics"): getChat no longer says
        ``is_forum``, messages carry no topic, and a send to any of its topics is refused
        "message thread not found", as to a deleted one. The topics are kept, as Telegram
        keeps them: ``turn_topics_on`` brings them back."""
        chat = self.chats[chat_id]
        if not chat.is_forum:
            raise ValueError(f"chat {chat_id} is not a forum")
        chat.is_forum = False

    def turn_topics_on(self, chat_id: int) -> None:
        """Turn a supergroup's topics (back) on: its earlier topics are there again."""
        chat = self.chats[chat_id]
        if chat.type != "supergroup":
            raise ValueError(f"chat {chat_id} is a {chat.type}: only supergroups have topics")
        chat.is_forum = True

    def refuse_picture(
        self, url: str, description: str = "wrong type of the web page content"
    ) -> None:
        """Make sendPhoto with this picture URL fail as Telegram does when it cannot fetch it."""
        self.refused_pictures[url] = description

    def migrate_chat(self, chat_id: int, new_chat_id: int, *, by: int | None = None) -> None:
        """Upgrade a group to a supergroup: the old id then answers with migrate_to_chat_id.

        ``by``: the user who upgraded it. Then, as Telegram does, a bot in the group gets two
        service messages from them: ``migrate_to_chat_id`` in the group, then
        ``migrate_from_chat_id`` in the supergroup.
        """
        old = self.chats[chat_id]
        old.migrated_to = new_chat_id
        self.add_chat(new_chat_id, "supergroup", title=old.title, username=old.username)
        self.chats[new_chat_id].members.update(old.members)
        if by is None or old.members.get(self.bot_id, {}).get("status") not in _PRESENT:
            return
        if by not in self.users:
            self.add_user(by)
        self.enqueue({"message": self._incoming_message(old, by, migrate_to_chat_id=new_chat_id)})
        new = self.chats[new_chat_id]
        self.enqueue({"message": self._incoming_message(new, by, migrate_from_chat_id=chat_id)})

    def _member_json(self, chat: _Chat, user_id: int) -> JSON:
        member = self._member(chat, user_id)
        status = member["status"]
        data: JSON = {"status": status, "user": self.users[user_id]}
        if status == "creator":
            data["is_anonymous"] = False
        elif status == "administrator":
            data.update({"can_be_edited": False, "is_anonymous": False})
            data.update(dict.fromkeys(_ADMIN_RIGHTS, False), can_manage_chat=True)
            data.update(member["rights"])
        elif status == "restricted":
            data.update(dict.fromkeys(_MEMBER_PERMISSIONS, True), is_member=True)
            data.update(member["rights"], until_date=member.get("until_date", 0))
        elif status == "kicked":
            data["until_date"] = member.get("until_date", 0)
        return data

    def _resolve(self, chat_id: object) -> _Chat:
        chat: _Chat | None = None
        if isinstance(chat_id, int) and not isinstance(chat_id, bool):
            chat = self.chats.get(chat_id)
        elif isinstance(chat_id, str) and _ascii_id(chat_id):
            # Telegram reads a chat id in Latin digits only ("-100۲" names no chat)
            chat = self.chats.get(int(chat_id))
        elif isinstance(chat_id, str) and chat_id.startswith("@"):
            name = chat_id[1:].lower()
            chat = next(
                (c for c in self.chats.values() if (c.username or "").lower() == name), None
            )
        if chat is None:
            raise _ApiError(chat_not_found())
        return chat

    def _check_member(self, chat: _Chat) -> None:
        """Refuse any call to a chat the bot is no longer in (or a user who blocked it): 403."""
        member = self._member(chat, self.bot_id)
        status, rights = member["status"], member["rights"]
        kind = "supergroup" if chat.type == "supergroup" else chat.type
        if chat.type == "private":
            if status == "kicked":
                raise _ApiError(forbidden_blocked())
        elif status == "kicked":
            raise _ApiError(Failure(403, f"Forbidden: bot was kicked from the {kind} chat"))
        elif status == "left" or (status == "restricted" and rights.get("is_member") is False):
            raise _ApiError(Failure(403, f"Forbidden: bot is not a member of the {kind} chat"))

    def _check_can_send(self, chat: _Chat, right: str = "can_send_messages") -> None:
        """Refuse a send the bot may not make there, as Telegram does: in a group, a member's
        right is both its own (restricted) and the group's default (``set_permissions``), and
        every send needs ``can_send_messages`` as well as its own kind's right."""
        if chat.migrated_to is not None:
            raise _ApiError(migrated(chat.migrated_to))
        self._check_member(chat)
        member = self._member(chat, self.bot_id)
        status, rights = member["status"], member["rights"]
        if status in {"member", "restricted"} and chat.type != "channel":
            for need in dict.fromkeys(("can_send_messages", right)):
                own = status != "restricted" or rights.get(need) is not False
                if not own or chat.permissions.get(need) is False:
                    what = _SEND_RIGHTS[need]
                    raise _ApiError(bad_request(f"not enough rights to send {what} to the chat"))
        elif chat.type == "channel" and not (
            status == "creator" or (status == "administrator" and rights.get("can_post_messages"))
        ):
            raise _ApiError(bad_request("need administrator rights in the channel chat"))

    def _check_reply(self, chat: _Chat, params: JSON) -> None:
        """Refuse a reply to a message that is not (or no longer) in the chat, as Telegram
        does unless the reply parameters allow sending without it."""
        reply = params.get("reply_parameters")
        if not isinstance(reply, dict) or reply.get("allow_sending_without_reply"):
            return
        if reply.get("chat_id") not in (None, chat.id):
            return  # a reply in another chat: not emulated
        message_id = reply.get("message_id")
        last = self._last_message_id.get(chat.id, 0)
        if not isinstance(message_id, int) or not 0 < message_id <= last:
            raise _ApiError(bad_request("message to be replied not found"))
        sent = self._messages.get((chat.id, message_id))
        if (chat.id, message_id) in self._gone or (sent is not None and sent.deleted):
            raise _ApiError(bad_request("message to be replied not found"))

    def delete_user_message(self, chat_id: int, message_id: int) -> None:
        """Delete a message a user sent (they, an admin or another bot did): a reply to it is
        then refused "message to be replied not found" unless sent without it allowed."""
        if (chat_id, message_id) not in self._incoming:
            raise LookupError(f"no message {message_id} from a user in chat {chat_id}")
        self._gone.add((chat_id, message_id))

    def _check_thread(self, chat: _Chat, params: JSON) -> int | None:
        """Return the topic a send goes to (None: the chat itself), or refuse as Telegram does."""
        thread = params.get("message_thread_id")
        if thread is None:
            # A send with no topic goes to a forum's General topic, which may be closed too.
            if chat.is_forum and chat.general_closed and not self._manages_topics(chat):
                raise _ApiError(topic_closed())
            return None
        topic = chat.topics.get(thread) if chat.is_forum else None
        if topic is None or topic.deleted:
            raise _ApiError(thread_not_found())
        if topic.closed and not self._manages_topics(chat):
            raise _ApiError(topic_closed())
        return int(thread)

    def _manages_topics(self, chat: _Chat) -> bool:
        """Return True when the bot may post in a closed topic (it may manage topics)."""
        bot = chat.members.get(self.bot_id, {})
        return bot.get("status") == "creator" or (
            bot.get("status") == "administrator" and bot.get("rights", {}).get("can_manage_topics")
        )

    def _check_edit_flood(self, chat_id: int) -> None:
        """Refuse with 429 an edit over the per-chat edit limit (with ``enforce_limits``)."""
        if not self.enforce_limits:
            return
        now = self.clock()
        limit, window = _LIMIT_EDITS
        edits = self._edits.setdefault(chat_id, deque())
        while edits and edits[0] <= now - window:
            edits.popleft()
        if len(edits) >= limit:
            raise _ApiError(too_many_requests(max(1, math.ceil(edits[0] + window - now))))
        edits.append(now)

    # -- updates ---------------------------------------------------------------------------

    def _event(self) -> asyncio.Event:
        loop = asyncio.get_running_loop()
        if self._arrived is None or self._arrived_loop is not loop:
            self._arrived, self._arrived_loop = asyncio.Event(), loop
        return self._arrived

    def enqueue(self, body: JSON) -> JSON:
        """Queue a raw update (without update_id) for getUpdates and return it with its id."""
        self._update_id += 1
        update = {"update_id": self._update_id, **body}
        self._pending.append(update)
        if self._arrived is not None:
            self._arrived.set()
        return update

    def next_update_dict(self) -> JSON:
        """Take the oldest pending update (as getUpdates would, and confirm it)."""
        if not self._pending:
            raise LookupError("no pending update")
        return self._pending.pop(0)

    @property
    def pending_updates(self) -> int:
        """Return how many updates wait for getUpdates."""
        return len(self._pending)

    async def _get_updates(self, params: JSON) -> list[JSON]:
        if self.webhook_url:
            raise _ApiError(
                Failure(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                )
            )
        offset = params.get("offset")
        if isinstance(offset, int) and offset > 0:
            self._pending = [u for u in self._pending if u["update_id"] >= offset]
        elif isinstance(offset, int) and offset < 0:
            self._pending = self._pending[offset:]
        wait = params.get("timeout", 0)
        if not self._pending and isinstance(wait, int | float) and wait > 0:
            event = self._event()
            event.clear()
            if self.max_long_poll is not None:
                wait = min(wait, self.max_long_poll)
            try:
                await asyncio.wait_for(event.wait(), wait)
            except TimeoutError:
                return []
        allowed = params.get("allowed_updates") or None
        limit = min(max(int(params.get("limit", 100)), 1), 100)
        chosen = [u for u in self._pending if allowed is None or set(u) & set(allowed)]
        return chosen[:limit]

    def _new_message_id(self, chat_id: int) -> int:
        self._last_message_id[chat_id] = self._last_message_id.get(chat_id, 0) + 1
        return self._last_message_id[chat_id]

    def _incoming_message(self, chat: _Chat, user_id: int | None, **content: Any) -> JSON:
        message_id = self._new_message_id(chat.id)
        self._incoming.add((chat.id, message_id))
        message: JSON = {
            "message_id": message_id,
            "date": int(self.clock()),
            "chat": chat.to_json(),
        }
        if user_id is None:
            message["sender_chat"] = chat.to_json()
        else:
            message["from"] = self.users[user_id]
        message.update(content)
        return message

    def user_message(
        self,
        text: str,
        *,
        chat_id: int | None = None,
        user_id: int = 1001,
        chat_type: str = "private",
        username: str | None = "alice",
        first_name: str = "Alice",
        title: str | None = None,
        thread_id: int | None = None,
        language_code: str | None = None,
    ) -> JSON:
        """Queue a text message from a user (in a forum topic, if given); commands get their
        bot_command entity."""
        self.add_user(
            user_id, first_name=first_name, username=username, language_code=language_code
        )
        target = user_id if chat_id is None else chat_id
        if target not in self.chats or self.chats[target].type != chat_type:
            self.add_chat(target, chat_type, title=title, first_name=first_name, username=None)
        if chat_type != "private" and self.chats[target].members.get(user_id) is None:
            self.set_member(target, user_id, "member")
        content = self._text_content(target, text, thread_id)
        return self.enqueue(
            {"message": self._incoming_message(self.chats[target], user_id, **content)}
        )

    def _text_content(self, chat_id: int, text: str, thread_id: int | None) -> JSON:
        """The fields of a typed message: its text, its commands' entities, its topic."""
        content: JSON = {"text": text}
        if entities := _command_entities(text):
            content["entities"] = entities
        if thread_id is not None:
            if not self.chats[chat_id].is_forum:
                raise LookupError(f"chat {chat_id} has no topics (turned off, or never on)")
            topic = self._topic(chat_id, thread_id)
            # As in Telegram, a message in a topic (not a reply) answers the topic's "created"
            # service message, which names it as it was created.
            created = {
                "message_id": thread_id,
                "date": int(self.clock()),
                "chat": self.chats[chat_id].to_json(),
                "message_thread_id": thread_id,
                "is_topic_message": True,
                "forum_topic_created": {"name": topic.created_as, "icon_color": 7322096},
            }
            content.update(
                message_thread_id=thread_id, is_topic_message=True, reply_to_message=created
            )
        return content

    def group_message(
        self,
        text: str,
        *,
        chat_id: int = -1001001,
        user_id: int = 1001,
        chat_type: str = "supergroup",
        title: str = "Test group",
        username: str | None = "alice",
        first_name: str = "Alice",
        thread_id: int | None = None,
        language_code: str | None = None,
        as_chat: int | None = None,
    ) -> JSON:
        """Queue a text message from a user in a group or supergroup (in a forum topic).

        ``as_chat`` signs it with a chat, as Telegram lets users do: the group's own id is an
        anonymous admin (``from`` GroupAnonymousBot), a channel's id the user posting as that
        channel (``from`` Channel_Bot); ``sender_chat`` is that chat.
        """
        if as_chat is not None:
            if chat_id not in self.chats or self.chats[chat_id].type != chat_type:
                self.add_chat(chat_id, chat_type, title=title)
            signer = self.chats[as_chat]
            account = GROUP_ANONYMOUS_BOT if as_chat == chat_id else CHANNEL_BOT
            self.users.setdefault(account["id"], account)
            content = self._text_content(chat_id, text, thread_id)
            message = self._incoming_message(self.chats[chat_id], account["id"], **content)
            message["sender_chat"] = signer.to_json()
            return self.enqueue({"message": message})
        return self.user_message(
            text,
            chat_id=chat_id,
            user_id=user_id,
            chat_type=chat_type,
            username=username,
            first_name=first_name,
            title=title,
            thread_id=thread_id,
            language_code=language_code,
        )

    def channel_post(
        self,
        text: str,
        *,
        chat_id: int = -1002001,
        username: str | None = "newschannel",
        title: str = "News channel",
    ) -> JSON:
        """Queue a post in a channel (signed by the channel, not a user)."""
        if chat_id not in self.chats:
            self.add_chat(chat_id, "channel", title=title, username=username)
        content: JSON = {"text": text}
        if entities := _command_entities(text):
            content["entities"] = entities
        channel = self.chats[chat_id]
        message = self._incoming_message(channel, None, **content)
        update = self.enqueue({"channel_post": message})
        group = self.chats.get(channel.linked_chat_id or 0)
        if group is not None and group.members.get(self.bot_id, {}).get("status") in _PRESENT:
            # Telegram forwards each post into the discussion group, signed by the channel.
            self.users.setdefault(TELEGRAM_SERVICE["id"], TELEGRAM_SERVICE)
            origin = {
                "type": "channel",
                "chat": channel.to_json(),
                "message_id": message["message_id"],
                "date": message["date"],
            }
            copy = self._incoming_message(
                group,
                TELEGRAM_SERVICE["id"],
                **content,
                forward_origin=origin,
                is_automatic_forward=True,
            )
            copy["sender_chat"] = channel.to_json()
            self.enqueue({"message": copy})
        return update

    def link_discussion(self, channel_id: int, group_id: int) -> None:
        """Make a supergroup the channel's discussion group: each post is forwarded there."""
        self.chats[channel_id].linked_chat_id = group_id
        self.chats[group_id].linked_chat_id = channel_id

    def document(
        self,
        file_bytes: bytes,
        *,
        file_name: str = "sources.opml",
        mime_type: str | None = "text/x-opml",
        caption: str | None = None,
        chat_id: int | None = None,
        user_id: int = 1001,
        username: str | None = "alice",
        first_name: str = "Alice",
        reported: int | None = None,
        unreported: bool = False,
    ) -> JSON:
        """Queue a message with a document from a user; its bytes can be downloaded by the bot.

        ``reported``: the size the message gives (a client may send any), else its own;
        ``unreported``: the message gives none (``file_size`` is optional in the Bot API).
        """
        self.add_user(user_id, first_name=first_name, username=username)
        target = user_id if chat_id is None else chat_id
        if target not in self.chats:
            self.add_chat(target, "private", first_name=first_name)
        stored = self._store_file(file_name, file_bytes, mime_type)
        content: JSON = {"document": _document_json(stored)}
        if reported is not None:
            content["document"]["file_size"] = reported
        if unreported:
            del content["document"]["file_size"]
        if caption is not None:
            content["caption"] = caption
            if entities := _command_entities(caption):
                content["caption_entities"] = entities
        message = self._incoming_message(self.chats[target], user_id, **content)
        return self.enqueue({"message": message})

    def callback_query(
        self,
        data: str,
        *,
        message: SentMessage | int | None = None,
        user_id: int = 1001,
        chat_id: int | None = None,
        inaccessible: bool = False,
    ) -> JSON:
        """Queue a button press on a message the bot sent (default: its last one in the chat).

        ``inaccessible``: the message comes as Telegram hands over an old one, its chat and id
        only, with date 0 (an ``InaccessibleMessage``); the bot can still edit it.
        """
        target = user_id if chat_id is None else chat_id
        if isinstance(message, SentMessage):
            sent = message
        elif isinstance(message, int):
            sent = self._messages[(target, message)]
        else:
            sent = self.sent(target)[-1]
        self._query_id += 1
        query_id = str(self._query_id)
        self._open_queries.add(query_id)
        self._asked_at[query_id] = self.clock()
        if user_id not in self.users:
            self.add_user(user_id)
        query: JSON = {
            "id": query_id,
            "from": self.users[user_id],
            "message": self._inaccessible_json(sent) if inaccessible else self._message_json(sent),
            "chat_instance": str(sent.chat_id),
            "data": data,
        }
        return self.enqueue({"callback_query": query})

    def inline_query(
        self,
        query: str,
        *,
        user_id: int = 1001,
        offset: str = "",
        chat_type: str = "sender",
        username: str | None = "alice",
        first_name: str = "Alice",
    ) -> JSON:
        """Queue an inline query: the user typed "@bot query" (offset: a later page's).

        Telegram sends at most 256 characters of query; a longer one is passed on as given,
        to see what the bot makes of it.
        """
        if not self.bot_user["supports_inline_queries"]:
            raise RuntimeError("inline mode is off: enable it with @BotFather's /setinline")
        if user_id not in self.users or username is not None:
            self.add_user(user_id, first_name=first_name, username=username)
        self._query_id += 1
        body: JSON = {
            "id": str(self._query_id),
            "from": self.users[user_id],
            "query": query,
            "offset": offset,
            "chat_type": chat_type,
        }
        self._open_inline[body["id"]] = body
        self._asked_at[body["id"]] = self.clock()
        return self.enqueue({"inline_query": body})

    def choose_inline_result(
        self, result_id: str, *, query_id: str | None = None, chat_id: int | None = None
    ) -> SentMessage:
        """Send a result of an answered inline query into a chat, as its user does.

        The message is the user's, "via" the bot (default chat: the user's chat with the
        bot). The bot gets it as a message when it is in that chat, as Telegram sends bots
        every message sent via them.
        """
        if query_id is None:
            if not self.inline_answers:
                raise LookupError("no inline query has been answered")
            query_id = next(reversed(self.inline_answers))
        answer = self.inline_answers[query_id]
        content = answer.result(result_id)["input_message_content"]
        target = answer.user_id if chat_id is None else chat_id
        if target not in self.chats:
            if target != answer.user_id:
                raise LookupError(f"unknown chat {target}: add it with add_chat")
            self.add_chat(target, "private")
        chat = self.chats[target]
        parsed = self._parse_text(content["message_text"], content.get("parse_mode"))
        body: JSON = {"text": parsed.text, "via_bot": self.bot_user}
        if parsed.entities:
            body["entities"] = [e.to_dict() for e in parsed.entities]
        message = self._incoming_message(chat, answer.user_id, **body)
        shared = SentMessage(
            chat_id=chat.id,
            message_id=message["message_id"],
            date=message["date"],
            text=content["message_text"],
            plain_text=parsed.text,
            entities=parsed.entities,
            parse_mode=content.get("parse_mode"),
            link_preview_options=content.get("link_preview_options"),
        )
        self.via_bot.append(shared)
        if chat.members.get(self.bot_id, {}).get("status") in _PRESENT:
            self.enqueue({"message": message})
        return shared

    def my_chat_member(
        self,
        *,
        chat_id: int = -1002001,
        chat_type: str = "channel",
        title: str = "News channel",
        username: str | None = "newschannel",
        new_status: str = "administrator",
        old_status: str = "left",
        user_id: int = 1001,
        can_post_messages: bool = True,
        can_send_messages: bool = True,
    ) -> JSON:
        """Queue the update Telegram sends when the bot's status in a chat changes
        (``can_send_messages``: of a "restricted" bot in a group, False when it is muted)."""
        if user_id not in self.users:
            self.add_user(user_id)
        before = self.chats.get(chat_id)
        previous = (before.members.get(self.bot_id) if before is not None else None) or {}
        self.add_chat(chat_id, chat_type, title=title, username=username, bot_status=old_status)
        chat = self.chats[chat_id]
        if previous.get("status") == old_status:  # keep the rights it had
            chat.members[self.bot_id] = previous
        old = self._member_json(chat, self.bot_id)
        rights: dict[str, bool] = {}
        if chat_type == "channel":
            rights = {"can_post_messages": can_post_messages}
        elif new_status == "restricted":
            rights = {"can_send_messages": can_send_messages}
        self.set_member(chat_id, self.bot_id, new_status, **rights)
        if chat_type != "channel" or new_status == "creator":
            chat.members.setdefault(user_id, {"status": "member", "rights": {}})
        body = {
            "chat": chat.to_json(),
            "from": self.users[user_id],
            "date": int(self.clock()),
            "old_chat_member": old,
            "new_chat_member": self._member_json(chat, self.bot_id),
        }
        return self.enqueue({"my_chat_member": body})

    # -- what the bot sent -----------------------------------------------------------------

    def sent(self, chat_id: int | None = None) -> list[SentMessage]:
        """Return the messages the bot sent (to chat_id, if given), oldest first."""
        return [m for m in self._messages.values() if chat_id is None or m.chat_id == chat_id]

    def last_text(self, chat_id: int) -> str:
        """Return the text (as sent, in HTML) of the bot's last text message to chat_id."""
        texts = [m.text for m in self.sent(chat_id) if m.text is not None]
        if not texts:
            raise LookupError(f"the bot sent no text message to chat {chat_id}")
        return texts[-1]

    def calls_to(self, method: str) -> list[ApiCall]:
        """Return the recorded calls of one method."""
        return [c for c in self.calls if c.method == method]

    def forget(self) -> None:
        """Drop the calls and the bot's messages recorded so far, so a long run stays small.

        A forgotten message is gone as if deleted: editing it is answered "message to edit
        not found". Chats, users and injected failures stay.
        """
        self.calls.clear()
        self._messages.clear()

    def _inaccessible_json(self, sent: SentMessage) -> JSON:
        return {
            "message_id": sent.message_id,
            "date": 0,
            "chat": self.chats[sent.chat_id].to_json(),
        }

    def _message_json(self, sent: SentMessage) -> JSON:
        chat = self.chats[sent.chat_id]
        data: JSON = {"message_id": sent.message_id, "date": sent.date, "chat": chat.to_json()}
        if chat.type == "channel":
            data["sender_chat"] = chat.to_json()
        else:
            data["from"] = self.bot_user
        if sent.message_thread_id is not None:
            data.update(message_thread_id=sent.message_thread_id, is_topic_message=True)
        if sent.document is not None:
            data["document"] = _document_json(sent.document)
            key_text, key_entities = "caption", "caption_entities"
        elif sent.photo is not None:
            data["photo"] = [_photo_json(sent.photo)]
            key_text, key_entities = "caption", "caption_entities"
        else:
            key_text, key_entities = "text", "entities"
        if sent.text is not None or sent.caption is not None:
            data[key_text] = sent.plain_text
            if sent.entities:
                data[key_entities] = [e.to_dict() for e in sent.entities]
        if sent.reply_markup is not None and "inline_keyboard" in sent.reply_markup:
            data["reply_markup"] = sent.reply_markup
        if sent.edit_date is not None:
            data["edit_date"] = sent.edit_date
        return data

    # -- files -----------------------------------------------------------------------------

    def _store_file(self, file_name: str, data: bytes, mime_type: str | None) -> UploadedFile:
        number = len(self.files) + 1
        file_id = f"offline-file-{number}"
        path = f"documents/file_{number}_{file_name.rsplit('/', 1)[-1]}"
        stored = UploadedFile(file_id, file_name, data, mime_type, path)
        self.files[file_id] = stored
        return stored

    def _download(self, path: str) -> tuple[int, bytes]:
        for stored in self.files.values():
            if stored.file_path == path:
                return 200, stored.data
        return 404, _error_body(404, "Not Found")

    # -- text checks -----------------------------------------------------------------------

    @staticmethod
    def _parse_text(
        text: str, parse_mode: object, *, caption: bool = False
    ) -> telegram_html.ParsedText:
        try:
            if parse_mode is None or parse_mode == "":
                parsed = telegram_html.ParsedText(text, ())
            elif isinstance(parse_mode, str) and parse_mode.lower() == "html":
                try:
                    parsed = _parse_html(text)
                except telegram_html.TelegramHTMLError as exc:
                    raise _ApiError(bad_request(f"can't parse entities: {exc}")) from None
            elif isinstance(parse_mode, str) and parse_mode.lower() in {"markdown", "markdownv2"}:
                raise _ApiError(bad_request(f"parse_mode {parse_mode} is not emulated offline"))
            else:
                raise _ApiError(bad_request(f"unsupported parse_mode {parse_mode}"))
            links = telegram_html.link_bytes(parsed.entities)
            telegram_html.check_length(
                parsed.text, len(parsed.entities), caption=caption, links=links
            )
        except telegram_html.TelegramHTMLError as exc:
            raise _ApiError(bad_request(str(exc))) from None
        return parsed

    @staticmethod
    def _check_markup(markup: object) -> None:
        """Refuse an inline keyboard as Telegram does, before a button is ever pressed.

        Each button has a text and exactly one action; callback data is 1-64 bytes; a URL is
        http(s) or tg://; at most 100 buttons and 10 kB of JSON in all ("reply markup is too
        long").
        """
        if not isinstance(markup, dict) or "inline_keyboard" not in markup:
            return
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise _ApiError(bad_request('field "inline_keyboard" must be an Array of Arrays'))
        buttons = [button for row in rows for button in row]
        too_big = len(json.dumps(markup, ensure_ascii=False).encode()) > _MAX_MARKUP_BYTES
        if len(buttons) > _MAX_INLINE_BUTTONS or too_big:
            raise _ApiError(bad_request("reply markup is too long"))
        for button in buttons:
            if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                raise _ApiError(bad_request('can\'t find field "text"'))
            actions = [key for key in button if key != "text"]
            if not actions:
                raise _ApiError(bad_request("text buttons are unallowed in the inline keyboard"))
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= _MAX_CALLBACK_BYTES:
                raise _ApiError(bad_request("BUTTON_DATA_INVALID"))
            url = button.get("url")
            if url is not None and not _BUTTON_URL.match(str(url)):
                raise _ApiError(bad_request("BUTTON_URL_INVALID"))

    def _edited_message(self, params: JSON) -> SentMessage:
        if "inline_message_id" in params:
            raise _ApiError(bad_request("inline messages are not emulated offline"))
        if "chat_id" not in params or "message_id" not in params:
            raise _ApiError(bad_request("message identifier is not specified"))
        chat = self._resolve(params["chat_id"])
        # A group upgraded to a supergroup answers every call with where it went, edits too;
        # its messages are not the supergroup's, so the bot cannot edit them there either.
        if chat.migrated_to is not None:
            raise _ApiError(migrated(chat.migrated_to))
        # A user who blocked the bot, or a chat it was removed from, refuses edits too.
        self._check_member(chat)
        key = (chat.id, params["message_id"])
        if key in self._incoming:
            raise _ApiError(bad_request("message can't be edited"))
        sent = self._messages.get(key)
        if sent is None or sent.deleted:
            raise _ApiError(bad_request("message to edit not found"))
        return sent

    # -- Bot API methods -------------------------------------------------------------------

    def _api_getMe(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        return self.bot_user

    def _api_deleteWebhook(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        self.webhook_url = ""
        self.webhook_secret = None
        if params.get("drop_pending_updates"):
            self._pending.clear()
        return True

    def _api_setWebhook(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        url = str(params["url"])
        if not url:  # an empty URL removes the webhook, as deleteWebhook does
            return self._api_deleteWebhook({}, files)
        if not url.startswith("https://"):
            raise _ApiError(bad_request("bad webhook: An HTTPS URL must be provided for webhook"))
        secret = params.get("secret_token")
        if secret is not None and not _WEBHOOK_SECRET.fullmatch(str(secret)):
            raise _ApiError(bad_request("bad webhook: secret token contains unallowed characters"))
        self.webhook_url = url
        self.webhook_secret = secret
        if "allowed_updates" in params:
            self.webhook_allowed_updates = list(params["allowed_updates"])
        if params.get("drop_pending_updates"):
            self._pending.clear()
        return True

    def _api_getWebhookInfo(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        info: JSON = {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending),
        }
        if self.webhook_url and self.webhook_allowed_updates is not None:
            info["allowed_updates"] = self.webhook_allowed_updates
        return info

    @staticmethod
    def _commands_key(params: JSON) -> str:
        scope = json.dumps(params.get("scope") or {"type": "default"}, sort_keys=True)
        return f"{scope}|{params.get('language_code', '')}"

    def _api_setMyCommands(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        # The spec: "A two-letter ISO 639-1 language code", or none for every language.
        code = params.get("language_code")
        if code is not None and not re.fullmatch(r"[a-z]{2}", str(code)):
            raise _ApiError(bad_request("LANG_CODE_INVALID"))
        if len(params["commands"]) > _MAX_COMMANDS:
            raise _ApiError(bad_request("BOT_COMMANDS_TOO_MUCH"))
        for command in params["commands"]:
            if not _COMMAND_NAME.fullmatch(str(command.get("command", ""))):
                raise _ApiError(bad_request("BOT_COMMAND_INVALID"))
            if not (1 <= len(command.get("description", "")) <= 256):
                raise _ApiError(bad_request("BOT_COMMAND_DESCRIPTION_INVALID"))
        self.commands[self._commands_key(params)] = params["commands"]
        return True

    def _api_getMyCommands(self, params: JSON, files: dict[str, UploadedFile]) -> list[JSON]:
        return self.commands.get(self._commands_key(params), [])

    def _api_deleteMyCommands(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        self.commands.pop(self._commands_key(params), None)
        return True

    def _api_sendMessage(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        chat = self._resolve(params["chat_id"])
        parsed = self._parse_text(params["text"], params.get("parse_mode"))
        self._check_markup(params.get("reply_markup"))
        self._check_can_send(chat)
        thread = self._check_thread(chat, params)
        self._check_reply(chat, params)
        self._check_flood(chat)
        sent = SentMessage(
            chat_id=chat.id,
            message_id=self._new_message_id(chat.id),
            date=int(self.clock()),
            text=params["text"],
            plain_text=parsed.text,
            entities=parsed.entities,
            parse_mode=params.get("parse_mode"),
            reply_markup=params.get("reply_markup"),
            disable_notification=bool(params.get("disable_notification", False)),
            link_preview_options=params.get("link_preview_options"),
            message_thread_id=thread,
        )
        self._messages[(chat.id, sent.message_id)] = sent
        return self._message_json(sent)

    def _api_sendPhoto(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        chat = self._resolve(params["chat_id"])
        photo = params.get("photo")
        stored: UploadedFile | None = None
        if "photo" in files:
            stored = files["photo"]
        elif _is_attach(photo):
            stored = files[str(photo)[len("attach://") :]]
        elif isinstance(photo, str) and photo in self.files:
            stored = self.files[photo]
        elif not (isinstance(photo, str) and photo.startswith(("http://", "https://"))):
            raise _ApiError(bad_request("wrong file identifier/HTTP URL specified"))
        caption = params.get("caption")
        parsed = telegram_html.ParsedText("", ())
        if caption is not None:
            parsed = self._parse_text(caption, params.get("parse_mode"), caption=True)
        self._check_markup(params.get("reply_markup"))
        self._check_can_send(chat, "can_send_photos")
        thread = self._check_thread(chat, params)
        self._check_reply(chat, params)
        if isinstance(photo, str) and photo in self.refused_pictures:
            raise _ApiError(bad_request(self.refused_pictures[photo]))
        self._check_flood(chat)
        sent = SentMessage(
            chat_id=chat.id,
            message_id=self._new_message_id(chat.id),
            date=int(self.clock()),
            plain_text=parsed.text,
            entities=parsed.entities,
            parse_mode=params.get("parse_mode"),
            reply_markup=params.get("reply_markup"),
            disable_notification=bool(params.get("disable_notification", False)),
            photo=stored.file_id if stored is not None else str(photo),
            caption=caption,
            message_thread_id=thread,
        )
        self._messages[(chat.id, sent.message_id)] = sent
        return self._message_json(sent)

    def _api_sendDocument(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        chat = self._resolve(params["chat_id"])
        document = params.get("document")
        if "document" in files:
            stored = files["document"]
        elif _is_attach(document):
            stored = files[str(document)[len("attach://") :]]
        elif isinstance(document, str) and document in self.files:
            stored = self.files[document]
        elif isinstance(document, str) and document.startswith(("http://", "https://")):
            raise _ApiError(bad_request("failed to get HTTP URL content"))
        else:
            raise _ApiError(bad_request("wrong file identifier/HTTP URL specified"))
        caption = params.get("caption")
        parsed = telegram_html.ParsedText("", ())
        if caption is not None:
            parsed = self._parse_text(caption, params.get("parse_mode"), caption=True)
        self._check_markup(params.get("reply_markup"))
        self._check_can_send(chat, "can_send_documents")
        thread = self._check_thread(chat, params)
        self._check_reply(chat, params)
        self._check_flood(chat)
        sent = SentMessage(
            chat_id=chat.id,
            message_id=self._new_message_id(chat.id),
            date=int(self.clock()),
            plain_text=parsed.text,
            entities=parsed.entities,
            parse_mode=params.get("parse_mode"),
            reply_markup=params.get("reply_markup"),
            disable_notification=bool(params.get("disable_notification", False)),
            document=stored,
            caption=caption,
            message_thread_id=thread,
        )
        self._messages[(chat.id, sent.message_id)] = sent
        return self._message_json(sent)

    def _api_editMessageText(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        sent = self._edited_message(params)
        if "text" not in params:
            raise _ApiError(bad_request("message text is empty"))
        if sent.document is not None or sent.photo is not None:
            raise _ApiError(bad_request("there is no text in the message to edit"))
        parsed = self._parse_text(params["text"], params.get("parse_mode"))
        markup = params.get("reply_markup")
        self._check_markup(markup)
        same = parsed.text == sent.plain_text and parsed.entities == sent.entities
        if same and markup == sent.reply_markup:
            raise _ApiError(Failure(400, _NOT_MODIFIED))
        self._check_edit_flood(sent.chat_id)
        assert sent.text is not None  # text messages always have text
        sent.history.append(sent.text)
        sent.text, sent.plain_text, sent.entities = params["text"], parsed.text, parsed.entities
        sent.parse_mode = params.get("parse_mode")
        sent.reply_markup = markup
        sent.link_preview_options = params.get("link_preview_options")
        sent.edit_date = int(self.clock())
        return self._message_json(sent)

    def _api_editMessageCaption(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        sent = self._edited_message(params)
        if sent.document is None and sent.photo is None:
            raise _ApiError(bad_request("there is no caption in the message to edit"))
        caption = params.get("caption")
        parsed = telegram_html.ParsedText("", ())
        if caption is not None:
            parsed = self._parse_text(caption, params.get("parse_mode"), caption=True)
        markup = params.get("reply_markup")
        self._check_markup(markup)
        same = parsed.text == sent.plain_text and parsed.entities == sent.entities
        if same and markup == sent.reply_markup:
            raise _ApiError(Failure(400, _NOT_MODIFIED))
        self._check_edit_flood(sent.chat_id)
        sent.history.append(sent.caption or "")
        sent.caption, sent.plain_text, sent.entities = caption, parsed.text, parsed.entities
        sent.parse_mode = params.get("parse_mode")
        sent.reply_markup = markup
        sent.edit_date = int(self.clock())
        return self._message_json(sent)

    def _api_editMessageReplyMarkup(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        sent = self._edited_message(params)
        markup = params.get("reply_markup")
        self._check_markup(markup)
        if markup == sent.reply_markup:
            raise _ApiError(Failure(400, _NOT_MODIFIED))
        self._check_edit_flood(sent.chat_id)
        sent.reply_markup = markup
        sent.edit_date = int(self.clock())
        return self._message_json(sent)

    def _too_old(self, query_id: str) -> bool:
        """Return True for a query asked longer ago than ``query_timeout`` (forgetting it)."""
        asked = self._asked_at.pop(query_id, None)
        if self.query_timeout is None or asked is None:
            return False
        return self.clock() - asked > self.query_timeout

    def _api_answerCallbackQuery(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        query_id = params["callback_query_id"]
        if len(params.get("text", "")) > _MAX_CALLBACK_ANSWER:
            raise _ApiError(bad_request("MESSAGE_TOO_LONG"))
        known = query_id in self._open_queries and not self._too_old(query_id)
        self._open_queries.discard(query_id)
        if not known:
            raise _ApiError(bad_request(_QUERY_TOO_OLD))
        self.callback_answers[query_id] = params
        return True

    def _api_answerInlineQuery(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        results: list[JSON] = params["results"]
        # Each object has passed the spec's checks (_check_fields); these are Telegram's own.
        if len(results) > _MAX_INLINE_RESULTS:
            raise _ApiError(bad_request("Too many inline query results specified"))
        button = params.get("button")
        if button is not None:
            self._check_results_button(button)
        seen: set[str] = set()
        for result in results:
            result_id = result["id"]
            if not result_id:
                raise _ApiError(bad_request("RESULT_ID_EMPTY"))
            if len(result_id.encode()) > _MAX_RESULT_ID_BYTES:
                raise _ApiError(bad_request("RESULT_ID_INVALID"))
            if result_id in seen:
                raise _ApiError(bad_request("RESULT_ID_DUPLICATE"))
            seen.add(result_id)
            self._check_result_text(result["input_message_content"])
        next_offset = params.get("next_offset", "")
        if len(next_offset.encode()) > _MAX_NEXT_OFFSET_BYTES:
            raise _ApiError(bad_request("NEXT_OFFSET_INVALID"))
        query = self._open_inline.pop(params["inline_query_id"], None)
        if query is None or self._too_old(query["id"]):
            raise _ApiError(bad_request(_QUERY_TOO_OLD))
        self.inline_answers[query["id"]] = InlineAnswer(
            query_id=query["id"],
            query=query["query"],
            offset=query["offset"],
            user_id=query["from"]["id"],
            results=results,
            next_offset=next_offset,
            cache_time=params.get("cache_time", 300),
            is_personal=bool(params.get("is_personal", False)),
            button=button,
        )
        return True

    def _check_results_button(self, button: JSON) -> None:
        if "start_parameter" in button:
            if not _START_PARAMETER_RE.fullmatch(str(button["start_parameter"])):
                raise _ApiError(bad_request("START_PARAM_INVALID"))
        elif "web_app" not in button:
            raise _ApiError(
                bad_request(
                    "Can't parse inline query results button: "
                    "InlineQueryResultsButton must have exactly one optional field"
                )
            )

    def _check_result_text(self, content: JSON) -> None:
        """Parse the message a text result sends, as sendMessage would parse it."""
        if "message_text" not in content:
            return
        if not content["message_text"]:
            raise _ApiError(bad_request("Can't parse inline query result: Message text is empty"))
        try:
            self._parse_text(content["message_text"], content.get("parse_mode"))
        except _ApiError as exc:
            reason = exc.failure.description.removeprefix("Bad Request: ")
            raise _ApiError(bad_request(f"Can't parse inline query result: {reason}")) from None

    def _api_deleteMessage(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        chat = self._resolve(params["chat_id"])
        sent = self._messages.get((chat.id, params["message_id"]))
        if sent is None or sent.deleted:
            raise _ApiError(bad_request("message to delete not found"))
        sent.deleted = True
        return True

    def _api_getChat(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        chat = self._resolve(params["chat_id"])
        present = chat.members.get(self.bot_id, {}).get("status") in _PRESENT
        if chat.type != "private" and not present and chat.username is None:
            raise _ApiError(chat_not_found())  # a private group or channel the bot is not in
        gifts = ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription")
        linked: JSON = {"linked_chat_id": chat.linked_chat_id} if chat.linked_chat_id else {}
        if chat.type in {"group", "supergroup"}:  # default member permissions: groups only
            linked["permissions"] = {**dict.fromkeys(_MEMBER_PERMISSIONS, True), **chat.permissions}
        return {
            **chat.to_json(),
            **linked,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": dict.fromkeys((*gifts, "gifts_from_channels"), False),
        }

    def _api_getChatMember(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        chat = self._resolve(params["chat_id"])
        if params["user_id"] not in self.users:
            raise _ApiError(bad_request("user not found"))
        # Only a channel's administrators may see its members: a bot removed from the channel
        # (or never made an admin there) cannot ask who administers it.
        bot_status = chat.members.get(self.bot_id, {}).get("status")
        if (
            chat.type == "channel"
            and params["user_id"] != self.bot_id
            and bot_status not in {"creator", "administrator"}
        ):
            raise _ApiError(bad_request("member list is inaccessible"))
        return self._member_json(chat, params["user_id"])

    def _api_getChatAdministrators(
        self, params: JSON, files: dict[str, UploadedFile]
    ) -> list[JSON]:
        chat = self._resolve(params["chat_id"])
        if chat.type == "private":
            raise _ApiError(bad_request("there are no administrators in the private chat"))
        admins = [
            self._member_json(chat, user_id)
            for user_id, member in chat.members.items()
            if member["status"] in {"creator", "administrator"}
        ]
        if not params.get("return_bots"):
            admins = [a for a in admins if not a["user"]["is_bot"] or a["user"] == self.bot_user]
        return admins

    def _api_getChatMemberCount(self, params: JSON, files: dict[str, UploadedFile]) -> int:
        chat = self._resolve(params["chat_id"])
        return sum(1 for m in chat.members.values() if m["status"] in _PRESENT)

    def _api_getFile(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        stored = self.files.get(params["file_id"])
        if stored is None:
            raise _ApiError(bad_request("invalid file_id"))
        if len(stored.data) > MAX_DOWNLOAD_BYTES:
            raise _ApiError(bad_request("file is too big"))
        return {
            "file_id": stored.file_id,
            "file_unique_id": f"u{stored.file_id}",
            "file_size": len(stored.data),
            "file_path": stored.file_path,
        }

    def _api_sendChatAction(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        chat = self._resolve(params["chat_id"])
        self._check_can_send(chat)
        self._check_thread(chat, params)  # a deleted topic: "message thread not found"
        return True

    def _api_leaveChat(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        chat = self._resolve(params["chat_id"])
        if chat.type == "private":
            raise _ApiError(bad_request("chat member status can't be changed in private chats"))
        chat.members[self.bot_id] = {"status": "left", "rights": {}}
        return True


# Telegram parses every text it is sent; the same text always parses the same way (or fails
# the same way: failures are not cached), so the parse of recent texts is kept. A digest page
# sent to many chats is checked once, in full.
_parse_html = functools.lru_cache(maxsize=256)(telegram_html.parse)


def _check_utf8(params: JSON) -> None:
    """Refuse a string Telegram cannot read: every string must be valid UTF-8 (a lone
    surrogate, as a JSON feed's "\\ud83d" decodes to, is not)."""
    try:
        json.dumps(params, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise _ApiError(bad_request("strings must be encoded in UTF-8")) from None


def _error_body(status: int, description: str, parameters: JSON | None = None) -> bytes:
    body: JSON = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return json.dumps(body).encode()


def _is_attach(value: object) -> bool:
    return isinstance(value, str) and value.startswith("attach://")


def _document_json(stored: UploadedFile) -> JSON:
    data: JSON = {
        "file_id": stored.file_id,
        "file_unique_id": f"u{stored.file_id}",
        "file_name": stored.file_name,
        "file_size": len(stored.data),
    }
    if stored.mime_type:
        data["mime_type"] = stored.mime_type
    return data


def _photo_json(photo: str) -> JSON:
    """Return the PhotoSize of a sent picture (its size is made up: nothing is downloaded)."""
    known = photo.startswith("offline-file-")
    file_id = photo if known else f"offline-photo-{zlib.crc32(photo.encode()):08x}"
    return {"file_id": file_id, "file_unique_id": f"u{file_id}", "width": 1280, "height": 720}


def _command_entities(text: str) -> list[JSON]:
    """Return the bot_command entity Telegram attaches to a text starting with a command."""
    if not text.startswith("/") or len(text) < 2:
        return []
    command = text.split(maxsplit=1)[0]
    return [{"type": "bot_command", "offset": 0, "length": telegram_html.utf16_len(command)}]
