"""The newsroom terminal UI and command line; the only package that imports textual."""

import os

# Textual paints a change at the next tick of a clock that runs at TEXTUAL_FPS (60 by
# default), so every key waited up to 17 ms for its frame, twice in a page down + enter.
# At 120 the wait is at most 8 ms; frames are still only drawn when something changed.
# A user's own TEXTUAL_FPS wins. Set before textual is first imported: it reads it once.
os.environ.setdefault("TEXTUAL_FPS", "120")
