"""Real Zope servers for the tests that need one: a scratch instance, its site, its process."""

from pathlib import Path

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
# A password that passes the production path's policy (scripts/create_site.py without --demo).
ADMIN = ("admin", "Gov-Test-2026")


def free_port():
    """A TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ZopeInstance:
    """A Zope instance with the project's configuration in a folder of its own."""

    def __init__(self, home, site_id="gov", env=None):
        self.home = Path(home)
        self.site_id = site_id
        self.extra_env = env or {}
        self.process = None
        self.port = None
        if not (self.home / "etc").exists():
            shutil.copytree(ROOT / "instance" / "etc", self.home / "etc")
        for sub in ("filestorage", "blobstorage", "log", "cache"):
            (self.home / "var" / sub).mkdir(parents=True, exist_ok=True)

    @property
    def env(self):
        """The environment `make` would give the instance."""
        env = dict(os.environ)
        # The test run's own journal is not this instance's: it keeps its own beside
        # its database unless the test names one.
        env.pop("GOV_JOURNAL_DSN", None)
        env.setdefault("GOV_STORAGE", "filestorage")
        env.update(
            GOV_INSTANCE_HOME=str(self.home),
            SITE_ID=self.site_id,
            ADMIN_USER=ADMIN[0],
            ADMIN_PASSWORD=ADMIN[1],
            **self.extra_env,
        )
        return env

    def zconsole(self, script, *args, timeout=600):
        """Run a script against the (stopped) instance's database."""
        result = subprocess.run(
            [str(BIN / "zconsole"), "run", str(self.home / "etc" / "zope.conf")]
            + [str(script), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=ROOT,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def create_site(self, demo=True):
        """Create the site as `make start` does."""
        args = ["--demo"] if demo else []
        return self.zconsole(ROOT / "scripts" / "create_site.py", *args)

    @property
    def url(self):
        """The site's address."""
        return f"http://127.0.0.1:{self.port}/{self.site_id}"

    def start(self, port=None, timeout=120):
        """Serve the instance with runwsgi, as `make start` does; wait until it answers."""
        self.port = port or self.port or free_port()
        log = open(self.home / "var" / "log" / "server.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [str(BIN / "runwsgi"), str(self.home / "etc" / "zope.ini")]
            + ["http_host=127.0.0.1", f"http_port={self.port}"],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped: see {log.name}")
            try:
                with urllib.request.urlopen(self.url, timeout=5):  # noqa: S310
                    return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        raise RuntimeError(f"the server did not answer in {timeout} s")

    def stop(self, kill=False):
        """Stop the server: gracefully, or with SIGKILL as a crash would."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
