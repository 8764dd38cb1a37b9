"""Guards for the project as a whole: migrations, production settings, the lock file."""

import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

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
    base.update({"DJANGO_SETTINGS_MODULE": "ministry.settings.prod", **env})
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
    env = {**PROD_ENV, "PRESS_MEDIA_SERVED_BY": "nginx"}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_media_on_the_filesystem_need_something_said_to_serve_them():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PROD_ENV)
    assert result.returncode != 0
    assert "ministry.W001" in result.stderr
    assert "PRESS_MEDIA_SERVED_BY" in result.stderr


@pytest.mark.parametrize("missing", sorted(PROD_ENV))
def test_production_refuses_to_start_without_its_environment(missing):
    env = {k: v for k, v in PROD_ENV.items() if k != missing}
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


DEVDATA_COMMANDS = {"load_demo_data", "generate_releases", "build_country_fixture"}


def test_production_cannot_load_demo_data_at_all():
    result = run_manage("load_demo_data", "--with-superuser", **PROD_ENV)
    assert result.returncode != 0
    assert "Unknown command: 'load_demo_data'" in result.stderr
    commands = set(run_manage("help", "--commands", **PROD_ENV).stdout.split())
    assert {"load_countries", "setup_roles"} <= commands  # production needs these two
    assert not DEVDATA_COMMANDS & commands


@pytest.mark.parametrize("name", ["dev", "bench"])
def test_development_and_bench_settings_have_the_demo_data_commands(name):
    result = run_manage("help", "--commands", DJANGO_SETTINGS_MODULE=f"ministry.settings.{name}")
    assert DEVDATA_COMMANDS <= set(result.stdout.split()), result.stderr


S3_ENV = {
    "MEDIA_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": "press-media",
    "AWS_S3_ENDPOINT_URL": "https://objects.example:9000",
    "AWS_ACCESS_KEY_ID": "test-key",
    "AWS_SECRET_ACCESS_KEY": "test-secret",
}
SHOW_STORAGE = (
    "from django.core.files.storage import storages; s = storages['default']; "
    "print(type(s).__module__, type(s).__name__); print(s.url('photos/2026/01/a.jpg'))"
)


def test_media_go_to_s3_compatible_storage_when_configured():
    result = run_manage("shell", "-v0", "-c", SHOW_STORAGE, **PROD_ENV, **S3_ENV)
    assert result.returncode == 0, result.stderr
    backend, url = result.stdout.splitlines()
    assert backend == "storages.backends.s3 S3Storage"
    # Plain, unsigned addresses: a cached page may carry them.
    assert url == "https://objects.example:9000/press-media/photos/2026/01/a.jpg"
    # The pages may show photos from there: the CSP allows the store's origin.
    show_csp = "from django.conf import settings as s; print(s.CONTENT_SECURITY_POLICY)"
    csp = run_manage("shell", "-v0", "-c", show_csp, **PROD_ENV, **S3_ENV).stdout
    assert "'https://objects.example:9000'" in csp
    check = run_manage("check", "--deploy", "--fail-level", "WARNING", **PROD_ENV, **S3_ENV)
    assert check.returncode == 0, check.stdout + check.stderr


def test_s3_media_need_a_bucket_and_known_storage_names():
    env = {k: v for k, v in S3_ENV.items() if k != "AWS_STORAGE_BUCKET_NAME"}
    result = run_manage("check", **PROD_ENV, **env)
    assert "Set the AWS_STORAGE_BUCKET_NAME environment variable" in result.stderr
    result = run_manage("check", **PROD_ENV, MEDIA_STORAGE="nfs")
    assert result.returncode != 0 and "MEDIA_STORAGE" in result.stderr


def test_a_read_replica_is_added_only_when_configured():
    show = "from django.conf import settings as s; print(sorted(s.DATABASES), s.PRESS_READ_REPLICA)"
    result = run_manage("shell", "-v0", "-c", show, **PROD_ENV)
    assert result.stdout.strip() == "['default'] None", result.stderr
    replica = "postgres://press@replica.example:5432/press"
    result = run_manage("shell", "-v0", "-c", show, **PROD_ENV, DATABASE_REPLICA_URL=replica)
    assert result.stdout.strip() == "['default', 'replica'] replica", result.stderr


def test_no_code_reaches_files_through_a_local_path():
    """Media may live in object storage: files are opened, saved and deleted via the storage."""
    offenders = []
    for source in [*ROOT.joinpath("press").rglob("*.py"), *ROOT.joinpath("ministry").rglob("*.py")]:
        text = source.read_text()
        for needle in (".image.path", ".file.path", ".portrait.path", "storage.path("):
            if needle in text:
                offenders.append(f"{source.relative_to(ROOT)}: {needle}")
    assert not offenders


def read_requirements(filename):
    """Returns the requirements a requirements file names, with those of the files it includes."""
    requirements = []
    for line in ROOT.joinpath(filename).read_text().splitlines():
        line = line.partition("#")[0].strip()
        if line.startswith("-r "):
            requirements += read_requirements(line.removeprefix("-r ").strip())
        elif line:
            requirements.append(Requirement(line))
    return requirements


def read_lock():
    """Returns each package's pinned version in requirements.lock, and the names that uv marks
    as asked for by requirements*.txt themselves ("# via -r requirements…")."""
    pins, asked_for = {}, set()
    for line in ROOT.joinpath("requirements.lock").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            pin = Requirement(line)
            name = canonicalize_name(pin.name)
            (exact,) = pin.specifier
            pins[name] = exact.version
        elif "-r requirements" in line:
            asked_for.add(name)
    return pins, asked_for


def test_the_lock_pins_exactly_what_the_requirements_name():
    """Run make lock after editing requirements*.txt: make install takes versions from the lock."""
    pins, asked_for = read_lock()
    requirements = {canonicalize_name(r.name): r for r in read_requirements("requirements-dev.txt")}
    problems = [f"{name} is missing" for name in sorted(requirements.keys() - asked_for)]
    problems += [f"{name} is not asked for" for name in sorted(asked_for - requirements.keys())]
    problems += [
        f"{name}=={pins[name]} is outside {requirement.specifier}"
        for name, requirement in requirements.items()
        if name in pins and not requirement.specifier.contains(pins[name], prereleases=True)
    ]
    assert not problems, "requirements.lock is stale (run make lock): " + "; ".join(problems)


def test_the_deploy_guide_names_files_that_exist():
    guide = (ROOT / "docs" / "deploy.md").read_text()
    named = set(re.findall(r"\(\.\./(deploy/[\w.-]+)\)", guide))
    assert {"deploy/press.service", "deploy/nginx-media.conf"} <= named
    assert all((ROOT / name).is_file() for name in named), named
    unit = (ROOT / "deploy" / "press.service").read_text()
    assert "gunicorn -c gunicorn.conf.py ministry.wsgi" in unit
    # The task workers' template unit (its "@" is outside the pattern above).
    assert "(../deploy/press-worker@.service)" in guide
    worker = (ROOT / "deploy" / "press-worker@.service").read_text()
    assert "manage.py db_worker --no-reload" in worker
