"""The errors a state change raises, besides Django's ``PermissionDenied``: their message is
written for the editor, translated, and the admin shows it next to the form.
"""

from django.utils.translation import gettext as _

from press.models import Release


class WorkflowError(Exception):
    """A transition that is not allowed now; the message is for the editor, translated.

    ``field`` names the release's field the refusal is about, if one is: the admin shows
    the message next to it.
    """

    def __init__(self, message, *, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field


class ConflictError(WorkflowError):
    """The form was made from a version that a later save has overtaken."""

    def __init__(self, saved: Release):
        super().__init__(
            _(
                "Someone else saved this release after you opened it (now version %(version)s). "
                "Nothing was saved: compare your version with the saved one."
            )
            % {"version": saved.version}
        )
        self.saved = saved
