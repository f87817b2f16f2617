"""Importing La Base's database: one module per family of its tables, run in order by ``run``."""
