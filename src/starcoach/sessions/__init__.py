"""Saved sessions: the SQLite store with its migrations, and looking back over them."""
