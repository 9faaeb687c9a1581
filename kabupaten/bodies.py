"""Request and answer bodies of the sync API: read within a limit, gzip both ways (1.2).

A village link is metered and slow; a batch of case operations shrinks several times under
gzip. What the server expands is bounded by the same ``body_limit`` as what it reads, so a
small gzip bomb is refused (413) before it becomes gigabytes in memory.
"""

from __future__ import annotations

import gzip
import zlib

from flask import Response, request

GZIP_FROM = 512  # bytes; smaller answers are not worth the header


def body_within(limit: int) -> bytes | None:
    """The request body, read in pieces, or None as soon as it is seen to pass ``limit``
    (from Content-Length before reading; while streaming for a chunked body; for a gzip body,
    also while expanding it, so a small bomb never becomes gigabytes in memory). A gzip body
    that is not whole raises ValueError."""
    if (request.content_length or 0) > limit:
        return None
    stream, body = request.stream, bytearray()
    while piece := stream.read(65536):
        body += piece
        if len(body) > limit:
            return None
    encoding = request.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding == "identity":
        return bytes(body)
    if encoding != "gzip":
        raise ValueError("Content-Encoding hanya gzip")
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        expanded = inflate.decompress(bytes(body), limit + 1)
    except zlib.error as exc:
        raise ValueError("gzip rusak") from exc
    if len(expanded) > limit:
        return None
    if not inflate.eof:
        raise ValueError("gzip terpotong")
    return expanded


def gzip_answer(response: Response) -> Response:
    """JSON answers above a few hundred bytes go gzipped to a client that accepts it (a pull
    of statuses shrinks several times over a metered village link)."""
    if (
        response.direct_passthrough
        or response.mimetype != "application/json"
        or "Content-Encoding" in response.headers
        or "gzip" not in request.headers.get("Accept-Encoding", "").lower()
    ):
        return response
    data = response.get_data()
    if len(data) < GZIP_FROM:
        return response
    response.set_data(gzip.compress(data, compresslevel=6, mtime=0))
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    return response
