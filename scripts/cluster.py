"""A scale-out cluster on one machine: PostgreSQL, Zope instances on RelStorage, HAProxy, Varnish.

    python scripts/cluster.py start|stop|status

  browser ──▶ Varnish :8000 ──▶ HAProxy :8090 ──▶ Zope :8081, :8082, … ──▶ PostgreSQL :5433
             (anonymous pages,   (least connections,  (RelStorage, history-free,   (ZODB, blobs and
              purged on change)   health checks)       blobs in the database)        the journal)

Without GOV_RELSTORAGE_DSN a throwaway PostgreSQL cluster is made with initdb in
$CLUSTER_DIR/postgres and started with pg_ctl; with it, that database is used as it is
(the journal then goes to GOV_JOURNAL_DSN, or the same database). PostgreSQL, HAProxy and
Varnish come from Debian's packages and are installed with apt-get when missing.

Settings (environment): CLUSTER_DIR (instance/cluster), CLUSTER_INSTANCES (2),
CLUSTER_PORT (8000, Varnish), CLUSTER_BALANCER_PORT (8090), CLUSTER_ZOPE_PORT (8081, the
first instance), CLUSTER_PG_PORT (5433), SITE_ID, ADMIN_USER, ADMIN_PASSWORD,
CLUSTER_DEMO (1: create the site with demo content).
"""

from pathlib import Path

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request


ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")
DEBIAN_PACKAGES = {"postgresql": "initdb", "haproxy": "haproxy", "varnish": "varnishd"}


class ClusterError(Exception):
    """Something the cluster needs is missing or did not start."""


def pg_bin(name):
    """A PostgreSQL server program: on PATH, or in Debian's versioned folder."""
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / name).exists():
            return str(folder / name)
    return None


def program(name):
    """Where a program is: on PATH, in /usr/sbin (not on every PATH), or PostgreSQL's folder."""
    if name == "initdb":
        return pg_bin(name)
    sbin = Path("/usr/sbin") / name
    return shutil.which(name) or (str(sbin) if sbin.exists() else None)


def ensure_packages(packages):
    """Install the Debian packages whose programs are missing (needs root and apt-get)."""
    missing = [p for p in packages if program(DEBIAN_PACKAGES[p]) is None]
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise ClusterError(
            f"missing Debian packages {' '.join(missing)}: install them (apt-get install {' '.join(missing)})"
        )
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
        check=True,
        env=env,
    )
    # Debian starts the packages' own services; the cluster runs its own processes.
    for service in ("haproxy", "varnish", "postgresql"):
        subprocess.run(
            ["service", service, "stop"], check=False, capture_output=True, env=env
        )


def wait_for(url, timeout, process=None):
    """Poll a URL until it answers (any HTTP status)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise ClusterError(f"process for {url} stopped")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - local URL
                return
        except urllib.error.HTTPError:
            return  # it answers
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise ClusterError(f"{url} did not answer in {timeout} s")


def read_pid(path):
    """The pid in a pid file, or None."""
    try:
        return int(Path(path).read_text().strip())
    except (OSError, ValueError):
        return None


def alive(pid):
    """Whether a process runs."""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Postgres:
    """A throwaway PostgreSQL server in a folder of its own (initdb, pg_ctl)."""

    def __init__(self, folder, port):
        self.folder = Path(folder)
        self.data = self.folder / "data"
        self.port = port
        self.as_postgres = os.geteuid() == 0  # initdb refuses to run as root

    def run(self, *command, check=True):
        """Run a PostgreSQL program, as the postgres user when we are root."""
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        return subprocess.run(
            [*prefix, *command], check=check, capture_output=True, text=True
        )

    @property
    def dsn(self):
        """The libpq DSN of the cluster's database."""
        return f"host=127.0.0.1 port={self.port} dbname=gov user=postgres"

    @property
    def url(self):
        """The same database as an SQLAlchemy URL (for the journal)."""
        return f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}/gov"

    def start(self):
        """initdb the first time, start the server, create the database if missing."""
        ensure_packages(["postgresql"])
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")
            self.folder.chmod(0o700)
        if not (self.data / "PG_VERSION").exists():
            self.run(
                pg_bin("initdb"),
                "-D",
                str(self.data),
                "--auth=trust",
                "--username=postgres",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            )
        if (
            self.run(
                pg_bin("pg_ctl"), "status", "-D", str(self.data), check=False
            ).returncode
            != 0
        ):
            options = (
                f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data} "
                "-c max_connections=200 -c shared_buffers=256MB -c fsync=on"
            )
            self.run(
                pg_bin("pg_ctl"),
                "start",
                "-w",
                "-D",
                str(self.data),
                "-l",
                str(self.data / "server.log"),
                "-o",
                options,
            )
        exists = self.psql(
            "SELECT 1 FROM pg_database WHERE datname = 'gov'", "postgres"
        )
        if "1" not in exists.stdout:
            self.psql(
                "CREATE DATABASE gov ENCODING 'UTF8' TEMPLATE template0", "postgres"
            )
        return self

    def psql(self, sql, database="gov"):
        """Run one SQL statement."""
        return subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-d",
                database,
                "-tAc",
                sql,
            ],
            check=True,
            capture_output=True,
            text=True,
        )

    def stop(self):
        """Stop the server (fast shutdown: sessions are ended, data is safe)."""
        if (self.data / "PG_VERSION").exists():
            self.run(
                pg_bin("pg_ctl"),
                "stop",
                "-D",
                str(self.data),
                "-m",
                "fast",
                check=False,
            )


VCL = """vcl 4.1;
# Varnish in front of the Zope instances: anonymous pages as plone.app.caching's
# rules allow (they set s-maxage on what a proxy may keep), purged by Plone on
# change; anything with credentials, and any page without a proxy lifetime, passes.

backend balancer {{
    .host = "127.0.0.1";
    .port = "{balancer_port}";
    .first_byte_timeout = 300s;
}}

acl purgers {{
    "127.0.0.1";
    "localhost";
}}

sub vcl_recv {{
    if (req.method == "PURGE") {{
        if (client.ip !~ purgers) {{
            return (synth(405, "Not allowed."));
        }}
        return (purge);
    }}
    if (req.method != "GET" && req.method != "HEAD") {{
        return (pass);
    }}
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\\s*)__ac=") {{
        return (pass);
    }}
    if (req.url ~ "/(\\+\\+api\\+\\+|@@?)(login|logout|manage|edit|search)" || req.url ~ "/manage") {{
        return (pass);
    }}
    # Anonymous: no cookie changes the page (statusmessages are set after a POST).
    unset req.http.Cookie;
    return (hash);
}}

sub vcl_hash {{
    # One site behind one name: Plone purges by path.
    hash_data(req.url);
    return (lookup);
}}

sub vcl_backend_response {{
    if (beresp.http.Set-Cookie || beresp.status >= 300 ||
        beresp.http.Cache-Control !~ "s-maxage" ||
        beresp.http.Cache-Control ~ "(private|no-cache|no-store)") {{
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }}
}}

sub vcl_deliver {{
    if (obj.hits > 0) {{
        set resp.http.X-Cache = "HIT";
    }} else {{
        set resp.http.X-Cache = "MISS";
    }}
}}
"""

HAPROXY = """# HAProxy in front of the Zope instances: least connections (a Zope instance
# serves a few requests at a time), instances checked every 2 s, a dead one left out.
global
    daemon
    pidfile {pidfile}
    maxconn 2000

defaults
    mode http
    timeout connect 5s
    timeout client 300s
    timeout server 300s
    timeout queue 60s
    retries 2
    option redispatch
    option forwardfor

frontend front
    bind 127.0.0.1:{port}
    default_backend zopes

backend zopes
    balance leastconn
    option httpchk GET /
    http-check expect rstatus (2|3|4)[0-9][0-9]
{servers}
"""


def start_varnish(port, backend_port, workdir, pidfile):
    """varnishd on 127.0.0.1:port with the project's rules, in front of backend_port."""
    ensure_packages(["varnish"])
    workdir.mkdir(parents=True, exist_ok=True)
    vcl = workdir / "gov.vcl"
    vcl.write_text(VCL.format(balancer_port=backend_port))
    subprocess.run(
        [
            program("varnishd"),
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(vcl),
            "-n",
            str(workdir),
            "-s",
            "malloc,256m",
            "-P",
            str(pidfile),
            "-p",
            "default_ttl=0",
        ],
        check=True,
    )


class Cluster:
    """The whole cluster, its folders and ports."""

    def __init__(
        self,
        folder=None,
        instances=None,
        port=None,
        balancer_port=None,
        zope_port=None,
        pg_port=None,
        service_folder=None,
        site_id=None,
        demo=True,
        given_dsn=None,
        admin=None,
    ):
        env = os.environ
        self.folder = Path(
            folder or env.get("CLUSTER_DIR") or ROOT / "instance" / "cluster"
        )
        self.instances = int(instances or env.get("CLUSTER_INSTANCES", 2))
        self.port = int(port or env.get("CLUSTER_PORT", 8000))
        self.balancer_port = int(
            balancer_port or env.get("CLUSTER_BALANCER_PORT", 8090)
        )
        self.zope_port = int(zope_port or env.get("CLUSTER_ZOPE_PORT", 8081))
        self.site_id = site_id or env.get("SITE_ID", "gov")
        self.demo = demo and env.get("CLUSTER_DEMO", "1") != "0"
        self.run_dir = self.folder / "run"
        self.admin = admin or (
            env.get("ADMIN_USER", "admin"),
            env.get("ADMIN_PASSWORD", "admin"),
        )
        # PostgreSQL and Varnish run as users of their own: their files go where
        # those users can reach them (the cluster folder unless told otherwise).
        self.service_folder = Path(service_folder or self.folder)
        self.given_dsn = (
            env.get("GOV_RELSTORAGE_DSN") if given_dsn is None else given_dsn
        )
        self.postgres = None
        if not self.given_dsn:
            self.postgres = Postgres(
                self.service_folder / "postgres",
                int(pg_port or env.get("CLUSTER_PG_PORT", 5433)),
            )

    # ------------------------------------------------------------ settings

    @property
    def dsn(self):
        """The RelStorage DSN."""
        return self.given_dsn or self.postgres.dsn

    @property
    def journal_url(self):
        """The journal's SQLAlchemy URL: in the same PostgreSQL."""
        if os.environ.get("GOV_JOURNAL_DSN", "").startswith("postgresql"):
            return os.environ["GOV_JOURNAL_DSN"]
        if self.postgres is not None:
            return self.postgres.url
        # A given libpq DSN "host=… port=… dbname=… user=… password=…" as a URL.
        parts = dict(p.split("=", 1) for p in self.given_dsn.split())
        password = f":{parts['password']}" if "password" in parts else ""
        return (
            f"postgresql+psycopg2://{parts.get('user', 'postgres')}{password}@"
            f"{parts.get('host', '127.0.0.1')}:{parts.get('port', 5432)}/{parts.get('dbname', 'gov')}"
        )

    def zope_home(self, number):
        """The instance home of Zope number `number` (1-based)."""
        return self.folder / f"zope{number}"

    def zope_env(self, number):
        """The environment of one Zope instance."""
        return dict(
            os.environ,
            GOV_INSTANCE_HOME=str(self.zope_home(number)),
            GOV_STORAGE="relstorage",
            GOV_RELSTORAGE_DSN=self.dsn,
            GOV_JOURNAL_DSN=self.journal_url,
            # One journal key for all instances: each chains onto the others' entries.
            GOV_SECRETS_DIR=os.environ.get(
                "GOV_SECRETS_DIR", str(self.folder / "secrets")
            ),
            SITE_ID=self.site_id,
            ADMIN_USER=self.admin[0],
            ADMIN_PASSWORD=self.admin[1],
        )

    def zope_url(self, number):
        """Zope number `number`, directly."""
        return f"http://127.0.0.1:{self.zope_port + number - 1}/{self.site_id}"

    @property
    def url(self):
        """The cluster's public address (through Varnish)."""
        return f"http://localhost:{self.port}/{self.site_id}"

    # ------------------------------------------------------------ start

    def prepare_instance(self, number):
        """The instance home: the project's etc (fresh each start), its own var."""
        home = self.zope_home(number)
        if (home / "etc").exists():
            shutil.rmtree(home / "etc")
        shutil.copytree(ROOT / "instance" / "etc", home / "etc")
        for sub in ("blobcache", "log", "cache"):
            (home / "var" / sub).mkdir(parents=True, exist_ok=True)

    def zconsole(self, script, *args):
        """Run a script on the shared database through instance 1."""
        result = subprocess.run(
            [str(BIN / "zconsole"), "run", str(self.zope_home(1) / "etc" / "zope.conf")]
            + [str(script), *args],
            env=self.zope_env(1),
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if result.returncode != 0:
            raise ClusterError(f"{Path(script).name} failed: {result.stderr[-2000:]}")
        return result.stdout

    def start_database(self):
        """PostgreSQL, and the site in it the first time."""
        if self.postgres is not None:
            self.postgres.start()
        for number in range(1, self.instances + 1):
            self.prepare_instance(number)
        # Create the journal's tables once, before several instances race to do it.
        subprocess.run(
            [
                str(BIN / "python"),
                "-c",
                "import sys; from gov.infomgmt.journal.store import Journal; Journal(sys.argv[1], bytes())",
                self.journal_url,
            ],
            check=True,
            cwd=ROOT,
        )
        self.zconsole(
            ROOT / "scripts" / "create_site.py", *(["--demo"] if self.demo else [])
        )
        self.zconsole(
            ROOT / "scripts" / "caching_proxy.py", f"http://127.0.0.1:{self.port}"
        )

    def start_zope(self, number):
        """Start one Zope instance in the background; wait until it answers."""
        home = self.zope_home(number)
        pidfile = self.run_dir / f"zope{number}.pid"
        if alive(read_pid(pidfile)):
            return
        log = open(home / "var" / "log" / "server.log", "ab")  # noqa: SIM115
        process = subprocess.Popen(
            [str(BIN / "runwsgi"), str(home / "etc" / "zope.ini")]
            + ["http_host=127.0.0.1", f"http_port={self.zope_port + number - 1}"],
            env=self.zope_env(number),
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            start_new_session=True,  # survives the command that started it
        )
        pidfile.write_text(str(process.pid))
        return process

    def kill_zope(self, number):
        """SIGKILL one instance, as a crash would."""
        pid = read_pid(self.run_dir / f"zope{number}.pid")
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
            while alive(pid):
                try:
                    os.waitpid(pid, 0)
                except ChildProcessError:
                    time.sleep(0.1)

    def start_balancer(self):
        """HAProxy over the instances."""
        ensure_packages(["haproxy"])
        pidfile = self.run_dir / "haproxy.pid"
        if alive(read_pid(pidfile)):
            return
        servers = "\n".join(
            f"    server zope{n} 127.0.0.1:{self.zope_port + n - 1} check inter 2s fall 2 rise 1 maxconn 8"
            for n in range(1, self.instances + 1)
        )
        config = self.folder / "haproxy.cfg"
        config.write_text(
            HAPROXY.format(pidfile=pidfile, port=self.balancer_port, servers=servers)
        )
        subprocess.run([program("haproxy"), "-f", str(config)], check=True)

    def start_cache(self):
        """Varnish in front of HAProxy."""
        ensure_packages(["varnish"])
        pidfile = self.run_dir / "varnish.pid"
        if alive(read_pid(pidfile)):
            return
        start_varnish(
            self.port, self.balancer_port, self.service_folder / "varnish", pidfile
        )

    def start(self):
        """Everything, in order; return the public address."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.run_dir.mkdir(exist_ok=True)
        self.start_database()
        processes = {n: self.start_zope(n) for n in range(1, self.instances + 1)}
        for number, process in processes.items():
            wait_for(self.zope_url(number), 180, process)
        self.start_balancer()
        self.start_cache()
        wait_for(self.url, 60)
        return self.url

    # ------------------------------------------------------------ stop

    def stop(self):
        """Stop Varnish, HAProxy, the instances and the throwaway PostgreSQL."""
        for name in ("varnish", "haproxy", *(f"zope{n}" for n in range(1, 33))):
            pidfile = self.run_dir / f"{name}.pid"
            pid = read_pid(pidfile)
            if alive(pid):
                os.kill(pid, signal.SIGTERM)
                deadline = time.monotonic() + 30
                while alive(pid) and time.monotonic() < deadline:
                    with contextlib.suppress(ChildProcessError):
                        os.waitpid(pid, os.WNOHANG)  # reap it if it is our child
                    time.sleep(0.2)
                if alive(pid):
                    os.kill(pid, signal.SIGKILL)
            pidfile.unlink(missing_ok=True)
        if self.postgres is not None:
            self.postgres.stop()

    def status(self):
        """Which parts run."""
        parts = {
            name: alive(read_pid(self.run_dir / f"{name}.pid"))
            for name in (
                "varnish",
                "haproxy",
                *(f"zope{n}" for n in range(1, self.instances + 1)),
            )
        }
        if self.postgres is not None:
            parts["postgresql"] = (
                self.postgres.run(
                    pg_bin("pg_ctl"),
                    "status",
                    "-D",
                    str(self.postgres.data),
                    check=False,
                ).returncode
                == 0
            )
        return parts


def main(argv):
    """start, stop or status."""
    command = argv[0] if argv else "status"
    cluster = Cluster()
    try:
        if command == "start":
            url = cluster.start()
            print(f"\n  gov.infomgmt cluster: {url}")
            print(
                f"  {cluster.instances} Zope instances on RelStorage ({cluster.dsn}),"
            )
            print(f"  HAProxy on :{cluster.balancer_port}, Varnish on :{cluster.port}.")
            print("  `make cluster-stop` stops it all.\n")
        elif command == "stop":
            cluster.stop()
            print("Cluster stopped.")
        elif command == "status":
            for name, running in cluster.status().items():
                print(f"{name:12} {'running' if running else 'stopped'}")
        else:
            print(__doc__)
            return 2
    except (ClusterError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or ""
        print(f"Cluster: {error} {detail}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
