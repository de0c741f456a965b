"""`make bench`: this site at scale side by side with a plain Plone site, on one machine, in one run.

    python -m bench.run [--size 100000] [--seconds 15] [--connections 4]

1. The reference: a plain Plone 6.2 classic site (no add-on) in a virtualenv of its own
   (bench/var/reference-venv, the same pins) and a scratch instance with this project's
   server settings (the same zope.conf and zope.ini: waitress, 2 threads).
2. This site: the demo site with the corpus of bench/corpus.py loaded by bench/load.py
   (bench/var/site; loaded once and kept: a later run resumes or reuses it).
3. Each page is measured with wrk (Debian's package, installed when missing) for
   --seconds with --connections connections after a warm-up: requests/s, p50 and p95
   latency, and the ratio of requests/s to the reference front page. A workflow
   transition is measured with 8 concurrent reviewers through the API. Anonymous pages
   are measured once more through Varnish with the project's proxy rules (as in
   `make cluster`: scripts/caching_proxy.py, scripts/cluster.py's VCL). The resident
   memory of the instance is read after the run.
4. Results: docs/benchmarks.json and docs/benchmarks.md (table, targets, machine).

Only ratios between measurements of the same run are compared with the targets: the
machines are shared and noisy, absolute figures are not comparable between runs.
"""

from base64 import b64encode
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from datetime import UTC
from pathlib import Path

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request


ROOT = Path(__file__).resolve().parents[1]
# Where the loaded site, the reference and their virtualenv are kept between runs.
VAR = Path(os.environ.get("BENCH_DIR", ROOT / "bench" / "var"))
BIN = Path(sys.executable).parent
ADMIN = ("admin", "admin")
DEMO_PASSWORD = "demo-2026"
REFERENCE_PACKAGES = [
    "Products.CMFPlone",
    "plone.app.contenttypes",
    "plone.app.layout",
    "plonetheme.barceloneta",
    "plone.classicui",
    "waitress",
    "Paste",
    "PasteDeploy",
]
LUA = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'WRK {"requests": %d, "duration_us": %d, "errors": %d, "non2xx": %d, '
    .. '"p50_us": %d, "p95_us": %d}\\n',
    summary.requests, summary.duration, errors, summary.errors.status,
    latency:percentile(50), latency:percentile(95)))
