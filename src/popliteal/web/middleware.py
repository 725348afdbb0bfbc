"""Two plain ASGI middlewares: security headers on every response, and a request size limit.

They are raw ASGI rather than Starlette's BaseHTTPMiddleware so that they add no task or
copy per request to the answer step's hot path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from popliteal.errors import RequestTooLargeError

# No script runs anywhere; styles and images come only from popliteal itself; forms post only
# to popliteal; no page may be framed.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)
HSTS = (b"strict-transport-security", b"max-age=63072000; includeSubDomains")
NO_STORE = (b"cache-control", b"no-store")


class SecurityHeadersMiddleware:
    """Add the security headers; over HTTPS add HSTS; outside /static forbid caching.

    Assessment pages carry health information, so no shared or browser cache may keep them.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = list(SECURITY_HEADERS)
        if scope.get("scheme") == "https":
            extra.append(HSTS)
        cacheable = str(scope.get("path", "")).startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", ())
                           if cacheable or h[0].lower() != b"cache-control"]
                headers.extend(extra)
                if not cacheable:
                    headers.append(NO_STORE)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


TooLargeResponder = Callable[[Scope, RequestTooLargeError], ASGIApp]


class BodyLimitMiddleware:
    """Refuse bodies over ``max_bytes`` with 413 before any handler reads them.

    A declared Content-Length over the limit is refused at once; a chunked body is read up to
    the limit and refused the moment it passes it. Bodies within the limit are handed on
    unchanged.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int, too_large: TooLargeResponder) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.too_large = too_large

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope.get("headers", ()))
        if declared is not None and declared > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        body: list[Message] = []
        size = 0
        more = True
        while more:
            message = await receive()
            body.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
            more = bool(message.get("more_body", False))

        async def replay() -> Message:
            return body.pop(0) if body else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        error = RequestTooLargeError(f"the request body is larger than {self.max_bytes} bytes")
        await self.too_large(scope, error)(scope, receive, send)


def _content_length(headers: Iterable[tuple[bytes, bytes]]) -> int | None:
    for name, value in headers:
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
