"""URL canonicalisation."""

from __future__ import annotations

import pytest

from digests.urls import canonical_url, is_http_url


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://Example.COM/a?utm_source=x&utm_medium=y#frag", "https://example.com/a"),
        ("https://example.com/a?id=3&fbclid=zz", "https://example.com/a?id=3"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com", "https://example.com/"),
    ],
)
def test_canonical_url(given: str, expected: str) -> None:
    assert canonical_url(given) == expected


def test_is_http_url() -> None:
    assert is_http_url("https://example.com/x")
    assert not is_http_url("ftp://example.com/x")
    assert not is_http_url("javascript:alert(1)")
    assert not is_http_url("/relative")