end
"""


def basic(user, password):
    """An Authorization header value."""
    return "Basic " + b64encode(f"{user}:{password}".encode()).decode()


def http(method, url, auth=None, body=None, timeout=60, accept="application/json"):
    """One request; returns (status, parsed JSON or text)."""
    headers = {"Accept": accept, "Content-Type": "application/json"}
    if auth:
        headers["Authorization"] = basic(*auth)
    request = urllib.request.Request(  # noqa: S310 - local URL
        url,
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
        headers=headers,
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            content = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        content, status = error.read(), error.code
    try:
        return status, json.loads(content or b"{}")
    except ValueError:
        return status, content.decode(errors="replace")


class Server:
    """A Zope instance of the bench, started and stopped with runwsgi."""

    def __init__(self, home, bin_dir, site_id, env=None):
        self.home = home
        self.bin_dir = bin_dir
        self.site_id = site_id
        self.extra_env = env or {}
        self.process = None
        self.port = 8390

    @property
    def env(self):
        env = dict(os.environ)
        env.pop("GOV_JOURNAL_DSN", None)
        env.update(
            GOV_INSTANCE_HOME=str(self.home),
            GOV_STORAGE="filestorage",
            SITE_ID=self.site_id,
            ADMIN_USER=ADMIN[0],
            ADMIN_PASSWORD=ADMIN[1],
            PYTHONPATH=str(ROOT),
            **self.extra_env,
        )
        return env

    def prepare(self):
        """The project's server settings, its own data folders."""
        if (self.home / "etc").exists():
            shutil.rmtree(self.home / "etc")
        shutil.copytree(ROOT / "instance" / "etc", self.home / "etc")
        for sub in ("filestorage", "blobstorage", "log", "cache"):
            (self.home / "var" / sub).mkdir(parents=True, exist_ok=True)

    def zconsole(self, script, *args):
        """Run a script on the stopped instance."""
        result = subprocess.run(
            [
                str(self.bin_dir / "zconsole"),
                "run",
                str(self.home / "etc" / "zope.conf"),
            ]
            + [str(script), *args],
            env=self.env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{script} failed")
        return result.stdout

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/{self.site_id}"

    def start(self):
        """Serve and wait until the site answers."""
        log = open(self.home / "var" / "log" / "bench-server.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [str(self.bin_dir / "runwsgi"), str(self.home / "etc" / "zope.ini")]
            + ["http_host=127.0.0.1", f"http_port={self.port}"],
            env=self.env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                if http("GET", self.url, timeout=30)[0] < 500:
                    return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(1)
        raise RuntimeError("the server did not start")

    def rss_mib(self):
        """Resident memory of the server process."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        kib = int(
            next(x for x in status.splitlines() if x.startswith("VmRSS")).split()[1]
        )
        return round(kib / 1024, 1)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=60)


def wrk(url, seconds, connections, auth=None):
    """requests/s, p50 and p95 of one address under load."""
    script = VAR / "report.lua"
    script.write_text(LUA)
    command = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s"]
    command += ["--timeout", "30s", "-s", str(script)]
    if auth:
        command += ["-H", f"Authorization: {basic(*auth)}"]
    # Warm up as wrk asks (no Accept header: the HTML page, or the API's JSON).
    for _warm in range(5):
        http("GET", url, auth=auth, timeout=120, accept="*/*")
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    report = json.loads(output.split("WRK ", 1)[1].splitlines()[0])
    return {
        "rps": round(report["requests"] / (report["duration_us"] / 1e6), 1),
        "p50_ms": round(report["p50_us"] / 1000, 1),
        "p95_ms": round(report["p95_us"] / 1000, 1),
        "requests": report["requests"],
        "errors": report["errors"] + report["non2xx"],
    }


# Review steps the reviewers take, with who takes them: each run of the benchmark moves
# some items on, so a later run takes the next step of the same items.
REVIEW_STEPS = (
    ("content_review", "approve_content", "sectionhead"),
    ("secrecy_review", "approve_secrecy", "secrecy"),
)


def reviewers(server, count=8, per_reviewer=15):
    """8 reviewers pass items of the review at once; every answer must be 2xx."""
    work_list = []
    for state, transition, user in REVIEW_STEPS:
        wanted = count * per_reviewer - len(work_list)
        if wanted <= 0:
            break
        status, found = http(
            "GET",
            # The main catalogue's full review (work news has a shorter one).
            f"{server.url}/++api++/@search?portal_type=GovernmentInformation"
            f"&review_state={state}&b_size={wanted}"
            f"&path.query=/{server.site_id}/disclosure&path.depth=1",
            auth=ADMIN,
        )
        work_list += [(item["@id"], transition, user) for item in found["items"]]
    paths = work_list
    chunks = [paths[n::count] for n in range(count)]
    latencies, errors = [], []

    def work(chunk):
        for url, transition, user in chunk:
            started = time.monotonic()
            status, body = http(
                "POST",
                f"{url}/@workflow/{transition}",
                auth=(user, DEMO_PASSWORD),
                body={"comment": "同意"},
            )
            latencies.append(time.monotonic() - started)
            if status != 200:
                errors.append((url, status, str(body)[:200]))

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=count) as pool:
        list(pool.map(work, chunks))
    elapsed = time.monotonic() - started
    latencies.sort()
    return {
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000, 1),
        "requests": len(latencies),
        "errors": len(errors),
        "error_samples": errors[:3],
    }


def ensure_wrk():
    """wrk from Debian when missing."""
    if shutil.which("wrk"):
        return
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)


def reference_server():
    """The plain Plone site in its own virtualenv."""
    venv = VAR / "reference-venv"
    python = venv / "bin" / "python"
    if not (venv / ".installed").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "-q",
                "-c",
                str(ROOT / "constraints.txt"),
            ]
            + REFERENCE_PACKAGES,
            check=True,
        )
        (venv / ".installed").touch()
    server = Server(VAR / "reference", venv / "bin", "Plone")
    server.prepare()
    if not (server.home / "var" / ".site").exists():
        server.zconsole(ROOT / "bench" / "create_reference.py")
        (server.home / "var" / ".site").touch()
    return server


class Varnish:
    """Varnish with the cluster's rules in front of one bench server."""

    def __init__(self, backend_port, port=8391):
        from scripts.cluster import start_varnish

        # Varnish runs as a user of its own: its files go where that user can reach.
        self.folder = Path(tempfile.mkdtemp(prefix="bench-varnish-"))
        self.folder.chmod(0o755)
        self.pidfile = self.folder / "varnish.pid"
        self.port = port
        start_varnish(port, backend_port, self.folder / "varnish", self.pidfile)

    def stop(self):
        from scripts.cluster import read_pid

        pid = read_pid(self.pidfile)
        if pid:
            os.kill(pid, signal.SIGTERM)
            time.sleep(1)
        shutil.rmtree(self.folder, ignore_errors=True)


def site_server(size, env=None):
    """This site with the corpus loaded (resumed if a load stopped)."""
    server = Server(VAR / "site", BIN, "gov", env=env)
    return server


def load_site(size):
    """Create the demo site and load the corpus; return the load's figures."""
    server = site_server(size)
    server.prepare()  # the project's current server settings, every run
    if not (server.home / "var" / "filestorage" / "Data.fs").exists():
        server.zconsole(ROOT / "scripts" / "create_site.py", "--demo")
    stats = VAR / f"load-{size}.json"
    previous = json.loads(stats.read_text()) if stats.exists() else None
    # 10,000 items a commit: each commit rewrites most buckets of the catalog's indexes
    # whatever the batch, so fewer commits load faster (49 → 54 items/s from 2,000 to
    # 8,000 at 100,000 items). A cache of a million objects keeps the catalog's buckets
    # in memory from one batch to the next; the loader then holds over 1 GiB.
    server.zconsole(
        ROOT / "bench" / "load.py",
        "--size",
        str(size),
        "--batch",
        "10000",
        "--cache-size",
        "1000000",
        "--stats",
        str(stats),
    )
    latest = json.loads(stats.read_text())
    # A run that found everything loaded keeps the figures of the run that loaded it.
    if latest["created"] == 0 and previous:
        stats.write_text(json.dumps(previous))
        return previous
    return latest


def machine():
    """What the figures were measured on."""
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = next(
        line.split()[1]
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(int(memory) / 1024 / 1024, 1),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def set_caching(server, enabled):
    """Switch plone.app.caching on or off through the API."""
    status, body = http(
        "PATCH",
        f"{server.url}/++api++/@registry",
        auth=ADMIN,
        body={"plone.caching.interfaces.ICacheSettings.enabled": enabled},
    )
    if status != 204:
        raise RuntimeError(f"could not switch caching: {status} {body}")


def first_item(server, **query):
    """The address of one item of a catalog query."""
    params = "&".join(f"{k}={v}" for k, v in query.items())
    status, found = http(
        "GET", f"{server.url}/++api++/@search?{params}&b_size=1", auth=ADMIN
    )
    return found["items"][0]["@id"]


def main(argv):
    """Run the whole benchmark and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100000)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=4)
    args = parser.parse_args(argv)
    VAR.mkdir(parents=True, exist_ok=True)
    ensure_wrk()
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "size": args.size,
    }
    results["machine"] = machine()
    measure = lambda url, auth=None: wrk(url, args.seconds, args.connections, auth)  # noqa: E731

    print(f"Loading {args.size} items …", flush=True)
    results["load"] = load_site(args.size)

    # The reference is measured just before this site's pages, not before a load that
    # may take half an hour: these shared machines change speed over such a time.
    print("Reference: plain Plone 6.2 classic …", flush=True)
    reference = reference_server().start()
    try:
        results["reference_front_page"] = measure(reference.url)
    finally:
        reference.stop()

    print("This site …", flush=True)
    site = site_server(args.size)
    # A site loaded by an earlier version of the code gets its upgrade steps first.
    site.zconsole(ROOT / "scripts" / "create_site.py", "--upgrade")
    # The proxy's rules, purging through the Varnish started below; without them
    # (the single-process default) anonymous pages come from plone.app.caching's RAM cache.
    site.zconsole(ROOT / "scripts" / "caching_proxy.py", "http://127.0.0.1:8391")
    site.start()
    pages = {}
    try:
        set_caching(site, False)
        item = first_item(
            site,
            portal_type="GovernmentInformation",
            review_state="published",
            sort_on="created",
        )
        case = first_item(site, portal_type="EnforcementRecord")
        pages["front_page"] = measure(site.url)
        pages["category_page"] = measure(
            f"{site.url}/disclosure/@@catalogue?category=statistics"
        )
        pages["item_page"] = measure(item)
        pages["search"] = measure(
            f"{site.url}/@@disclosure-search?q=" + urllib.parse.quote("档案数字化工作")
        )
        pages["json_catalogue"] = measure(
            f"{site.url}/++api++/@disclosure-catalogue?category=statistics"
        )
        pages["reviewer_dashboard"] = measure(
            f"{site.url}/@@my-tasks", auth=("sectionhead", DEMO_PASSWORD)
        )
        pages["enforcement_view"] = measure(case, auth=("officer1", DEMO_PASSWORD))
        pages["workflow_transition"] = reviewers(site)
        set_caching(site, True)
        varnish = Varnish(site.port)
        try:
            through = f"http://127.0.0.1:{varnish.port}"
            local = f"http://127.0.0.1:{site.port}"
            pages["item_page_cached"] = measure(item.replace(local, through))
            pages["front_page_cached"] = measure(site.url.replace(local, through))
            pages["category_page_cached"] = measure(
                f"{site.url}/disclosure/@@catalogue?category=statistics".replace(
                    local, through
                )
            )
        finally:
            varnish.stop()
        results["rss_mib"] = site.rss_mib()
    finally:
        site.stop()

    # The comparison "journaled vs not" without any switch in the site's code: the
    # same case file's access register is a page of the same weight (main template,
    # the case's roles, a read of the journal's database) that is not a door and
    # writes no journal line.
    print(
        "The same case file's unjournaled register page, for the comparison …",
        flush=True,
    )
    unjournaled = site_server(args.size).start()
    try:
        pages["enforcement_view_unjournaled"] = measure(
            f"{case}/@@access-register", auth=("officer1", DEMO_PASSWORD)
        )
    finally:
        unjournaled.stop()

    reference_rps = results["reference_front_page"]["rps"]
    for figures in pages.values():
        figures["ratio"] = round(figures["rps"] / reference_rps, 2)
    results["pages"] = pages
    results["targets"] = targets(results)
    (ROOT / "docs" / "benchmarks.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=2) + "\n"
    )
    (ROOT / "docs" / "benchmarks.md").write_text(report(results))
    print((ROOT / "docs" / "benchmarks.md").read_text())
    return 0 if all(t["met"] for t in results["targets"]) else 1


def targets(results):
    """The issue's targets, each with the figure and whether it is met."""
    pages = results["pages"]
    uncached = pages["item_page"]["rps"]
    load = results["load"]
    load_rate = load.get("items_per_second") or load.get("objects_per_second") or 0
    rows = [
        (
            "Catalogue category page ≥ 1.0× reference",
            pages["category_page"]["ratio"],
            pages["category_page"]["ratio"] >= 1.0,
        ),
        (
            "Item page ≥ 1.0× reference",
            pages["item_page"]["ratio"],
            pages["item_page"]["ratio"] >= 1.0,
        ),
        (
            "Search p95 ≤ 300 ms",
            pages["search"]["p95_ms"],
            pages["search"]["p95_ms"] <= 300,
        ),
        (
            "Search ≥ 0.5× reference",
            pages["search"]["ratio"],
            pages["search"]["ratio"] >= 0.5,
        ),
        (
            "Cached anonymous item page ≥ 20× uncached",
            round(pages["item_page_cached"]["rps"] / uncached, 1),
            pages["item_page_cached"]["rps"] / uncached >= 20,
        ),
        (
            "Enforcement view with journal ≥ 0.85× without",
            round(
                pages["enforcement_view"]["rps"]
                / pages["enforcement_view_unjournaled"]["rps"],
                2,
            ),
            pages["enforcement_view"]["rps"]
            / pages["enforcement_view_unjournaled"]["rps"]
            >= 0.85,
        ),
        (
            "Bulk load ≥ 100 items/s",
            load_rate,
            load_rate >= 100,
        ),
        (
            "Resident memory ≤ 1.5 GiB (MiB)",
            results["rss_mib"],
            results["rss_mib"] <= 1536,
        ),
        (
            "8 concurrent reviewers: errors",
            pages["workflow_transition"]["errors"],
            pages["workflow_transition"]["errors"] == 0,
        ),
    ]
    return [
        {"target": name, "value": value, "met": bool(met)} for name, value, met in rows
    ]


def report(results):
    """docs/benchmarks.md."""
    m = results["machine"]
    ref = results["reference_front_page"]
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (bench/run.py); the figures below are from its last run. The",
        "reference is the front page of a plain Plone 6.2 classic site (no add-on) served with",
        "the same server settings in the same run; only ratios are compared with the targets.",
        "",
        f"- Run: {results['date']}, {results['size']} government information items",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, Python {m['python']}, {m['system']}",
        f"- Load: wrk, 4 connections, after a warm-up; reference {ref['rps']} requests/s"
        f" (p50 {ref['p50_ms']} ms, p95 {ref['p95_ms']} ms)",
        "- Reproduce: `make bench` (SIZE=… SECONDS=… to change; the loaded site is kept in",
        "  bench/var/ and reused)",
        "- What was tuned because of these figures: [performance.md](performance.md)",
        "",
        "| page | requests/s | p50 ms | p95 ms | × reference | errors |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, figures in results["pages"].items():
        lines.append(
            f"| {name.replace('_', ' ')} | {figures['rps']} | {figures['p50_ms']} | {figures['p95_ms']} "
            f"| {figures['ratio']} | {figures['errors']} |"
        )
    load = results["load"]
    lines += [
        "",
        f"Bulk load: {load.get('items_per_second')} items/s ({load.get('objects_per_second')} objects/s"
        f" with attachments, case files and backup logs; {load.get('seconds')} s).",
        f"Resident memory of the instance after the run: {results['rss_mib']} MiB.",
        "",
        "## Targets",
        "",
        "| target | value | met |",
        "|---|---:|:---:|",
    ]
    for target in results["targets"]:
        lines.append(
            f"| {target['target']} | {target['value']} | {'yes' if target['met'] else '**no**'} |"
        )
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
