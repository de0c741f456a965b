"""Sites served for real, on each storage: FileStorage (one Zope) and the RelStorage cluster."""

from dataclasses import dataclass
from pathlib import Path
from scripts.cluster import Cluster
from scripts.cluster import ClusterError
from tests.servers import ADMIN
from tests.servers import free_port

import pytest
import shutil
import tempfile


@dataclass
class ServedSite:
    """Where to reach one site: two instances (the same one on FileStorage) and its front."""

    storage: str
    a: str
    b: str
    front: str


@pytest.fixture(scope="session")
def cluster(tmp_path_factory):
    """PostgreSQL, two Zope instances on RelStorage, HAProxy and Varnish, on free ports."""
    # PostgreSQL and Varnish run as users of their own, who cannot enter pytest's
    # private folders.
    service_folder = Path(tempfile.mkdtemp(prefix="gov-cluster-"))
    service_folder.chmod(0o755)
    running = Cluster(
        folder=tmp_path_factory.mktemp("cluster"),
        port=free_port(),
        balancer_port=free_port(),
        zope_port=free_port(),
        pg_port=free_port(),
        service_folder=service_folder,
        given_dsn="",
        admin=ADMIN,
    )
    try:
        running.start()
    except Exception as error:
        # Whatever started is stopped: no server outlives the test run.
        running.stop()
        shutil.rmtree(service_folder, ignore_errors=True)
        if isinstance(error, ClusterError) and "missing Debian packages" in str(error):
            pytest.skip(f"no PostgreSQL/HAProxy/Varnish to be had here: {error}")
        raise
    yield running
    running.stop()
    shutil.rmtree(service_folder, ignore_errors=True)


@pytest.fixture(params=["filestorage", "relstorage"])
def served(request):
    """The same site on each storage."""
    if request.param == "filestorage":
        server = request.getfixturevalue("file_server")
        return ServedSite("filestorage", server.url, server.url, server.url)
    running = request.getfixturevalue("cluster")
    return ServedSite(
        "relstorage", running.zope_url(1), running.zope_url(2), running.url
    )
