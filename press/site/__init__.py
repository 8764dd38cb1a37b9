"""The public site: what visitors read, and the caches in front of it.

- ``views`` and ``urls``: the pages (home, lists, search, country/topic/official hubs, a
  release, its documents, error pages, robots.txt); ``filters`` builds the lists' queries
  and ``widgets`` draws their form;
- ``feeds``, ``sitemaps`` and ``seo``: what the site tells feed readers, search engines
  and other sites;
- ``page_cache`` (whole pages and a list's counts, kept in the shared cache),
  ``cache_headers`` (``Cache-Control`` for a CDN) and ``public_read`` (the one answer to
  "is this an anonymous visitor reading the public site?", which they and the read-replica
  router share);
- ``preview``: a release as the public will see it, for editors and shareable links.
"""
