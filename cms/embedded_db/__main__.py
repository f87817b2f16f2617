import sys

from cms.embedded_db import stop

if __name__ == "__main__":
    if sys.argv[1:] != ["stop"]:
        sys.exit("usage: python -m cms.embedded_db stop")
    print("Embedded PostgreSQL stopped." if stop() else "Embedded PostgreSQL was not running.")
