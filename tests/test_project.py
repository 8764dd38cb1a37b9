"""Guards for the project as a whole: migrations, production settings."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_no_pending_migrations():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=StringIO())
    except SystemExit:
        raise AssertionError("Pending migrations:\n" + out.getvalue()) from None


def run_manage(*args, **env):
    base = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL")}
    base.update(DJANGO_SETTINGS_MODULE="ministry.settings.prod", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=base, capture_output=True, text=True
    )


PROD_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
    "ALLOWED_HOSTS": "press.mfa.example",
    "DATABASE_URL": "postgres://press@db.example:5432/press",
    "REDIS_URL": "redis://cache.example:6379/0",
}


def test_production_settings_pass_the_deploy_check():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PROD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", sorted(PROD_ENV))
def test_production_refuses_to_start_without_its_environment(missing):
    env = {k: v for k, v in PROD_ENV.items() if k != missing}
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr
