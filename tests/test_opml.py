"""OPML import and export, and refusal of hostile XML."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from sqlite_utils import Database

from digests import store
from digests.errors import OPMLError
from digests.opml import OPMLFeed, import_sources, parse_opml, read_opml, render_opml

ROOT = Path(__file__).resolve().parent.parent

NESTED = b"""<?xml version="1.0"?>
<opml version="1.0"><head><title>mine</title></head><body>
  <outline text="News">
    <outline text="Inner">
      <outline type="rss" text="Deep Feed" xmlUrl="https://deep.example.com/rss"/>
    </outline>
    <outline type="rss" title="Titled" text="ignored" xmlUrl="https://b.example.com/atom"/>
  </outline>
  <outline type="rss" text="Duplicate" xmlUrl="https://deep.example.com/rss"/>
  <outline type="rss" text="Not http" xmlUrl="file:///etc/passwd"/>
  <outline type="link" text="A page" url="https://page.example.com/story"/>
</body></opml>"""


def test_nested_outlines_are_flattened_in_order_without_duplicates() -> None:
    assert parse_opml(NESTED) == [
        OPMLFeed("https://deep.example.com/rss", "Deep Feed", folder="News / Inner"),
        OPMLFeed("https://b.example.com/atom", "Titled", folder="News"),
    ]


def test_attribute_names_in_another_case_are_read() -> None:
    listing = (
        b'<opml version="2.0"><body><outline TEXT="Upper" xmlURL="https://u.example/rss"/>'
        b'<outline Title="Lower" xmlurl="https://l.example/rss"/>'
        b'<outline Type="LINK" Text="Page" URL="https://p.example/"/></body></opml>'
    )
    assert parse_opml(listing, include_pages=True) == [
        OPMLFeed("https://u.example/rss", "Upper"),
        OPMLFeed("https://l.example/rss", "Lower"),
    ]
    assert read_opml(listing, include_pages=True).links == ["https://p.example/"]


def test_another_readers_links_are_counted_not_added_as_pages(db: Database) -> None:
    """A type="link" outline (another reader's link to a web page, or to a further .opml list,
    as blogrolls and lists of lists are written) was imported as a page source: the bot then
    polled an .opml file, or any page, as news. It is skipped and counted, as an entry with
    only a site's address is; a page source this bot exported still comes back a page."""
    listing = NESTED.replace(
        b"</body>",
        b'<outline type="link" text="More lists" url="https://lists.example/more.opml"/>'
        b'<outline type="link" text="A page" url="https://page.example.com/story"/></body>',
    )
    read = read_opml(listing, include_pages=True)
    assert [f.url for f in read.feeds] == [
        "https://deep.example.com/rss",
        "https://b.example.com/atom",
    ]
    assert read.links == ["https://page.example.com/story", "https://lists.example/more.opml"]
    done = import_sources(db, read)
    assert (done.added, done.links) == (2, read.links)
    assert {s.kind for s in store.list_sources(db)} == {"feed"}
    store.add_source(db, "https://p.example.com/page", kind="page", title="Page")
    ours = read_opml(render_opml(store.list_sources(db)), include_pages=True)
    assert ours.links == [] and ours.feeds[-1] == OPMLFeed(
        "https://p.example.com/page", "Page", "page"
    )


def test_an_export_made_before_the_page_mark_brings_its_pages_back(db: Database) -> None:
    """An export this bot wrote before page sources were marked lists them as plain links;
    its head's title says whose file it is, so they come back page sources, not counted links
    (another reader's file with the same links: counted, as above)."""
    body = (
        b'<body><outline type="rss" text="Feed" xmlUrl="https://f.example/rss"/>'
        b'<outline type="link" text="Page" url="https://p.example/news"/></body></opml>'
    )
    old = b'<opml version="2.0"><head><title>newsbot sources</title></head>' + body
    read = read_opml(old, include_pages=True)
    assert read.links == []
    assert read.feeds[-1] == OPMLFeed("https://p.example/news", "Page", "page")
    import_sources(db, read)
    assert {s.kind for s in store.list_sources(db)} == {"feed", "page"}
    theirs = b'<opml version="2.0"><head><title>My reader</title></head>' + body
    assert read_opml(theirs, include_pages=True).links == ["https://p.example/news"]


