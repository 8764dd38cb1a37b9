"""The editors' interface: Django's admin for releases and the reference data they cite.

Django's admin autodiscovery imports ``press.admin``; importing the two modules below
registers every ModelAdmin. What lives where:

- ``reference.py``: countries, topics, people, posts and appointments;
- ``releases.py``: the release's list and change form, and ``get_urls`` for its own pages;
- ``release_form.py``, ``inlines.py``, ``filters.py``, ``display.py``: its form (locking,
  corrections), photo and document inlines, list filters, and how states and times show;
- plain views, each taking the ModelAdmin: ``workflow.py`` (the buttons), ``revisions.py``
  (list, compare, revert), ``previews.py`` (unsaved changes, preview links),
  ``duplicate.py`` (duplicate as a new draft); ``pages.py`` is what they share;
- ``transliteration_actions.py`` (fill one Uzbek script from the other), ``editor.py``
  (the rich text editor), ``desk.py`` (the queues on the admin's first page),
  ``notifications.py`` (each person's notifications and preferences, reviewers' comments);
- ``tasks.py``: the background tasks, for administrators (what failed for good, and why);
  ``telegram.py``: what a release's change form shows of its Telegram posts.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from press.admin import reference, releases, tasks  # noqa: F401 (registers the ModelAdmins)

admin.site.site_header = _("Press office of the Ministry of Foreign Affairs")
admin.site.site_title = _("Press office")
admin.site.index_title = _("Press office administration")
