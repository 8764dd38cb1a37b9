"""Who else has a release's change form open: the form's heartbeat and its goodbye.

``static/js/admin-presence.js`` posts to ``presence_view`` while the form is open and
visible, and shows the names it answers with; on leaving the page it sends a beacon to
``presence_left_view``. Both are POSTs through the admin's CSRF protection. The sessions
themselves are ``services.editing_session_beat`` and ``editing_session_end``.
"""

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from press import services
from press.admin.pages import get_release


def present_messages(sessions) -> list[str]:
    """Return the warning, in the viewer's language, for each other editor present."""
    return [
        _("%(name)s has this release open now and may change it.")
        % {"name": session.user.get_full_name() or session.user.get_username()}
        for session in sessions
    ]


@require_POST
def presence_view(request, pk, *, model_admin):
    """Note the editor's beat; answer with the warnings about the others present."""
    release = get_release(model_admin, request, pk, change=True)
    others = services.editing_session_beat(release=release, user=request.user)
    return JsonResponse({"present": present_messages(others)})


@require_POST
def presence_left_view(request, pk, *, model_admin):
    """Forget the editor's session: they left the page."""
    release = get_release(model_admin, request, pk, change=True)
    services.editing_session_end(release=release, user=request.user)
    return HttpResponse(status=204)
