"""Deleting stored files (a photo, its renditions, a document) once nothing names them."""


def delete_files(storage, names) -> None:
    """Delete stored files, quietly skipping any already gone."""
    for name in names:
        if name:
            storage.delete(name)
