"""Terminal escape sequences in text from the web, removed where the text comes in.

A page or feed may carry ESC sequences: CSI colours (ESC [ 31 m), OSC strings (window
titles, ESC ] 8 hyperlinks), and other two-byte escapes. The HTML parser drops the ESC
byte alone and keeps the rest, so "[31mTorres[0m" reached the store, the reader and the
extractor (a speaker "Ana", figures "0 m" and "8"). Removed whole before parsing, they
leave nothing behind; the UI still cleans whatever it shows (`tui.safe_text`).
"""

from __future__ import annotations

import re

# CSI (ESC [ or 8-bit 0x9b) params + final byte; OSC/DCS/SOS/PM/APC strings up to BEL or ST;
# then any other two-byte ESC sequence.
_CSI = r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
_STRING = r"(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
_ESC_PAIR = r"\x1b[ -~]"
SEQUENCE_RE = re.compile(f"{_CSI}|{_STRING}|{_ESC_PAIR}")
_STARTS = re.compile(r"[\x1b\x90\x98\x9b\x9d\x9e\x9f]")  # a cheap test before the scan
# In bytes only the 7-bit forms: 0x9b and its kin are continuation bytes of UTF-8.
_SEQUENCE_BYTES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[ -~]"
)


def strip_escapes(text: str) -> str:
    """`text` without terminal escape sequences (their parameters included)."""
    return SEQUENCE_RE.sub("", text) if _STARTS.search(text) else text


def strip_escapes_bytes(data: bytes) -> bytes:
    """`data` without 7-bit terminal escape sequences."""
    return _SEQUENCE_BYTES.sub(b"", data) if b"\x1b" in data else data
