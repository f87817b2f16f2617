import uuid

from cms.embedded_db import DATA_DIR

WRITE = """
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS embedded_db_probe (token text)")
    cursor.execute("INSERT INTO embedded_db_probe VALUES (%s)", [{token!r}])
"""
READ_AND_DROP = """
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM embedded_db_probe WHERE token = %s", [{token!r}])
    print("found", cursor.fetchone()[0])
    cursor.execute("DROP TABLE embedded_db_probe")
"""


def postmaster_pid() -> str:
    return (DATA_DIR / "postmaster.pid").read_text().splitlines()[0]


def test_data_written_by_one_command_is_read_by_the_next_on_the_same_server(manage):
    token = uuid.uuid4().hex
    first = manage("shell", "-c", WRITE.format(token=token))
    assert first.returncode == 0, first.stderr
    pid = postmaster_pid()

    second = manage("shell", "-c", READ_AND_DROP.format(token=token))
    assert second.returncode == 0, second.stderr
    assert "found 1" in second.stdout
    assert postmaster_pid() == pid, "the second command must reuse the running server"
