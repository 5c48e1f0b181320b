"""The real-server fixtures of tests/servers.py: they start, isolate tests, and fail loudly."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import redis
import sqlalchemy as sa

from tests import servers
from tests.servers import PostgresServer, RedisServer, _database_name, _version_key

REPO_ROOT = Path(__file__).resolve().parent.parent

# URLs and database names handed out so far in this session, to prove per-test isolation.
_seen_postgres_urls: list[str] = []


def test_postgres_roundtrip_through_sqlalchemy_and_psycopg(postgres_url: str) -> None:
    assert postgres_url.startswith("postgresql+psycopg://postgres@127.0.0.1:")
    engine = sa.create_engine(postgres_url)
    articles = sa.Table(
        "articles",
        sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
    )
    try:
        articles.metadata.create_all(engine)
        with engine.begin() as conn:
            conn.execute(articles.insert(), [{"title": "焦作日报 第一版"}, {"title": "焦作網 繁體"}])
        with engine.connect() as conn:
            titles = conn.execute(sa.select(articles.c.title).order_by(articles.c.id)).scalars().all()
            encoding = conn.execute(sa.text("SHOW server_encoding")).scalar_one()
    finally:
        engine.dispose()
    assert titles == ["焦作日报 第一版", "焦作網 繁體"]
    assert encoding == "UTF8"


def test_postgres_server_is_loopback_only_and_unsynced(postgres_server: PostgresServer) -> None:
    engine = sa.create_engine(postgres_server.url())
    try:
        with engine.connect() as conn:
            listen = conn.execute(sa.text("SHOW listen_addresses")).scalar_one()
            fsync = conn.execute(sa.text("SHOW fsync")).scalar_one()
    finally:
        engine.dispose()
    assert listen == "127.0.0.1"
    assert fsync == "off"


@pytest.mark.parametrize("run", ["first", "second"])
def test_each_postgres_url_is_a_distinct_empty_database(
    postgres_url: str, postgres_server: PostgresServer, run: str
) -> None:
    """Both runs leave a table behind; whichever runs second must still start empty, in a new database."""
    engine = sa.create_engine(postgres_url)
    try:
        with engine.begin() as conn:
            tables = sa.inspect(conn).get_table_names()
            conn.execute(sa.text("CREATE TABLE leftover (run text)"))
            conn.execute(sa.text("INSERT INTO leftover VALUES (:run)"), {"run": run})
            existing = set(conn.execute(sa.text("SELECT datname FROM pg_database")).scalars())
    finally:
        engine.dispose()
    assert tables == []
    assert postgres_url not in _seen_postgres_urls
    earlier_names = {url.rsplit("/", 1)[1] for url in _seen_postgres_urls}
    assert not earlier_names & existing, "an earlier test's database was not dropped"
    _seen_postgres_urls.append(postgres_url)


def test_create_database_gives_a_separate_database(
    postgres_server: PostgresServer, postgres_url: str
) -> None:
    name = _database_name("extra database")
    extra_url = postgres_server.create_database(name)
    try:
        assert extra_url != postgres_url
        engine = sa.create_engine(extra_url)
        try:
            with engine.connect() as conn:
                assert conn.execute(sa.text("SELECT current_database()")).scalar_one() == name
        finally:
            engine.dispose()
    finally:
        postgres_server.drop_database(name)


def test_drop_database_ends_open_connections(postgres_server: PostgresServer) -> None:
    name = _database_name("open connection")
    engine = sa.create_engine(postgres_server.create_database(name))
    conn = engine.connect()
    conn.execute(sa.text("SELECT 1"))
    try:
        postgres_server.drop_database(name)
    finally:
        engine.dispose()
    admin = sa.create_engine(postgres_server.url())
    try:
        with admin.connect() as check:
            left = check.execute(sa.text("SELECT count(*) FROM pg_database WHERE datname = :n"), {"n": name})
            assert left.scalar_one() == 0
    finally:
        admin.dispose()


@pytest.mark.parametrize("run", ["first", "second"])
def test_redis_set_get_on_a_flushed_server(redis_url: str, run: str) -> None:
    """Both runs write the same key; each must find the server empty when it starts."""
    assert redis_url.startswith("redis://127.0.0.1:")
    client = redis.Redis.from_url(redis_url)
    try:
        assert client.dbsize() == 0
        client.set("page:1", f"焦作日报 {run}".encode())
        assert client.get("page:1").decode() == f"焦作日报 {run}"
    finally:
        client.close()


def test_redis_server_keeps_nothing_on_disk(redis_server: RedisServer) -> None:
    with redis_server.client() as client:
        assert client.config_get("save") == {"save": ""}
        assert client.config_get("appendonly") == {"appendonly": "no"}
        assert client.config_get("bind") == {"bind": "127.0.0.1"}


def test_database_names_are_unique_and_fit_postgres_limit() -> None:
    names = [_database_name("test_x[" + "很长的参数" * 30 + "]") for _ in range(3)]
    assert len(set(names)) == 3
    assert all(len(name.encode()) <= 63 and name.isascii() for name in names)


def test_newest_postgres_version_sorts_first() -> None:
    dirs = ["/usr/lib/postgresql/9.6/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"]
    assert sorted(dirs, key=_version_key, reverse=True)[0] == "/usr/lib/postgresql/16/bin"


INNER_PG_TEST = "def test_pg(postgres_url):\n    pass\n"
INNER_REDIS_TEST = "def test_redis(redis_url):\n    pass\n"


def _run_inner_session(
    tmp_path: Path, tests: list[str], env_overrides: dict[str, str]
) -> subprocess.CompletedProcess:
    """Run a tiny pytest session that uses the fixtures under altered binary locations."""
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (tmp_path / "test_inner.py").write_text("\n\n".join(tests), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), **env_overrides}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rA",
            "-p",
            "tests.servers",
            "-p",
            "no:cacheprovider",
            "-c",
            str(tmp_path / "pytest.ini"),
            str(tmp_path / "test_inner.py"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_missing_binaries_fail_instead_of_skipping(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere")
    result = _run_inner_session(
        tmp_path, [INNER_PG_TEST, INNER_REDIS_TEST], {"JZ_PG_BINDIR": missing, "JZ_REDIS_SERVER": missing}
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "2 errors" in output and "skipped" not in output, output
    assert "PostgreSQL binaries not found" in output
    assert "redis-server not found" in output


def test_server_that_dies_at_startup_fails_with_reason(tmp_path: Path) -> None:
    result = _run_inner_session(tmp_path, [INNER_REDIS_TEST], {"JZ_REDIS_SERVER": "/bin/false"})
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "1 error" in output and "passed" not in output and "skipped" not in output, output
    assert "redis-server did not start" in output and "exited with status 1" in output


def test_install_script_is_a_no_op_when_servers_are_present() -> None:
    script = REPO_ROOT / ".ci" / "install-services.sh"
    result = subprocess.run(["sh", str(script)], capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "install-services: postgresql and redis-server already present"
    assert result.stderr == ""


def test_redis_start_moves_on_when_its_port_was_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process grabs the chosen port before redis binds it: start retries on a new port."""
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = squatter.getsockname()[1]
        ports = iter([taken, servers._free_loopback_port()])
        monkeypatch.setattr(servers, "_free_loopback_port", lambda: next(ports))
        root = servers._private_dir("jz-redis-test-", shared_with_other_user=False)
        server = RedisServer(servers.find_redis_server() or "redis-server", root)
        try:
            server.start()
            assert server.port != taken
            with server.client() as client:
                assert client.ping()
        finally:
            server.stop()
            shutil.rmtree(root, ignore_errors=True)
