"""Gzip a cached page whose only per-response part is a short value in known slots.

A cached page that carries a per-visitor value (a CSRF token) would otherwise
have to be compressed again on every response, which costs more than everything
else in serving it. Here the fixed parts are compressed once, each ending with a
full flush: a full flush resets the compressor, so no later block refers back
across it, and independently compressed pieces can be laid side by side to form
one valid deflate stream. A response then compresses only its slot value (a
few dozen bytes) and splices it between the stored pieces.
"""

import os
import struct
import zlib

_FLUSHED = zlib.Z_FULL_FLUSH


def _deflate(data, *, last):
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(
        zlib.Z_FINISH if last else _FLUSHED
    )


class SlottedPage:
    """A page split at its slots: ``parts[0] slot parts[1] slot ... parts[-1]``.

    Instances are plain data (bytes and tuples), so they pickle into a shared
    cache and are rebuilt nowhere else.
    """

    def __init__(self, text, slot):
        self.parts = tuple(piece.encode() for piece in text.split(slot))
        self.deflated = tuple(
            _deflate(part, last=index == len(self.parts) - 1)
            for index, part in enumerate(self.parts)
        )

    def render(self, value):
        """The page with ``value`` in every slot, uncompressed."""
        return value.encode().join(self.parts)

    def render_gzip(self, value):
        """The same page as a gzip member, compressing only ``value``."""
        filler = value.encode()
        deflated_filler = _deflate(filler, last=False)
        crc = 0
        size = 0
        body = []
        for index, (part, deflated) in enumerate(
            zip(self.parts, self.deflated, strict=True)
        ):
            if index:
                body.append(deflated_filler)
                crc = zlib.crc32(filler, crc)
                size += len(filler)
            body.append(deflated)
            crc = zlib.crc32(part, crc)
            size += len(part)
        return b"".join(
            [_gzip_header(), *body, struct.pack("<II", crc, size & 0xFFFFFFFF)]
        )


def _gzip_header():
    # A random-length file name field varies the compressed length of otherwise
    # equal responses, as Django's GZipMiddleware does against BREACH-style
    # length guessing. Name bytes must not be zero (zero ends the field).
    name = bytes(byte | 1 for byte in os.urandom(1 + os.urandom(1)[0] % 100))
    flags_fname = 0x08
    return (
        b"\x1f\x8b\x08"
        + bytes([flags_fname])
        + b"\x00\x00\x00\x00"  # no modification time, so equal pages stay equal
        + b"\x00\xff"  # no extra flags; operating system unknown
        + name
        + b"\x00"
    )
