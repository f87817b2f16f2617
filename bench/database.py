"""The benchmarks' own database on the same server as the project's, so the dev data stays untouched."""


def use_bench_database(name: str, fresh: bool) -> None:
    """Point Django at database ``name`` before anything connects, creating it if needed."""
    import psycopg
    from django.conf import settings

    settings.DEBUG = False  # no query log growing through thousands of runs
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the demo's notifications
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "cms.embedded_db":
        from cms.embedded_db import ensure_running

        params = {**ensure_running("postgres"), "dbname": "postgres"}
    else:
        params = {
            "host": database.get("HOST") or None,
            "port": database.get("PORT") or None,
            "user": database.get("USER") or None,
            "password": database.get("PASSWORD") or None,
            "dbname": "postgres",
        }
    with psycopg.connect(autocommit=True, **params) as connection:
        if fresh:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f"CREATE DATABASE {name}")
    database["NAME"] = name


def database_url(name: str) -> str:
    """The URL of database ``name`` on the project's server, for the processes a benchmark starts."""
    import os
    from urllib.parse import quote

    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "cms.embedded_db":
        from cms.embedded_db import ensure_running

        params = ensure_running(database["NAME"])
        return f"postgres://postgres@{quote(params['host'], safe='')}:{params['port']}/{name}"
    return os.environ["DATABASE_URL"].rsplit("/", 1)[0] + f"/{name}"


def drop_bench_database(name: str) -> None:
    from django.db import connection

    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def add_platform_arguments(parser) -> None:
    """The size of the generated platform (``bench.generate``), as the benchmarks over it take it."""
    parser.add_argument("--resources", type=int, default=100_000)
    parser.add_argument("--bases", type=int, default=2_000)
    parser.add_argument("--users", type=int, default=50_000)
    parser.add_argument("--private-share", type=float, default=0.1, help="part des bases privées")
