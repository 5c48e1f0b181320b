"""Pytest plugin: real PostgreSQL and redis-server instances for the test suite.

Load with ``pytest_plugins = ["tests.servers"]`` in the root conftest (or ``-p tests.servers``).

Fixtures:
  * ``postgres_server`` (session): a private PostgreSQL cluster on a free loopback port.
  * ``postgres_url`` (function): SQLAlchemy URL of a fresh, empty database, dropped after the test.
  * ``redis_server`` (session): a private ``redis-server`` on a free loopback port, no persistence.
  * ``redis_url`` (function): URL of that server, flushed (FLUSHALL) before the test.

A missing binary or a server that does not come up FAILS the requesting test (never a skip), with
the server's log tail in the message. Each server lives in its own ``mkdtemp`` directory and binds a
port picked by the kernel, so parallel sessions on a shared ``/tmp`` do not collide.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import re
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

READY_TIMEOUT_S = 30.0  # bounded wait for a server to accept connections
POLL_INTERVAL_S = 0.1  # readiness poll period: short, startup usually takes < 1 s
STOP_TIMEOUT_S = 15.0  # how long a fast shutdown may take before we kill
START_ATTEMPTS = 3  # a kernel-chosen port can be taken between probe and bind: retry with a new one
LOG_TAIL_LINES = 40  # lines of server log quoted in a failure message
MAX_SOCKET_DIR_LEN = 80  # unix socket paths are limited to ~107 bytes; keep headroom for the file name
PG_SYSTEM_USER = "postgres"  # initdb/postgres refuse to run as root; Debian's package creates this user
PG_BINDIR_ENV = "JZ_PG_BINDIR"  # override for non-Debian layouts
PG_BINDIR_GLOB = "/usr/lib/postgresql/*/bin"  # Debian's versioned install layout
REDIS_SERVER_ENV = "JZ_REDIS_SERVER"  # override for a redis-server outside PATH
EXTRA_BIN_DIRS = ("/usr/sbin", "/usr/bin", "/usr/local/bin")  # CI PATHs sometimes lack sbin
INSTALL_HINT = "run .ci/install-services.sh (as root) to install postgresql and redis-server"

# initdb: UTF-8 whatever the machine's locale (articles are Chinese), byte-order collation, trust auth.
INITDB_OPTIONS = ("--encoding", "UTF8", "--no-locale", "--auth", "trust", "--no-sync", "--no-instructions")
# A login-less system account, as Debian's postgresql package would create it.
USERADD_OPTIONS = ("--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin")
# redis-server: no RDB snapshots, no AOF, foreground so we own the process.
REDIS_OPTIONS = ("--save", "", "--appendonly", "no", "--daemonize", "no")

# CREATE DATABASE ... STRATEGY exists from PostgreSQL 15 on; with fsync off, FILE_COPY takes ~70 ms
# per test database against ~175 ms for the default WAL_LOG (measured on 15, 2 cores).
PG15 = 150000

# Servers run in their own session with no stdin, so Ctrl-C at the terminal does not kill them mid-test.
DETACHED = {"stdin": subprocess.DEVNULL, "start_new_session": True}

# Server settings: durability is useless for throwaway test data, speed is what matters.
PG_SERVER_SETTINGS = {
    "listen_addresses": "127.0.0.1",  # loopback only
    "fsync": "off",  # no disk flushes
    "synchronous_commit": "off",  # commits do not wait for WAL
    "full_page_writes": "off",  # no crash-safety page images
    "shared_buffers": "32MB",  # small footprint, several sessions may run at once
    "max_connections": "50",  # plenty for tests, less shared memory
    "logging_collector": "off",  # log to stderr, which we redirect to a file
}


def _log_tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    """Last ``lines`` lines of a log file, or a note that there is none."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return f"(no log at {path})"
    tail = text.splitlines()[-lines:]
    return "\n".join(tail) if tail else f"(log {path} is empty)"


