"""A new gunicorn worker makes what its first pages need before it takes traffic
(ministry/warmup.py, called by gunicorn.conf.py's post_worker_init)."""

import gc
import os
import runpy
import types

import pytest
from django.conf import settings
from django.template import engines
from gunicorn.config import Config
from gunicorn.glogging import Logger

from ministry import warmup
from press.search import entities

pytestmark = pytest.mark.django_db(transaction=True)


def cached_templates() -> set[str]:
    loader = engines["django"].engine.template_loaders[0]
    return {template.origin.template_name for template in loader.get_template_cache.values()}


def test_a_new_worker_compiles_the_public_templates_and_loads_the_names_first(
    client, kyrgyzstan, capfd
):
    engines["django"].engine.template_loaders[0].reset()
    entities._kept = (None, None)
    hooks = runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))

    # What gunicorn gives the hook: the worker, with its pid and gunicorn's own logger.
    worker = types.SimpleNamespace(pid=os.getpid(), log=Logger(Config()))
    try:
        hooks["post_worker_init"](worker=worker)
        # What it made (and all before) is left out of the collector's full passes.
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()

    assert set(warmup.TEMPLATES) <= cached_templates()
    assert entities._kept[0] is not None  # the table of names, at its current version
    assert entities.table() is entities._kept[1]
    # What the first home page would have loaded is there: it renders from the cache.
    assert "press/home.html" in cached_templates()
    assert client.get("/uz/").status_code == 200
    # bench/load.py waits for this line from every worker before it measures.
    assert f"Worker {os.getpid()} ready to serve" in capfd.readouterr().err
