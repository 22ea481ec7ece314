"""SQLite storage, one module per area; the only code that knows the schema.

- ``schema``: every migration in order, ``open_db``
- ``sources``: feeds, pages and seed folders, their schedule and health
- ``articles``: saving parsed articles once each
- ``summaries``, ``stories``, ``search``, ``ledger``: what processing makes of articles
- ``subscriptions``, ``outbox``: who gets digests, and every message before it is sent
- ``stats``: counts for /stats
- ``health``: writability, polling, the outbox's backlog and incidents (/healthz, /metrics)

Callers use ``from digests import store`` and ``store.name``; every public name is
re-exported here. Each function takes the database handle first and speaks in models
(``digests.models``) or plain values, so another backend could offer the same functions.
"""

from digests.store.articles import SaveResult, get_article, known_urls, save_articles
from digests.store.common import count, iso, parse_iso, utcnow
from digests.store.health import (
    IncidentRecord,
    OutboxBacklog,
    PollHealth,
    auto_paused_sources,
    check_writable,
    end_incident,
    health_counts,
    list_incidents,
    mark_incident_told,
    outbox_backlog,
    poll_health,
    see_incident,
    start_incident,
)
from digests.store.ledger import (
    allegation_targets,
    ledger_items,
    pending_allegations,
    save_allegations,
)
from digests.store.outbox import (
    enqueue_digest,
    fail_digest_rest,
    mark_failed,
    mark_retry,
    mark_sending,
    mark_sent,
    outbox_due,
    release_in_flight,
)
from digests.store.schema import DEFAULT_POLL_INTERVAL, migrations, open_db
from digests.store.search import (
    SEARCH_COUNT_CAP,
    count_is_capped,
    fts_query,
    search_story_ids,
    tidy_search_index,
)
from digests.store.sources import (
    AUTO_PAUSE_AFTER,
    MAX_BACKOFF,
    add_source,
    backoff_delay,
    due_sources,
    find_source,
    get_source,
    list_sources,
    poll_warning,
    record_failure,
    record_success,
    remove_source,
    set_paused,
    update_source,
)
from digests.store.stats import delivery_stats, stats
from digests.store.stories import (
    articles_for_clustering,
    attach_to_story,
    new_story,
    set_signature,
    story_articles,
)
from digests.store.subscriptions import (
    deactivate_subscription,
    find_subscription,
    get_subscription_by_id,
    list_subscriptions,
    migrate_chat,
    save_subscription,
    update_subscription,
)
from digests.store.summaries import (
    count_pending_summaries,
    pending_summaries,
    save_languages,
    save_summaries,
)

__all__ = [
    "AUTO_PAUSE_AFTER",
    "DEFAULT_POLL_INTERVAL",
    "MAX_BACKOFF",
    "SEARCH_COUNT_CAP",
    "IncidentRecord",
    "OutboxBacklog",
    "PollHealth",
    "SaveResult",
    "add_source",
    "allegation_targets",
    "articles_for_clustering",
    "attach_to_story",
    "auto_paused_sources",
    "backoff_delay",
    "check_writable",
    "count",
    "count_is_capped",
    "count_pending_summaries",
    "deactivate_subscription",
    "delivery_stats",
    "due_sources",
    "end_incident",
    "enqueue_digest",
    "fail_digest_rest",
    "find_source",
    "find_subscription",
    "fts_query",
    "get_article",
    "get_source",
    "get_subscription_by_id",
    "health_counts",
    "iso",
    "known_urls",
    "ledger_items",
    "list_incidents",
    "list_sources",
    "list_subscriptions",
    "mark_failed",
    "mark_incident_told",
    "mark_retry",
    "mark_sending",
    "mark_sent",
    "migrate_chat",
    "migrations",
    "new_story",
    "open_db",
    "outbox_backlog",
    "outbox_due",
    "parse_iso",
    "pending_allegations",
    "pending_summaries",
    "poll_health",
    "poll_warning",
    "record_failure",
    "record_success",
    "release_in_flight",
    "remove_source",
    "save_allegations",
    "save_articles",
    "save_languages",
    "save_subscription",
    "save_summaries",
    "search_story_ids",
    "see_incident",
    "set_paused",
    "set_signature",
    "start_incident",
    "stats",
    "story_articles",
    "tidy_search_index",
    "update_source",
    "update_subscription",
    "utcnow",
]