def _free_loopback_port() -> int:
    """A TCP port on 127.0.0.1 that the kernel reports free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _version_key(bindir: str) -> tuple[int, ...]:
    """Sort key for ``/usr/lib/postgresql/<version>/bin`` (numeric, so 16 > 9.6)."""
    version = Path(bindir).parent.name
    return tuple(int(part) for part in re.findall(r"\d+", version))


def find_pg_bindir() -> Path | None:
    """Newest PostgreSQL bin directory holding initdb and pg_ctl, or None."""
    override = os.environ.get(PG_BINDIR_ENV)
    candidates = [override] if override else sorted(glob.glob(PG_BINDIR_GLOB), key=_version_key, reverse=True)
    on_path = shutil.which("pg_ctl")
    if not override and on_path:
        candidates.append(str(Path(on_path).parent))
    for candidate in candidates:
        bindir = Path(candidate)
        if all((bindir / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres", "pg_isready")):
            return bindir
    return None


def find_redis_server() -> str | None:
    """Path of the redis-server binary, or None."""
    override = os.environ.get(REDIS_SERVER_ENV)
    if override:
        return override if os.access(override, os.X_OK) else None
    search_path = os.pathsep.join([os.environ.get("PATH", ""), *EXTRA_BIN_DIRS])
    return shutil.which("redis-server", path=search_path)


def _world_traversable(path: Path) -> bool:
    """True when every directory from / down to ``path`` lets other users pass through."""
    return all(directory.stat().st_mode & stat.S_IXOTH for directory in [path, *path.parents])


def _private_dir(prefix: str, shared_with_other_user: bool) -> Path:
    """A fresh, uniquely named temp dir; under /tmp when another user must reach it or paths run long."""
    base = Path(tempfile.gettempdir()).resolve()
    too_long = len(str(base)) > MAX_SOCKET_DIR_LEN - 20
    if too_long or (shared_with_other_user and not _world_traversable(base)):
        base = Path("/tmp")
    return Path(tempfile.mkdtemp(prefix=prefix, dir=base))


def _pg_account() -> pwd.struct_passwd | None:
    """The account to run PostgreSQL as: None when we are not root (run as ourselves)."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(PG_SYSTEM_USER)
    except KeyError:
        pass
    created = subprocess.run(["useradd", *USERADD_OPTIONS, PG_SYSTEM_USER], capture_output=True, text=True)
    if created.returncode != 0:
        pytest.fail(f"cannot create system user {PG_SYSTEM_USER!r} for PostgreSQL: {created.stderr.strip()}")
    return pwd.getpwnam(PG_SYSTEM_USER)


def _clean_env() -> dict[str, str]:
    """Our environment without PG* variables, which would redirect the server tools."""
    return {key: value for key, value in os.environ.items() if not key.startswith("PG")}


