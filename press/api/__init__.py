"""The public read-only API, /api/v1/: releases, countries, topics and officials.

It reads through the same verbs as the public pages (``Release.objects.public(code)``), the
same filters (press/site/filters.py) and the same search (press/search.py); it never writes.
How to call it is in docs/api.md.
"""
