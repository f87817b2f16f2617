"""Benchmark figures are written to docs/performance.md by the scripts that measure them, each in its
own section (between ``<!-- bench:<name> -->`` and ``<!-- /bench:<name> -->``), never by hand."""

import contextlib
import datetime
import io
import os
import platform
import re
import sys
from pathlib import Path

PERFORMANCE = Path(__file__).resolve().parents[1] / "docs" / "performance.md"


@contextlib.contextmanager
def published(name: str):
    """Print what the block prints, as usual, and write it to the ``name`` section of the figures."""
    captured = io.StringIO()
    with contextlib.redirect_stdout(Tee(sys.stdout, captured)):
        yield
    write_section(name, captured.getvalue())


class Tee(io.TextIOBase):
    def __init__(self, *streams):
        self.streams = streams

    def write(self, text):
        for stream in self.streams:
            stream.write(text)
        return len(text)


def write_section(name: str, output: str) -> None:
    """Printed output, as a code block under the date, the machine and its load."""
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    write_markdown_section(
        name,
        f"Run of {datetime.date.today():%Y-%m-%d} on {platform.node()} ({os.cpu_count()} cores, "
        f"load {load} at the end):\n\n```\n{output.rstrip()}\n```",
    )


def write_markdown_section(name: str, body: str) -> None:
    """``body`` (Markdown) as the ``name`` section of the figures, in place of the last one."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    text = PERFORMANCE.read_text() if PERFORMANCE.exists() else "# Performance\n"
    section = f"{start}\n{body}\n{end}"
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.DOTALL)
    text = pattern.sub(lambda _: section, text) if pattern.search(text) else f"{text.rstrip()}\n\n{section}\n"
    PERFORMANCE.write_text(text)