def test_titles_and_folders_with_tabs_and_line_breaks_are_stored_on_one_line(
    db: Database,
) -> None:
    """A title written over two lines (or with a tab) in another reader's file was stored so,
    and /sources and every digest showed the break."""
    listing = (
        b'<opml version="2.0"><body><outline text="World&#10;\tnews">'
        b'<outline text="Harbour&#9;Gazette&#13;&#10; daily" xmlUrl="https://h.example/rss"/>'
        b"</outline></body></opml>"
    )
    import_sources(db, read_opml(listing))
    [source] = store.list_sources(db)
    assert (source.title, source.folder) == ("Harbour Gazette daily", "World news")


def test_default_sources_file_lists_real_feeds() -> None:
    feeds = parse_opml((ROOT / "seeds" / "sources.opml").read_bytes())
    assert len(feeds) >= 6
    assert all(f.url.startswith("https://") and f.title for f in feeds)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"not xml at all", "not a well-formed"),
        (b"<opml><body>", "not a well-formed"),
        (b"<rss version='2.0'/>", "not an OPML document"),
        (b"<opml version='2.0'><head/></opml>", "no <body>"),
        (
            b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b"<opml><body><outline text='&xxe;' xmlUrl='https://x.example/'/></body></opml>",
            "DOCTYPE",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
            b"<opml><body><outline text='&lol2;'/></body></opml>",
            "DOCTYPE",
        ),
    ],
)
def test_junk_and_hostile_documents_raise_opml_error(body: bytes, message: str) -> None:
    with pytest.raises(OPMLError, match=message):
        parse_opml(body)


def test_render_then_parse_round_trips_feeds_and_pages(db: Database) -> None:
    store.add_source(db, "https://a.example.com/rss", title='Ampersand & "Quotes"')
    store.add_source(db, "https://p.example.com/page", kind="page", title="Page")
    store.add_source(db, "file:///srv/seeds", kind="file", title="Seeds")
    document = render_opml(store.list_sources(db))
    assert document.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert b'version="2.0"' in document
    assert parse_opml(document, include_pages=True) == [
        OPMLFeed("https://a.example.com/rss", 'Ampersand & "Quotes"'),
        OPMLFeed("https://p.example.com/page", "Page", "page"),
    ]


def test_a_feed_listed_twice_counts_as_present_the_second_time(db: Database) -> None:
    """An OPML file lists one feed in two folders: the import used to count it once and say
    nothing of the other, so its counts did not add up to the outlines listed."""
    listing = b"""<opml version="2.0"><body>
      <outline text="News"><outline type="rss" text="A" xmlUrl="https://a.example/rss"/></outline>
      <outline text="Tech"><outline type="rss" text="A" xmlUrl="https://a.example/rss"/>
        <outline type="rss" text="Bad" xmlUrl="ftp://b.example/rss"/>
        <outline type="rss" text="Local" xmlUrl="http://127.0.0.1/rss"/>
        <outline type="rss" text="Local again" xmlUrl="http://127.0.0.1/rss"/></outline>
    </body></opml>"""
    done = import_sources(db, read_opml(listing), public_only=True)
    assert (done.added, done.present) == (1, 1)
    assert [url for url, _ in done.refused] == ["http://127.0.0.1/rss", "ftp://b.example/rss"]


def test_an_address_with_a_password_is_refused_and_shown_without_it(db: Database) -> None:
    listing = b"""<opml version="2.0"><body>
      <outline type="rss" text="Private" xmlUrl="https://reader:s3cret@a.example/rss"/>
      <outline type="rss" text="Local" xmlUrl="http://reader:s3cret@127.0.0.1/rss"/>
    </body></opml>"""
    done = import_sources(db, read_opml(listing), public_only=True)
    assert done.added == 0
    assert [url for url, _ in done.refused] == ["https://a.example/rss", "http://127.0.0.1/rss"]
    assert "password" in str(dict(done.refused)["https://a.example/rss"])


