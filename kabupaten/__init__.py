"""Reference kabupaten SLRT server (not part of the kiosk's runtime; see server.py)."""
