"""Session fixtures for the local copy of the sites.

Load with ``pytest_plugins = ["tests.sites.pytest_plugin"]``. Fixtures:

- ``local_site``: the running :class:`tests.sites.server.LocalSite` (one per session; reset after each use);
- ``site_url``: its base URL, ``http://127.0.0.1:PORT``;
- ``expected_records``: the expected export records, one per article (``path`` relative to ``site_url``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.sites.server import LocalSite


@pytest.fixture(scope="session")
def _local_site_session() -> Iterator[LocalSite]:
    site = LocalSite().start()
    yield site
    site.stop()


@pytest.fixture
def local_site(_local_site_session: LocalSite) -> Iterator[LocalSite]:
    """The running local copy; changes and fault settings a test makes are undone after it."""
    _local_site_session.reset()
    yield _local_site_session
    _local_site_session.reset()


@pytest.fixture(scope="session")
def site_url(_local_site_session: LocalSite) -> str:
    return _local_site_session.base_url


@pytest.fixture(scope="session")
def expected_records(_local_site_session: LocalSite) -> list[dict[str, Any]]:
    return _local_site_session.site.expected
