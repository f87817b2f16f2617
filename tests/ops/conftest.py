import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def manage():
    """Run ``manage.py`` in a fresh process, as an operator would; return the completed process."""

    def run(*args, env=None, settings="cms.settings.test"):
        environment = {
            k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS"}
        }
        environment.update({"DJANGO_SETTINGS_MODULE": settings, **(env or {})})
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )

    return run
