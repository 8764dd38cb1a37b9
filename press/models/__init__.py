"""The press office's domain, one module per subdomain; every name is importable from here."""

from press.models.releases import *  # noqa: F403
