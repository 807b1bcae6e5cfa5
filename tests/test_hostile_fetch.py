"""Hostile servers and URLs against fetch(): every probe ends within the one total deadline.

The slow-header server is a raw socket (http.server cannot send half a header): it writes the
status line at once, then one header byte at a time, each well inside the read timeout.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import socket
import threading
import time

import pytest

from factcheck.fetch import FetchError, _address_refused, _idna_url, fetch

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'


class DripServer:
    """Answers every connection with a status line, then `header` one byte every `gap` s."""

    def __init__(self, head: bytes = b"HTTP/1.1 200 OK\r\n", gap: float = 0.2):
        self.head = head
        self.gap = gap
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/feed.xml"

    def _serve(self) -> None:
        self.sock.settimeout(0.1)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        try:
            conn.sendall(self.head)
            while not self.stop.is_set():
                conn.sendall(b"X")  # an endless header name, one byte at a time
                time.sleep(self.gap)
        except OSError:
            pass
        finally:
            conn.close()

    def __enter__(self) -> DripServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.sock.close()


def test_slow_headers_end_at_the_total_deadline(net_settings):
    """Before: the deadline covered the body only, so this waited as long as the server liked."""
    settings = dataclasses.replace(net_settings, read_timeout=2.0, total_timeout=1.5)
    with DripServer() as srv:
        started = time.monotonic()
        with pytest.raises(FetchError) as err:
            fetch(srv.url, settings=settings)
        took = time.monotonic() - started
    assert took < 3.0, took
    assert "took over 1.5s" in str(err.value)
    assert "\n" not in str(err.value)


def test_slow_status_line_ends_at_the_total_deadline(net_settings):
    settings = dataclasses.replace(net_settings, read_timeout=2.0, total_timeout=1.0)
    with DripServer(head=b"") as srv:  # not even a status line: "XXXX..." a byte at a time
        started = time.monotonic()
        with pytest.raises(FetchError):
            fetch(srv.url, settings=settings)
    assert time.monotonic() - started < 2.5


def test_304_to_an_unconditional_request_is_an_error(feed_server, net_settings):
    """Before: taken as "not modified", so the feed was never read at all."""
    url = feed_server.serve("/feed.xml", b"", status=304, content_type=None)
    with pytest.raises(FetchError, match="304 Not Modified to an unconditional request"):
        fetch(url, settings=net_settings)


def test_304_to_a_conditional_request_is_not_modified(feed_server, net_settings):
    url = feed_server.serve("/feed.xml", RSS, etag='"v1"')
    got = fetch(url, settings=net_settings, etag='"v1"')
    assert got.not_modified


@pytest.mark.parametrize("address", ["fec0::1", "fec0:1234::5", "feff::1"])
def test_ipv6_site_local_refused(address):
    """Before: fec0::/10 (deprecated site-local) was allowed."""
    assert _address_refused(ipaddress.ip_address(address)) == "site-local"


def test_internationalised_host_is_looked_up_in_idna():
    """Before: the host was percent-encoded ("b%C3%BCcher.example"), a name no DNS can hold."""
    assert _idna_url("https://bücher.example/nachrichten?q=ü").startswith(
        "https://xn--bcher-kva.example/"
    )
    assert _idna_url("http://Straße.example:8080/rss") == "http://strasse.example:8080/rss"


def test_internationalised_loopback_name_is_fetched(feed_server, net_settings):
    """An IDNA name reaches the resolver in ASCII: here `localhost` spelt with a full-width l
    maps (UTS 46/IDNA 2003 nameprep) to plain `localhost`, which resolves to the test server."""
    url = feed_server.serve("/feed.xml", RSS).replace("127.0.0.1", "\uff4cocalhost")
    got = fetch(url, settings=net_settings)
    assert got.body == RSS


def test_a_hanging_name_lookup_ends_at_the_connect_timeout(net_settings, monkeypatch):
    """getaddrinfo has no timeout of its own. No slow DNS server runs here, so the resolver is
    made to hang (the one stand-in in these tests)."""
    real = socket.getaddrinfo

    def hang(host, *args, **kwargs):
        if host == "slow-dns.example":
            time.sleep(5)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", hang)
    settings = dataclasses.replace(net_settings, connect_timeout=0.5, total_timeout=10)
    started = time.monotonic()
    with pytest.raises(FetchError, match="no answer within 0.5s"):
        fetch("http://slow-dns.example/feed.xml", settings=settings)
    assert time.monotonic() - started < 2