def test_feed_scheme_addresses_are_read_as_web_addresses(db: Database) -> None:
    """Older readers and browsers wrote subscriptions as ``feed://host/rss`` (RFC-less, but
    common: Safari, NetNewsWire 3, Firefox's live bookmarks) or ``feed:https://host/rss``;
    each is the http(s) feed it names, not a refused address."""
    listing = (
        "\ufeff<?xml version='1.0' encoding='UTF-8'?>\r\n<opml version='1.1'><body>\r\n"
        "<outline text='Old' xmlUrl='feed://old.example/rss.xml'/>\r\n"
        "<outline text='Wrapped' xmlUrl='feed:https://wrapped.example/atom'/>\r\n"
        "<outline text='Upper' xmlUrl='FEED://upper.example/rss'/>\r\n"
        "<outline text='Twice' xmlUrl='http://old.example/rss.xml'/>\r\n"
        "</body></opml>\r\n"
    ).encode()
    assert read_opml(listing).feeds == [
        OPMLFeed("http://old.example/rss.xml", "Old"),
        OPMLFeed("https://wrapped.example/atom", "Wrapped"),
        OPMLFeed("http://upper.example/rss", "Upper"),
    ]
    done = import_sources(db, read_opml(listing))
    assert (done.added, done.present, done.refused) == (3, 1, [])


FOLDERS = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>Feedly</title></head><body>
  <outline text="Мир" title="Мир">
    <outline type="rss" text="Медуза" xmlUrl="https://meduza.example/rss"/>
    <outline text="Europe"><outline type="rss" text="Le Monde" xmlUrl="https://lm.example/rss"/>
    </outline>
  </outline>
  <outline text="Tech"><outline type="atom" title="Ars" xmlUrl="https://ars.example/atom"/>
    <outline type="rss" text="Медуза" xmlUrl="https://meduza.example/rss"/></outline>
  <outline type="rss" text="Loose" xmlUrl="https://loose.example/rss"/>
</body></opml>""".encode()


def test_folders_are_kept_through_import_and_export(db: Database) -> None:
    """Every reader exports its folders as outlines around the feeds; the import keeps each
    feed's folder (the first, for a feed in two), the export writes them back, and the
    export imported elsewhere gives the same feeds in the same folders."""
    listing = read_opml(FOLDERS)
    assert [(f.url, f.folder) for f in listing.feeds] == [
        ("https://meduza.example/rss", "Мир"),
        ("https://lm.example/rss", "Мир / Europe"),
        ("https://ars.example/atom", "Tech"),
        ("https://loose.example/rss", None),
    ]
    assert import_sources(db, listing).added == 4
    mine = {s.url: (s.title, s.folder) for s in store.list_sources(db) if s.kind != "file"}
    assert mine["https://lm.example/rss"] == ("Le Monde", "Мир / Europe")
    exported = render_opml(store.list_sources(db))
    assert exported.count(b"<outline") == 4 + 3  # the feeds and their three folders
    again = read_opml(exported)
    assert [(f.url, f.folder) for f in again.feeds] == [(f.url, f.folder) for f in listing.feeds]
    # Imported where it came from: nothing added, nothing lost.
    done = import_sources(db, again)
    assert (done.added, done.present, done.refused) == (0, 4, [])
    elsewhere = store.open_db(":memory:")
    import_sources(elsewhere, again)
    assert {s.url: (s.title, s.folder) for s in store.list_sources(elsewhere)} == mine


def test_outlines_with_a_site_address_only_are_counted_not_dropped(db: Database) -> None:
    """Some readers list a site they follow by its page (htmlUrl) with no feed address: the
    import cannot add it, and says how many (and which) it left, not nothing at all."""
    listing = read_opml(
        b'<opml version="2.0"><body><outline text="F" xmlUrl="https://f.example/rss"'
        b' htmlUrl="https://f.example/"/><outline text="Site" htmlUrl="https://site.example/"/>'
        b'<outline text="Folder"><outline text="S2" htmlurl="https://s2.example/"/></outline>'
        b"</body></opml>"
    )
    assert listing.sites == ["https://site.example/", "https://s2.example/"]
    done = import_sources(db, listing)
    assert (done.added, done.present, done.sites) == (
        1,
        0,
        ["https://site.example/", "https://s2.example/"],
    )


def test_a_paused_source_comes_back_paused_from_its_export(db: Database) -> None:
    """A paused source was exported like any other and came back active from the import."""
    store.add_source(db, "https://on.example/rss", title="On")
    held = store.add_source(db, "https://held.example/rss", title="Held", folder="World")
    store.set_paused(db, held.id, True)
    exported = render_opml(store.list_sources(db))
    assert b'xmlns:newsbot="urn:newsbot:opml"' in exported
    assert exported.count(b'newsbot:paused="true"') == 1
    elsewhere = store.open_db(":memory:")
    assert import_sources(elsewhere, read_opml(exported)).added == 2
    state = {s.url: (s.paused, s.folder) for s in store.list_sources(elsewhere)}
    assert state == {
        "https://on.example/rss": (False, None),
        "https://held.example/rss": (True, "World"),
    }
    # Imported where it came from: the sources there keep their own state.
    store.set_paused(db, held.id, False)
    assert import_sources(db, read_opml(exported)).present == 2
    assert not any(s.paused for s in store.list_sources(db))


def test_paused_is_read_only_in_the_projects_namespace(db: Database) -> None:
    """Another reader's file has no such attribute: its feeds import active, as before; the
    attribute counts under any prefix bound to the namespace, and under no other."""
    document = b"""<?xml version="1.0"?>
