"""Safe HTTP GET for feeds and article pages.

What a fetch refuses, and why (DESIGN.md, Security):
- any scheme but http and https (`file:`, `ftp:`, `javascript:`, `data:`, bare paths), so a feed
  URL can never make the tool read a local file;
- hosts that resolve to loopback, private, link-local, shared, reserved, multicast or unspecified
  addresses (IPv4 and IPv6, IPv4-mapped included), unless `FACTCHECK_ALLOW_PRIVATE=1`: a feed URL
  must not become a way to probe the newsroom's own network;
- more than `max_redirects` redirects, or a redirect loop; every hop is checked again (scheme and
  resolved addresses), because a public URL may redirect to a private one;
- bodies over `max_bytes`: refused from Content-Length up front, and counted while streaming
  (after decompression) so a lying or missing Content-Length cannot fill memory;
- slow servers: a connect timeout, a per-read timeout, and ONE total deadline
  (`FACTCHECK_TOTAL_TIMEOUT`) for the whole exchange: connect, status line, headers, body and
  every redirect hop. A watchdog timer shuts the socket down when the deadline passes, so a
  server that sends one header byte a second (each read well inside the read timeout) is cut
  off too;
- a 304 "not modified" to a request that asked nothing conditional (no validator was sent).

Host names are converted to IDNA (`bücher.example` -> `xn--bcher-kva.example`) before anything
else, so an internationalised name is looked up as DNS knows it, not percent-encoded.

DNS rebinding: the host name is resolved once per hop, every address is checked, and the
connection is then made to a checked address itself (the name goes in the Host header and, for
https, in SNI and certificate checking). A second, different DNS answer between the check and the
connect therefore cannot send the request elsewhere.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from requests.utils import requote_uri
from urllib3.exceptions import (
    ConnectTimeoutError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)
from urllib3.exceptions import HTTPError as Urllib3Error

from factcheck.config import Settings

_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A URL that cannot or may not be fetched; the message is one line saying why."""


class FetchTimeout(FetchError):
    """The server was too slow: a timeout or the total deadline."""


@dataclass
class FetchResult:
    status: int
    body: bytes
    etag: str | None
    last_modified: str | None
    final_url: str
    content_type: str | None
    not_modified: bool = False


