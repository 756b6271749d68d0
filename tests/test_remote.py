"""Remote endpoints against real servers on 127.0.0.1: push, --endpoint queries, errors, secrets."""
from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import run_cli

SECRET = "pw-Zq8#k!s3cr3t"  # must never appear in anything plankg prints
# a value for each required parameter of the saved queries that finds rows in the seeds
SAMPLES = {
    "agency": ["市市场监管局"], "plan": ["000_2345c3afe1f8be5d"], "year": ["2025"], "text": ["食品"],
    "adcode": ["520100"], "indicator": ["覆盖率"], "kind": ["市场监管"], "a": ["000_2345c3afe1f8be5d"],
    "b": ["001_c6078f0173379ff0"], "task": ["（二）2"], "topic": ["学校食堂"],
    "resource": ["https://w3id.org/plankg/id/agency/440100/市市场监督管理局"],
}
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_answers(url: str, process: subprocess.Popen, limit: float) -> None:
    """Poll ``url`` until it answers (any HTTP status), failing if the server dies or ``limit`` passes."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        assert process.poll() is None, f"server exited with {process.returncode}"
        try:
            NO_PROXY.open(url, timeout=2).read()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer within {limit} s")


def stop_process(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def saved_queries() -> list[dict]:
    """The catalogue as `plankg queries --format json` prints it."""
    result = run_cli("queries", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def local_json(store: Path, name: str, params: list[str]) -> list:
    """A saved query's rows from the store, through the same renderer the CLI uses."""
    return local_jsons(store, [(name, params)])[0]


def local_jsons(store: Path, cases: list[tuple[str, list[str]]]) -> list[list]:
    """Several saved queries' rows from one opening of the store, rendered as the CLI renders them."""
    from plankg.api import PlanGraph
    from plankg.queries import output

    answers = []
    with PlanGraph(store) as graph:
        for name, params in cases:
            out = io.StringIO()
            output.render(graph.run(name, params), "json", out)
            answers.append(json.loads(out.getvalue()))
    return answers


def query_cases() -> list[tuple[str, list[str]]]:
    """Every saved query over the graph (not federated, not about the catalogue) with sample
    values for its required parameters."""
    cases = []
    for q in saved_queries():
        if "federated" in q["tags"] or "catalogue" in q["tags"]:
            continue
        params = []
        for p in q["params"]:
            if p["required"]:
                assert p["name"] in SAMPLES, f"add a sample value for parameter {p['name']} of {q['name']}"
                params += [f"{p['name']}={v}" for v in SAMPLES[p["name"]]]
        cases.append((q["name"], params))
    return cases


def cli_args(params: list[str]) -> list[str]:
    return [a for p in params for a in ("--param", p)]


# ---------------------------------------------------------------------------------------------
# a real Oxigraph server (read-write, plain: no --union-default-graph)

