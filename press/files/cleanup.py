"""Deleting stored files: once nothing names them, and when the save that wrote them fails.

Files live outside the database, so a rolled-back transaction leaves behind whatever it
wrote to storage. Django runs code after a commit (``transaction.on_commit``), never after
a rollback; instead every file written by ``press/files`` is noted (``note_written``), and
``deleted_if_failed``, wrapped directly around a ``transaction.atomic`` block, deletes what
was written inside it when an exception leaves the block (which Django rolls back). An
inner block that succeeds hands its files to the enclosing one, so a file outlives the
save only when every block around it has succeeded, whatever the nesting (savepoints).
"""

import contextvars
import functools
from contextlib import contextmanager

# The files written since the innermost deleted_if_failed block began: (storage, name).
_written = contextvars.ContextVar("press_files_written", default=None)


def delete_files(storage, names) -> None:
    """Delete stored files, quietly skipping any already gone."""
    for name in names:
        if name:
            storage.delete(name)


def note_written(storage, name: str) -> None:
    """Remember a file just written, for the enclosing ``deleted_if_failed`` to delete if
    its transaction fails; nothing happens outside such a block."""
    written = _written.get()
    if written is not None and name:
        written.append((storage, name))


@contextmanager
def _deleted_if_failed():
    outer = _written.get()
    mine: list = []
    token = _written.set(mine)
    try:
        yield
    except BaseException:
        for storage, name in mine:
            storage.delete(name)
        raise
    else:
        if outer is not None:
            outer.extend(mine)  # still undone if the enclosing transaction fails
    finally:
        _written.reset(token)


def deleted_if_failed(func=None):
    """Delete the files written inside when an exception leaves: a context manager, or a
    decorator put *above* ``@transaction.atomic`` (so that it sees the exception that made
    the transaction roll back)."""
    if func is None:
        return _deleted_if_failed()

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with _deleted_if_failed():
            return func(*args, **kwargs)

    return wrapper
