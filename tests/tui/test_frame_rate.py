"""The app paints at 240 frames a second unless the user's TEXTUAL_FPS says otherwise."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = "import tui.app, textual.screen as s; print(round(1 / s.UPDATE_PERIOD))"


def fps_seen(env_fps: str | None) -> int:
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_FPS"}
    if env_fps is not None:
        env["TEXTUAL_FPS"] = env_fps
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return int(out.stdout)


@pytest.mark.parametrize(("env_fps", "expected"), [(None, 240), ("30", 30)])
def test_frame_rate(env_fps: str | None, expected: int) -> None:
    assert fps_seen(env_fps) == expected