@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    """`oxigraph serve --location TMP --bind 127.0.0.1:PORT`; yields its base URL."""
    binary = Path(sys.executable).with_name("oxigraph")
    location = tmp_path_factory.mktemp("oxigraph-server")
    port = free_port()
    process = subprocess.Popen(
        [str(binary), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(f"{base}/query?query=ASK%7B%7D", process, 30)
        yield base
    finally:
        stop_process(process)


@pytest.fixture(scope="module")
def pushed(oxigraph_server, seeded_store):
    """Both seeds pushed to the Oxigraph server with --reference; the push's output."""
    result = run_cli("push", f"{oxigraph_server}/store", "--reference", "--store", str(seeded_store), timeout=60)
    assert result.returncode == 0, result.stderr
    return result


def server_state(base: str) -> tuple[int, str]:
    """The server's quad count and the sha256 of its sorted N-Quads export."""
    request = urllib.request.Request(f"{base}/store", headers={"Accept": "application/n-quads"})
    with NO_PROXY.open(request, timeout=30) as response:
        lines = sorted(line for line in response.read().decode("utf-8").splitlines() if line.strip())
    count_query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    request = urllib.request.Request(
        f"{base}/query", data=urllib.parse.urlencode({"query": count_query}).encode(),
        headers={"Accept": "application/sparql-results+json"},
    )
    with NO_PROXY.open(request, timeout=30) as response:
        count = int(json.loads(response.read())["results"]["bindings"][0]["n"]["value"])
    assert count == len(lines)
    return count, hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def test_push_reports_each_graph_checked(pushed, seeded_store):
    """The push names every plan graph (plus the analysis and reference graphs the store has, never
    the loads graph) with its triple count, each checked against the server's count."""
    from plankg.api import PlanGraph
    from plankg.ontology import vocab as v
    from plankg.ontology.mapping import graph_iri

    with PlanGraph(seeded_store) as graph:
        expected = {graph_iri(k).value: 0 for k in graph.plan_keys()}
        expected.update({g.value: 0 for g in (v.ANALYSIS_GRAPH, v.REFERENCE_GRAPH) if graph.store.contains_named_graph(g)})
        for g in expected:
            expected[g] = len(set(q.triple for q in graph.store.quads_for_pattern(None, None, None, v.NamedNode(g))))
    assert len(expected) >= 2
    lines = pushed.stdout.splitlines()
    checked = {ln.split(">")[0][len("pushed <"):]: int(ln.split(">: ")[1].split()[0])
               for ln in lines if ln.startswith("pushed <") and ln.endswith("(checked)")}
    assert checked == expected
    assert v.LOADS_GRAPH.value not in pushed.stdout
    assert lines[-1].startswith(f"pushed {len(expected)} graphs, {sum(expected.values())} triples to http://127.0.0.1:")


def test_every_saved_query_gives_the_same_rows_remotely(pushed, oxigraph_server, seeded_store):
    """Each saved query (required parameters given a sample) prints the same JSON through --endpoint as locally."""
    from concurrent.futures import ThreadPoolExecutor

    cases = query_cases()
    assert len(cases) >= 15
    wants = local_jsons(seeded_store, cases)

    def remote(case: tuple[str, list[str]]) -> subprocess.CompletedProcess:
        name, params = case
        return run_cli("query", name, *cli_args(params), "--endpoint", f"{oxigraph_server}/query", "--format", "json")

    with ThreadPoolExecutor(4) as pool:
        gots = list(pool.map(remote, cases))
    for (name, params), want, got in zip(cases, wants, gots):
        assert got.returncode == 0, (name, got.stderr)
        assert json.loads(got.stdout) == want, name
        if params:
            assert want, f"sample parameters of {name} find nothing: the comparison proves little"


def test_hostile_parameter_values_match_nothing_remotely(pushed, oxigraph_server):
    """A parameter value full of SPARQL syntax is bound as an escaped literal on the server too."""
    hostile = 'x" } } ; DROP ALL ; SELECT * { ?s ?p "'
    got = run_cli("query", "tasks-search", "--param", f"text={hostile}", "--endpoint", f"{oxigraph_server}/query",
                  "--format", "json")
    assert got.returncode == 0, got.stderr
    assert json.loads(got.stdout) == []
    assert server_state(oxigraph_server)[0] > 0  # nothing was dropped


def test_sparql_command_runs_on_the_endpoint_with_default_prefixes(pushed, oxigraph_server):
    """`plankg sparql --endpoint` runs ad-hoc text remotely, with the ontology's prefixes predeclared."""
    text = "SELECT (COUNT(DISTINCT ?t) AS ?tasks) WHERE { GRAPH ?g { ?t a pk:Task } }"
    got = run_cli("sparql", text, "--endpoint", f"{oxigraph_server}/query", "--format", "json")
    assert got.returncode == 0, got.stderr
    assert json.loads(got.stdout) == [{"tasks": 18 + 61}]


def test_second_push_changes_nothing(pushed, oxigraph_server, seeded_store):
    """Pushing again leaves the server's quad count and its sorted N-Quads export unchanged."""
    before = server_state(oxigraph_server)
    assert before[0] > 4000
    again = run_cli("push", f"{oxigraph_server}/store", "--reference", "--store", str(seeded_store))
    assert again.returncode == 0, again.stderr
    assert server_state(oxigraph_server) == before


def test_push_one_plan_replaces_only_that_graph(pushed, oxigraph_server, store_copy):
    """`--plan KEY` sends just that plan's graph, and a changed plan replaces its old graph whole."""
    before_count, _ = server_state(oxigraph_server)
    key = "000_2345c3afe1f8be5d"
    removed = run_cli("remove", "001_c6078f0173379ff0", "--store", str(store_copy))
    assert removed.returncode == 0, removed.stderr
    one = run_cli("push", f"{oxigraph_server}/store", "--plan", key, "--store", str(store_copy))
    assert one.returncode == 0, one.stderr
    assert one.stdout.count("pushed <") == 1 and key in one.stdout
    assert server_state(oxigraph_server)[0] == before_count  # same content: same server
    missing = run_cli("push", f"{oxigraph_server}/store", "--plan", "no-such-plan", "--store", str(store_copy))
    assert missing.returncode == 2 and "no-such-plan" in missing.stderr


# ---------------------------------------------------------------------------------------------
# a second kind of server: Virtuoso 7 (Debian's virtuoso-opensource)

VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{isql}
DisableUnixSocket = 1
CheckpointInterval = 0
NumberOfBuffers = 2000
MaxDirtyBuffers = 1200
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A private virtuoso-t with a temp virtuoso.ini on free HTTP and ISQL ports; yields its base URL."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("virtuoso-t is not installed (Debian package virtuoso-opensource; .ci/run installs it)")
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port, isql_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=folder, isql=isql_port, http=http_port), encoding="utf-8")
    process = subprocess.Popen([binary, "-f", "-c", str(ini)], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_until_answers(f"{base}/sparql?query=ASK%7B%7D", process, 90)
        yield base
    finally:
        stop_process(process)


@pytest.fixture(scope="module")
def virtuoso_pushed(virtuoso, seeded_store):
    """Both seeds pushed to Virtuoso's digest-authenticated Graph Store endpoint as dba."""
    env = {"PLANKG_ENDPOINT_USER": "dba", "PLANKG_ENDPOINT_PASSWORD": "dba"}
    result = run_cli("push", f"{virtuoso}/sparql-graph-crud-auth", "--reference", "--store", str(seeded_store),
                     env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.slow  # Virtuoso's start and its queries take 10-15 s; .ci/run runs slow tests
def test_virtuoso_push_and_queries_keep_chinese(virtuoso_pushed, virtuoso, seeded_store):
    """Virtuoso takes both seeds through its authenticated Graph Store endpoint and answers the
    fixed queries with the same rows, Chinese intact."""
    lines = virtuoso_pushed.stdout.splitlines()  # each graph counted through /sparql-auth (digest)
    assert len([ln for ln in lines if ln.endswith("(checked)")]) == int(lines[-1].split()[1]) >= 2
    for name in ("plans", "assignments", "targets"):
        want = local_json(seeded_store, name, [])
        got = run_cli("query", name, "--endpoint", f"{virtuoso}/sparql", "--format", "json")
        assert got.returncode == 0, (name, got.stderr)
        assert "???" not in got.stdout
        assert json.loads(got.stdout) == want, name
    plans = json.loads(run_cli("query", "plans", "--endpoint", f"{virtuoso}/sparql", "--format", "json").stdout)
    assert {p["plan"] for p in plans} == {
        "贵阳市巩固提升国家食品安全示范城市三年行动主要任务责任分解表", "广州市2020年食品安全重点工作安排任务分工表",
    }


@pytest.mark.slow  # Virtuoso's start and its queries take 10-15 s; .ci/run runs slow tests
def test_virtuoso_parameters_bind_as_values(virtuoso_pushed, virtuoso, seeded_store):
    """Saved queries with Chinese parameter values give the same rows on Virtuoso as locally."""
    for name, params in (("agency-tasks", ["agency=市市场监管局", "role=lead"]), ("tasks-search", ["text=食品"])):
        want = local_json(seeded_store, name, params)
        got = run_cli("query", name, *cli_args(params), "--endpoint", f"{virtuoso}/sparql", "--format", "json")
        assert got.returncode == 0, got.stderr
        assert want and json.loads(got.stdout) == want


@pytest.mark.slow  # Virtuoso's start and its queries take 10-15 s; .ci/run runs slow tests
def test_virtuoso_refusals_name_the_endpoint(virtuoso, seeded_store):
    """Virtuoso's 403 (anonymous Graph Store write) and 401 (wrong password) are exit 4 without the password."""
    anonymous = run_cli("push", f"{virtuoso}/sparql-graph-crud", "--store", str(seeded_store),
                        env={"PLANKG_ENDPOINT_USER": "", "PLANKG_ENDPOINT_PASSWORD": "", "NETRC": "/nonexistent"})
    assert anonymous.returncode == 4
    assert anonymous.stderr.startswith(f"Error: {virtuoso}/sparql-graph-crud answered 403")
    wrong = run_cli("push", f"{virtuoso}/sparql-graph-crud-auth", "--store", str(seeded_store),
                    env={"PLANKG_ENDPOINT_USER": "dba", "PLANKG_ENDPOINT_PASSWORD": SECRET})
    assert wrong.returncode == 4
    assert "401" in wrong.stderr and "sparql-graph-crud-auth" in wrong.stderr
    assert SECRET not in wrong.stdout + wrong.stderr


# ---------------------------------------------------------------------------------------------
# a misbehaving server: each failure is one Error line, the right exit code, on time, no secret

GOOD_RESULT = b'{"head":{"vars":["plan"]},"results":{"bindings":[{"plan":{"type":"literal","value":"ok"}}]}}'


class Misbehaving(BaseHTTPRequestHandler):
    """Answers by path: /401, /500 (after a Basic challenge, echoing the credentials), /slow,
    /trickle, /cut, /short (fewer bytes than Content-Length), /html, /novars, /netrc."""

    release = threading.Event()  # set at teardown: slow handlers stop waiting

    def log_message(self, *args) -> None:  # quiet
        pass

    def _send(self, code: int, body: bytes, ctype: str = "application/sparql-results+json", length: int | None = None,
              headers: dict | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:  # the client gave up first, as it should after its timeout
            pass

    def _credentials(self) -> str | None:
        auth = self.headers.get("Authorization", "")
        return base64.b64decode(auth[6:]).decode() if auth.startswith("Basic ") else None

    def _challenge(self) -> None:
        self._send(401, b"who are you?", "text/plain", headers={"WWW-Authenticate": 'Basic realm="plankg-test"'})

    def _answer(self) -> None:
        if self.headers.get("Content-Length"):
            self.rfile.read(int(self.headers["Content-Length"]))
        path = self.path.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
        if path == "401":
            given = self._credentials()
            self._send(401, f"bad credentials {given}".encode(), "text/plain",
                       headers={"WWW-Authenticate": 'Basic realm="plankg-test"'})
        elif path == "500":
            given = self._credentials()
            if given is None:
                self._challenge()
            else:
                self._send(500, f"internal failure while serving {given}\n".encode(), "text/plain")
        elif path == "slow":
            self.release.wait(20)
            self._send(200, GOOD_RESULT)
        elif path == "trickle":
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(GOOD_RESULT)))
            self.end_headers()
            for byte in GOOD_RESULT:
                if self.release.wait(0.5):
                    return
                try:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                except OSError:
                    return
        elif path == "cut":
            self._send(200, GOOD_RESULT[:60])
        elif path == "short":
            self._send(200, GOOD_RESULT[:60], length=len(GOOD_RESULT))
        elif path == "html":
            self._send(200, b"<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>", "text/html; charset=utf-8")
        elif path == "novars":
            self._send(200, b'{"head":{},"results":{"bindings":[]}}')
        elif path == "netrc":
            if self._credentials() == "bob:netrc-pass":
                self._send(200, GOOD_RESULT)
            else:
                self._challenge()
        else:
            self._send(404, b"no", "text/plain")

    do_GET = do_POST = do_PUT = _answer


@pytest.fixture(scope="module")
def bad_server():
    """The misbehaving server on a free port, in a thread; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Misbehaving)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        Misbehaving.release.set()
        server.shutdown()
        server.server_close()


SECRET_ENV = {"PLANKG_ENDPOINT_USER": "alice", "PLANKG_ENDPOINT_PASSWORD": SECRET}
TIMEOUT = 2.0


@pytest.mark.parametrize("path, code, words", [
    ("401", 4, "401"),
    ("500", 4, "500"),
    ("slow", 5, "no answer"),
    ("trickle", 5, "no answer"),
    ("cut", 4, "incomplete"),
    ("short", 4, "broke off"),
    ("html", 4, "text/html"),
    ("novars", 4, "head.vars"),
])
def test_bad_answers_fail_on_time_without_the_password(bad_server, path, code, words):
    """A refusal, server error, slow or trickling answer, cut-off JSON or HTML page is one Error
    line naming the endpoint, with exit 4 (5 for time-outs), within the timeout plus a second."""
    url = f"{bad_server}/{path}"
    start = time.monotonic()
    result = run_cli("query", "plans", "--endpoint", url, "--timeout", str(TIMEOUT), env=SECRET_ENV, timeout=30)
    elapsed = time.monotonic() - start
    assert result.returncode == code, result.stderr
    assert elapsed < TIMEOUT + 1, elapsed
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and url in lines[0] and words in lines[0], lines
    assert SECRET not in result.stderr


def test_push_errors_are_exit_4_without_the_password(bad_server, seeded_store):
    """A Graph Store endpoint that refuses or fails the PUT gives exit 4 and hides the password."""
    for path in ("401", "500"):
        result = run_cli("push", f"{bad_server}/{path}", "--query-endpoint", f"{bad_server}/cut",
                         "--store", str(seeded_store), env=SECRET_ENV)
        assert result.returncode == 4, result.stderr
        assert result.stderr.startswith(f"Error: {bad_server}/{path} answered {path}")
        assert SECRET not in result.stdout + result.stderr


def test_unreachable_endpoints_are_exit_4():
    """A refused connection and an unknown host each give one Error line naming the endpoint, exit 4."""
    for url, words in ((f"http://127.0.0.1:{free_port()}/query", "connection refused"),
                       ("http://plankg-test.invalid/query", "unknown host")):
        result = run_cli("query", "plans", "--endpoint", url, "--timeout", "10", env=SECRET_ENV)
        assert result.returncode == 4, result.stderr
        assert result.stderr.strip() == result.stderr.strip().splitlines()[0]
        assert url in result.stderr and words in result.stderr
        assert SECRET not in result.stderr


def test_credentials_never_come_from_the_url(bad_server):
    """A URL with user:password in it is refused (exit 2) and the password is not repeated."""
    url = bad_server.replace("http://", f"http://alice:{SECRET}@") + "/netrc"
    result = run_cli("query", "plans", "--endpoint", url)
    assert result.returncode == 2
    assert "credentials do not go in the URL" in result.stderr
    assert SECRET not in result.stderr and "alice" not in result.stderr


def test_netrc_credentials_are_used(bad_server, tmp_path):
    """With no credentials in the environment, the netrc entry for the host answers the challenge."""
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login bob password netrc-pass\n", encoding="utf-8")
    netrc.chmod(0o600)
    env = {"NETRC": str(netrc), "PLANKG_ENDPOINT_USER": "", "PLANKG_ENDPOINT_PASSWORD": ""}
    result = run_cli("query", "plans", "--endpoint", f"{bad_server}/netrc", "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"plan": "ok"}]
    without = run_cli("query", "plans", "--endpoint", f"{bad_server}/netrc", env={**env, "NETRC": str(tmp_path / "none")})
    assert without.returncode == 4 and "401" in without.stderr


def test_help_does_not_import_sparqlwrapper():
    """`plankg --help` stays light: neither SPARQLWrapper nor plankg.remote is imported."""
    code = ("import sys, plankg.cli.main as m\n"
            "try:\n    m.app(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
            "print(sorted(n for n in sys.modules if n.startswith(('SPARQLWrapper', 'plankg.remote', 'plankg.serve'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"