def _wait_until(
    ready: Callable[[], bool], process: subprocess.Popen, timeout: float = READY_TIMEOUT_S
) -> str | None:
    """Poll ``ready()`` until true; return None, or why we gave up (process exited / timeout)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ready():
            return None
        if process.poll() is not None:
            return f"exited with status {process.returncode}"
        time.sleep(POLL_INTERVAL_S)
    return f"not ready after {timeout:.0f} s"


def _stop_process(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    """Signal a server process and wait; kill it if it outlives STOP_TIMEOUT_S."""
    if process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT_S)


class PostgresServer:
    """A throwaway PostgreSQL cluster: initdb into ``root/data``, listening on 127.0.0.1:``port``."""

    host = "127.0.0.1"
    user = "postgres"  # the cluster's superuser name, fixed by ``initdb -U``

    def __init__(self, bindir: Path, root: Path, account: pwd.struct_passwd | None) -> None:
        self.bindir = bindir
        self.root = root
        self.data_dir = root / "data"
        self.socket_dir = root / "sock"
        self.log_path = root / "server.log"
        self.account = account
        self.port = 0
        self.process: subprocess.Popen | None = None

    def _process_options(self) -> dict:
        """subprocess keyword arguments for every PostgreSQL tool: its dir, no PG* env, root dropped."""
        options: dict = {"cwd": self.root, "env": _clean_env()}
        if self.account is not None:
            options |= {"user": self.account.pw_uid, "group": self.account.pw_gid, "extra_groups": []}
        return options

    def _give_to_owner(self, path: Path) -> None:
        if self.account is not None:
            os.chown(path, self.account.pw_uid, self.account.pw_gid)

    def _run_tool(self, args: list[str], timeout: float = 120.0) -> subprocess.CompletedProcess:
        return subprocess.run(
            args, capture_output=True, text=True, timeout=timeout, **self._process_options()
        )

    def init_cluster(self) -> None:
        """Create the data directory: UTF-8, C collation, trust auth for the ``postgres`` superuser."""
        self._give_to_owner(self.root)
        self.socket_dir.mkdir(mode=0o700)
        self._give_to_owner(self.socket_dir)
        initdb = [str(self.bindir / "initdb"), "--pgdata", str(self.data_dir), "--username", self.user]
        result = self._run_tool([*initdb, *INITDB_OPTIONS])
        if result.returncode != 0:
            pytest.fail(
                f"initdb failed ({result.returncode}) in {self.data_dir}:\n{result.stdout}\n{result.stderr}"
            )

    def _is_ready(self) -> bool:
        """Probe through our private unix socket: a stranger on the TCP port cannot answer for us."""
        target = [
            "-h",
            str(self.socket_dir),
            "-p",
            str(self.port),
            "-U",
            self.user,
            "-d",
            "postgres",
            "-t",
            "1",
        ]
        probe = subprocess.run(
            [str(self.bindir / "pg_isready"), *target], env=_clean_env(), capture_output=True
        )
        return probe.returncode == 0

    def _server_args(self) -> list[str]:
        where = {"port": str(self.port), "unix_socket_directories": str(self.socket_dir)}
        args = [str(self.bindir / "postgres"), "-D", str(self.data_dir)]
        for name, value in {**PG_SERVER_SETTINGS, **where}.items():
            args += ["-c", f"{name}={value}"]
        return args

    def start(self) -> None:
        """Start the postmaster on a free port, retrying with a new port if that one was taken."""
        failures: list[str] = []
        for _ in range(START_ATTEMPTS):
            self.port = _free_loopback_port()
            with open(self.log_path, "ab") as log:
                self._give_to_owner(self.log_path)
                output = {"stdout": log, "stderr": subprocess.STDOUT}
                self.process = subprocess.Popen(
                    self._server_args(), **output, **DETACHED, **self._process_options()
                )
            problem = _wait_until(self._is_ready, self.process)
            if problem is None:
                return
            failures.append(f"port {self.port}: {problem}")
            self.stop()
        pytest.fail(
            f"PostgreSQL did not start ({'; '.join(failures)}). Log tail of {self.log_path}:\n"
            f"{_log_tail(self.log_path)}"
        )

    def stop(self) -> None:
        """Fast shutdown via ``pg_ctl stop -m fast``; signal the postmaster directly if that fails."""
        if self.process is None or self.process.poll() is not None:
            return
        stop_args = ["stop", "-D", str(self.data_dir), "-m", "fast", "-w", "-t", str(int(STOP_TIMEOUT_S))]
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._run_tool([str(self.bindir / "pg_ctl"), *stop_args], timeout=STOP_TIMEOUT_S + 5)
        _stop_process(self.process, signal.SIGINT)  # SIGINT is the postmaster's "fast" shutdown

    def url(self, dbname: str = "postgres") -> str:
        """SQLAlchemy URL (psycopg 3 driver) for ``dbname`` on this server."""
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{dbname}"

    def _admin(self, statement, statement_since_pg15=None) -> None:
        """Run one statement on the maintenance database; the second form when the server is 15+."""
        import psycopg

        with psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname="postgres", autocommit=True
        ) as conn:
            newer = statement_since_pg15 is not None and conn.info.server_version >= PG15
            conn.execute(statement_since_pg15 if newer else statement)

    def create_database(self, name: str) -> str:
        """CREATE DATABASE ``name``; return its SQLAlchemy URL."""
        from psycopg import sql

        create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        self._admin(create, create + sql.SQL(" STRATEGY = FILE_COPY"))
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """DROP DATABASE ``name``, ending any connection a test left open."""
        from psycopg import sql

        self._admin(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


class RedisServer:
    """A throwaway redis-server on 127.0.0.1:``port``, nothing persisted."""

    host = "127.0.0.1"

    def __init__(self, binary: str, root: Path) -> None:
        self.binary = binary
        self.root = root
        self.log_path = root / "redis.log"
        self.socket_path = root / "redis.sock"  # private probe channel, see _is_ready
        self.port = 0
        self.process: subprocess.Popen | None = None

    def client(self):
        """A ``redis.Redis`` connected to this server (database 0)."""
        import redis

        return redis.Redis(host=self.host, port=self.port, socket_timeout=5)

    def _is_ready(self) -> bool:
        """One raw PING on our private unix socket (redis opens it after binding the TCP port).

        Raw, because the redis client's built-in retries stretch each poll to seconds.
        """
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
                conn.settimeout(1)
                conn.connect(str(self.socket_path))
                conn.sendall(b"PING\r\n")
                return conn.recv(64).startswith(b"+PONG")
        except OSError:
            return False

    def start(self) -> None:
        """Start redis-server on a free port, retrying with a new port if that one was taken."""
        failures: list[str] = []
        for _ in range(START_ATTEMPTS):
            self.port = _free_loopback_port()
            where = ["--bind", self.host, "--port", str(self.port), "--dir", str(self.root)]
            where += ["--unixsocket", str(self.socket_path), "--unixsocketperm", "700"]
            args = [self.binary, *where, *REDIS_OPTIONS, "--logfile", str(self.log_path)]
            quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}  # it writes to --logfile
            self.process = subprocess.Popen(args, cwd=self.root, **quiet, **DETACHED)
            problem = _wait_until(self._is_ready, self.process)
            if problem is None:
                return
            failures.append(f"port {self.port}: {problem}")
            self.stop()
        pytest.fail(
            f"redis-server did not start ({'; '.join(failures)}). Log tail of {self.log_path}:\n"
            f"{_log_tail(self.log_path)}"
        )

    def stop(self) -> None:
        if self.process is not None:
            _stop_process(self.process, signal.SIGTERM)

    def url(self, db: int = 0) -> str:
        return f"redis://{self.host}:{self.port}/{db}"

    def flushall(self) -> None:
        with self.client() as conn:
            conn.flushall()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server private to this test session."""
    bindir = find_pg_bindir()
    if bindir is None:
        pytest.fail(f"PostgreSQL binaries not found (looked in {PG_BINDIR_GLOB} and PATH); {INSTALL_HINT}")
    account = _pg_account()
    root = _private_dir("jz-pg-", shared_with_other_user=account is not None)
    server = PostgresServer(bindir, root, account)
    try:
        server.init_cluster()
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


_database_numbers = itertools.count(1)


def _database_name(test_name: str) -> str:
    """Unique, readable database name (<= 63 bytes, PostgreSQL's identifier limit)."""
    slug = re.sub(r"[^a-z0-9]+", "_", test_name.lower()).strip("_")[:32]
    return f"t{next(_database_numbers)}_{uuid.uuid4().hex[:8]}_{slug}".rstrip("_")


@pytest.fixture
def postgres_url(postgres_server: PostgresServer, request: pytest.FixtureRequest) -> Iterator[str]:
    """SQLAlchemy URL of a fresh empty database, dropped when the test ends."""
    name = _database_name(request.node.name)
    url = postgres_server.create_database(name)
    try:
        yield url
    finally:
        postgres_server.drop_database(name)


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    """A redis-server private to this test session."""
    binary = find_redis_server()
    if binary is None:
        pytest.fail(f"redis-server not found on PATH; {INSTALL_HINT}")
    root = _private_dir("jz-redis-", shared_with_other_user=False)
    server = RedisServer(binary, root)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """URL of the session's redis-server, emptied (FLUSHALL) for this test."""
    redis_server.flushall()
    return redis_server.url()