def validate_url(url: str) -> None:
    """Refuse anything but an absolute http(s) URL with a host. Reads nothing, resolves nothing."""
    if not isinstance(url, str) or not url.strip():
        raise FetchError("no URL given: a feed needs an http:// or https:// URL")
    if any(ord(ch) < 32 or ch == "\x7f" for ch in url) or url != url.strip():
        raise FetchError(f"the URL {url.strip()!r} contains spaces or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"{url!r} is not a valid URL: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"{scheme}:" if scheme else "a bare path"
        raise FetchError(
            f"refused {url!r}: only http:// and https:// URLs are fetched, not {shown}"
        )
    if not parts.hostname:
        raise FetchError(f"refused {url!r}: the URL has no host")
    if any(ch.isspace() or ch in '<>"{}|\\^`%/' for ch in parts.hostname):
        raise FetchError(f"refused {url!r}: the host name {parts.hostname!r} is not valid")
    if parts.username is not None or parts.password is not None:
        raise FetchError(f"refused {url!r}: URLs with a user name or password are not supported")
    if port == 0:
        raise FetchError(f"refused {url!r}: port 0 is not a valid port")


def check_literal_host(url: str, settings: Settings) -> None:
    """Refuse now a URL whose host is a refused address written out (127.0.0.1, [::1],
    10.0.0.5) or `localhost`, so `add-feed` says so at once. Host names are checked when fetched,
    not here: their addresses can change, and checking them needs DNS."""
    validate_url(url)
    if settings.allow_private:
        return
    host = urlsplit(url).hostname or ""
    reason: str | None
    if host.rstrip(".").lower() == "localhost" or host.lower().endswith(".localhost"):
        reason = "loopback"
    else:
        try:
            reason = _address_refused(ipaddress.ip_address(host))
        except ValueError:
            return  # a name, not an address
    if reason:
        raise FetchError(
            f"refused {url}: {host} is a {reason} address"
            " (set FACTCHECK_ALLOW_PRIVATE=1 to allow private feeds)"
        )


def _address_refused(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address may not be fetched from, or None when it is a public one."""
    if isinstance(ip, ipaddress.IPv6Address):
        # ::ffff:127.0.0.1 and friends reach the IPv4 address they embed.
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            return _address_refused(mapped)
    checks = (
        ("loopback", ip.is_loopback),
        # fec0::/10, deprecated but still routed inside some networks like a private range.
        ("site-local", isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local),
        ("link-local", ip.is_link_local),
        ("unspecified", ip.is_unspecified),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
    )
    for name, hit in checks:
        if hit:
            return name
    if not ip.is_global:  # shared address space (100.64/10), documentation ranges, ...
        return "non-public"
    return None


# getaddrinfo has no timeout of its own: lookups run on these threads, and a fetch waits for one
# only until its deadline (a lookup that hangs keeps its thread until the resolver gives up).
_LOOKUPS = ThreadPoolExecutor(max_workers=8, thread_name_prefix="dns")


def _resolve(host: str, port: int, settings: Settings, deadline: float | None = None) -> list[str]:
    """Every address of `host`, each checked; raises when any one is refused."""
    wait = settings.connect_timeout if deadline is None else deadline - time.monotonic()
    lookup = _LOOKUPS.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    try:
        infos = lookup.result(timeout=max(min(wait, settings.connect_timeout), 0.01))
    except FutureTimeout:
        lookup.cancel()
        raise FetchTimeout(
            f"cannot resolve the host {host!r}: no answer within {settings.connect_timeout:g}s"
        ) from None
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(f"cannot resolve the host {host!r}: {exc}") from exc
    addresses: list[str] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        text = str(sockaddr[0]).split("%", 1)[0]  # drop an IPv6 scope id
        if text not in addresses:
            addresses.append(text)
    if not addresses:
        raise FetchError(f"the host {host!r} has no address")
    if not settings.allow_private:
        # Every address is checked, not just the first: an attacker controlling DNS could
        # otherwise list a public address first and a private one second.
        for text in addresses:
            reason = _address_refused(ipaddress.ip_address(text))
            if reason:
                raise FetchError(
                    f"refused {host}: it resolves to the {reason} address {text}"
                    " (set FACTCHECK_ALLOW_PRIVATE=1 to allow private feeds)"
                )
    return addresses


class _OverCap(Exception):
    """Decompressed output would pass the size cap."""


class _Bounded:
    """Decompress gzip/deflate output in bounded steps, so a small bomb cannot fill memory."""

    def __init__(self, encoding: str):
        # 47 = auto-detect gzip or zlib header; raw deflate is tried on the first failure.
        self._d = zlib.decompressobj(47 if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS)
        self._encoding = encoding
        self._first = True

    def feed(self, chunk: bytes, room: int) -> bytes:
        try:
            out = self._d.decompress(chunk, room)
        except zlib.error:
            if not (self._first and self._encoding == "deflate"):
                raise
            self._d = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._d.decompress(chunk, room)
        self._first = False
        if self._d.unconsumed_tail:
            # There is more output than `room`: over the cap whatever comes next.
            raise _OverCap
        return out


def _read_body(resp: urllib3.BaseHTTPResponse, url: str, settings: Settings, deadline: float):
    cap = settings.max_bytes
    declared = resp.headers.get("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > cap:
        raise FetchError(
            f"refused {url}: the body is {int(declared)} bytes, over the {cap}-byte cap"
        )
    encoding = (resp.headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "", "gzip", "x-gzip", "deflate"):
        raise FetchError(f"refused {url}: unsupported Content-Encoding {encoding!r}")
    decoder = _Bounded(encoding) if encoding not in ("identity", "") else None
    parts: list[bytes] = []
    size = 0
    while True:
        # read1 returns as soon as some bytes arrive, so the deadline below is checked even
        # against a server that trickles a byte at a time (each read alone is under the timeout).
        chunk = resp.read1(_CHUNK, decode_content=False)
        if not chunk:
            break
        if decoder is not None:
            try:
                chunk = decoder.feed(chunk, cap - size + 1)
            except zlib.error as exc:
                raise FetchError(f"cannot decompress the body from {url}: {exc}") from exc
            except _OverCap:
                raise FetchError(f"refused {url}: the body is over the {cap}-byte cap") from None
        size += len(chunk)
        if size > cap:
            raise FetchError(f"refused {url}: the body is over the {cap}-byte cap")
        parts.append(chunk)
        if time.monotonic() > deadline:
            raise FetchTimeout(f"timed out reading {url}: the body took too long to arrive")
    return b"".join(parts)


class _Watchdog:
    """Shuts down every socket of a fetch when its deadline passes, wherever the fetch is waiting.

    Per-read timeouts cannot bound a server that answers each read just in time (a header byte
    a second); closing the socket from a timer can: the blocked read returns at once.
    """

    def __init__(self, deadline: float):
        self.fired = False
        self._conns: list = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(deadline - time.monotonic(), 0.0), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, conn) -> None:
        with self._lock:
            self._conns.append(conn)
        if self.fired:
            self._fire()

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            conns = list(self._conns)
        for conn in conns:
            sock = getattr(conn, "sock", None)
            if sock is None:
                continue
            # socket.socket's own shutdown, also for TLS sockets: it acts on the descriptor and
            # leaves the TLS object alone while another thread may be reading it.
            with contextlib.suppress(OSError, TypeError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()


def _watched(pool, watchdog: _Watchdog):
    """Make `pool` register each connection it creates with `watchdog`."""
    make = pool._new_conn

    def new_conn():
        conn = make()
        original = conn.connect

        def connect():
            original()
            watchdog.watch(conn)

        conn.connect = connect
        return conn

    pool._new_conn = new_conn
    return pool


def _host_header(host: str, port: int, scheme: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    default = 443 if scheme == "https" else 80
    return shown if port == default else f"{shown}:{port}"


def _one_hop(url: str, headers: dict[str, str], settings: Settings, deadline: float):
    """GET one URL (no redirect following) from a checked address; returns (response, body)."""
    watchdog = _Watchdog(deadline)
    try:
        got = _one_hop_watched(url, headers, settings, deadline, watchdog)
        if watchdog.fired:
            # A stream cut mid-header can still parse as a (truncated) answer: never use it.
            raise FetchTimeout(_too_slow(url, settings))
        return got
    except FetchError:
        if watchdog.fired:
            raise FetchTimeout(_too_slow(url, settings)) from None
        raise
    except Exception as exc:
        # A read cut short by the watchdog can surface as almost any error of the stack below.
        if watchdog.fired:
            raise FetchTimeout(_too_slow(url, settings)) from None
        raise FetchError(f"cannot fetch {url}: {_short(exc)}") from exc
    finally:
        watchdog.cancel()


def _too_slow(url: str, settings: Settings) -> str:
    return (
        f"timed out fetching {url}: the whole exchange took over {settings.total_timeout:g}s"
        " (FACTCHECK_TOTAL_TIMEOUT)"
    )


def _one_hop_watched(url, headers, settings, deadline, watchdog: _Watchdog):
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise FetchError(f"refused {url!r}: the host name is not valid: {exc}") from exc
    port = parts.port or (443 if scheme == "https" else 80)
    addresses = _resolve(host, port, settings, deadline)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    send = {**headers, "Host": _host_header(host, port, scheme)}
    last_error: Exception | None = None
    for address in addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchTimeout(_too_slow(url, settings))
        timeout = urllib3.Timeout(
            connect=min(settings.connect_timeout, remaining),
            read=min(settings.read_timeout, remaining),
        )
        pool: urllib3.HTTPConnectionPool
        if scheme == "https":
            pool = urllib3.HTTPSConnectionPool(
                address,
                port,
                timeout=timeout,
                retries=False,
                maxsize=1,
                server_hostname=host,
                assert_hostname=host,
            )
        else:
            pool = urllib3.HTTPConnectionPool(
                address, port, timeout=timeout, retries=False, maxsize=1
            )
        _watched(pool, watchdog)
        try:
            resp = pool.urlopen(
                "GET",
                target,
                headers=send,
                redirect=False,
                retries=False,
                preload_content=False,
                decode_content=False,
                assert_same_host=False,
            )
        except (NewConnectionError, ConnectTimeoutError) as exc:
            # Try the host's next checked address (all of them were checked above), while the
            # fetch's deadline allows.
            last_error = exc
            pool.close()
            if time.monotonic() > deadline:
                break
            continue
        except ReadTimeoutError as exc:
            pool.close()
            raise FetchTimeout(
                f"timed out reading {url}: no answer within {settings.read_timeout:g}s"
            ) from exc
        except SSLError as exc:
            pool.close()
            raise FetchError(f"TLS failed for {url}: {_short(exc)}") from exc
        except (Urllib3Error, OSError) as exc:
            pool.close()
            raise FetchError(f"cannot fetch {url}: {_short(exc)}") from exc
        try:
            body = b""
            if 200 <= resp.status < 300:  # error pages and redirects: the status is enough
                body = _read_body(resp, url, settings, deadline)
        except ReadTimeoutError as exc:
            raise FetchTimeout(
                f"timed out reading {url}: no data within {settings.read_timeout:g}s"
            ) from exc
        except (ProtocolError, Urllib3Error, OSError) as exc:
            raise FetchError(f"the connection to {url} broke: {_short(exc)}") from exc
        finally:
            resp.release_conn()
            resp.close()
            pool.close()
        return resp, body
    raise FetchError(f"cannot connect to {host} port {port}: {_short(last_error)}")


def _idna_url(url: str) -> str:
    """`url` with its host in IDNA (ASCII) form and the rest percent-quoted where needed."""
    validate_url(url)
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host.isascii():
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise FetchError(f"refused {url!r}: the host name is not valid: {exc}") from exc
        netloc = f"{ascii_host}:{parts.port}" if parts.port else ascii_host
        url = parts._replace(netloc=netloc).geturl()
    return requote_uri(url)


def _short(exc: BaseException | None) -> str:
    """The last, most specific line of an exception message (urllib3 nests them)."""
    text = str(exc) if exc is not None else "unknown error"
    text = text.replace("\n", " ").strip()
    if "): " in text:
        text = text.rsplit("): ", 1)[-1]
    return text[:200] or exc.__class__.__name__


def fetch(
    url: str,
    *,
    settings: Settings,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FetchResult:
    """GET `url` under the rules of this module. A 304 gives `not_modified=True` and no body.

    Any other status than 2xx and 304 raises FetchError, as does every refusal and failure.
    """
    validate_url(url)
    headers = {
        "User-Agent": settings.user_agent,
        "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9,"
        " text/xml;q=0.9, text/html;q=0.8, */*;q=0.5",
        "Accept-Encoding": "gzip, deflate",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    # A whole fetch, every hop and the body included, ends within this much time.
    deadline = time.monotonic() + settings.total_timeout
    current = _idna_url(url)
    seen = {current}
    for _hop in range(settings.max_redirects + 1):
        resp, body = _one_hop(current, headers, settings, deadline)
        if resp.status in _REDIRECTS:
            location = resp.headers.get("Location")
            if not location:
                raise FetchError(f"{current} answered {resp.status} with no Location")
            try:
                nxt = _idna_url(urljoin(current, location.strip()))
                validate_url(nxt)
            except FetchError as exc:
                raise FetchError(f"{current} redirected to a refused URL: {exc}") from exc
            if nxt in seen:
                raise FetchError(f"redirect loop: {current} redirects back to {nxt}")
            seen.add(nxt)
            current = nxt
            continue
        content_type = resp.headers.get("Content-Type")
        if resp.status == 304:
            if not (etag or last_modified):
                # Nothing was asked conditionally, so "not modified" answers nothing: taking it
                # at its word would keep a feed stale forever.
                raise FetchError(f"{current} answered 304 Not Modified to an unconditional request")
            return FetchResult(
                status=304,
                body=b"",
                etag=resp.headers.get("ETag") or etag,
                last_modified=resp.headers.get("Last-Modified") or last_modified,
                final_url=current,
                content_type=content_type,
                not_modified=True,
            )
        if not 200 <= resp.status < 300:
            reason = resp.reason or ""
            raise FetchError(f"HTTP {resp.status} {reason}".rstrip() + f" from {current}")
        return FetchResult(
            status=resp.status,
            body=body,
            etag=resp.headers.get("ETag"),
            last_modified=resp.headers.get("Last-Modified"),
            final_url=current,
            content_type=content_type,
        )
    raise FetchError(f"too many redirects (over {settings.max_redirects}) starting from {url}")