<opml version="2.0" xmlns:nb="urn:newsbot:opml" xmlns:other="urn:another:reader"><body>
  <outline type="rss" text="A" xmlUrl="https://a.example/rss" nb:paused="true"/>
  <outline type="rss" text="B" xmlUrl="https://b.example/rss" other:paused="true"/>
  <outline type="rss" text="C" xmlUrl="https://c.example/rss" newsbot:paused="true"/>
  <outline type="rss" text="D" xmlUrl="https://d.example/rss" nb:paused="false"/>
</body></opml>"""
    assert [f.paused for f in read_opml(document).feeds] == [True, False, False, False]
    assert not any(f.paused for f in read_opml(NESTED, include_pages=True).feeds)
    store.add_source(db, "https://on.example/rss")
    assert b"urn:newsbot" not in render_opml(store.list_sources(db))  # nothing paused: as before


@pytest.mark.parametrize("encoding", ["GBK", "GB18030", "Big5", "Shift_JIS", "EUC-KR"])
def test_a_file_in_a_multi_byte_encoding_of_its_own_is_read(encoding: str) -> None:
    """A Chinese, Japanese or Korean reader's OPML file, written in the encoding its
    declaration names, ended the import with "Error while handling an update" to the admin:
    the XML parser reads no multi-byte encoding but UTF-8 and UTF-16 (ValueError)."""
    listing = (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<opml version="1.0"><body>'
        '<outline text="新聞"><outline text="東京 新聞" xmlUrl="https://cjk.example/rss"/>'
        "</outline></body></opml>"
    ).encode(encoding)
    assert parse_opml(listing) == [OPMLFeed("https://cjk.example/rss", "東京 新聞", folder="新聞")]


def test_a_file_not_in_the_encoding_it_declares_is_refused_as_opml() -> None:
    listing = b'<?xml version="1.0" encoding="Shift_JIS"?><opml><body>\xff\xff</body></opml>'
    with pytest.raises(OPMLError, match="not a well-formed"):
        parse_opml(listing)


@pytest.mark.parametrize("encoding", ["GBK", "Shift_JIS", "EUC-KR"])
def test_a_file_saved_again_in_utf8_under_its_old_declaration_is_read_as_utf8(
    encoding: str,
) -> None:
    """A file re-saved as UTF-8 (an editor's "UTF-8 with BOM", or without) that kept its
    prolog's multi-byte encoding: with a mark the import ended in "ValueError: multi-byte
    encodings are not supported", without one its titles were mojibake ("譌･譛ｬ")."""
    listing = (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<opml version="1.0"><body>'
        '<outline text="東京 新聞" xmlUrl="https://cjk.example/rss"/></body></opml>'
    ).encode()
    for document in (listing, codecs.BOM_UTF8 + listing):
        assert parse_opml(document) == [OPMLFeed("https://cjk.example/rss", "東京 新聞")]


def test_a_file_in_utf32_with_its_mark_is_read() -> None:
    listing = (
        '<?xml version="1.0" encoding="UTF-32"?>\n<opml version="1.0"><body>'
        '<outline text="Süddeutsche" xmlUrl="https://de.example/rss"/></body></opml>'
    ).encode("utf-32")  # with its byte order mark
    assert parse_opml(listing) == [OPMLFeed("https://de.example/rss", "Süddeutsche")]
