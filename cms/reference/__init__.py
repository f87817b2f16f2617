"""The platform's reference data (taxonomy, departments): keys used in URLs, French labels."""

import functools
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


@functools.cache
def taxonomy() -> dict:
    return json.loads((HERE / "taxonomy.json").read_text(encoding="utf-8"))


@functools.cache
def departments() -> list[dict]:
    return json.loads((HERE / "departments.json").read_text(encoding="utf-8"))


def department_choices() -> list[tuple[str, str]]:
    return [(item["code"], f"{item['code']} · {item['name']}") for item in departments()]
