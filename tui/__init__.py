"""The newsroom terminal UI and command line; the only package that imports textual."""

import os

# Textual paints a change at a tick of a clock that runs at TEXTUAL_FPS (60 by default).
# The first change after a pause is painted at once, but the next one waits one to two
# ticks (the clock skips ahead from where it paused): down + enter, or page down + enter,
# waited 17-33 ms at 60 and 8-17 ms at 120 for the article's frame. At 240 it is 4-8 ms;
# frames are still only drawn when something changed. A user's own TEXTUAL_FPS wins.
# Set before textual is first imported: it reads it once.
os.environ.setdefault("TEXTUAL_FPS", "240")
