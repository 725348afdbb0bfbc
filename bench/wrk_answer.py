"""Load-test `popliteal serve` on loopback with wrk: the answer step beside a bare endpoint.

    .venv/bin/python bench/wrk_answer.py [--workers 2] [--duration 8] [--connections 8]

Both measurements run against the same server in the same run, so the gap between them is
the cost of the answer step itself: loading the assessment, checking its token, weighing every
open question for the next one, and writing the new state with its audit event.

Each answer request answers the first question of an assessment of its own (made beforehand
through the service, in this process, on the same database), so every request is a real
answer and none conflicts with another. The database is a SQLite file in a temporary folder
unless --database names another.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from acceptance.live_server import live_server
from popliteal.engine.evidence import Patient
from popliteal.knowledge import load_knowledge_base
from popliteal.service import AssessmentService
from popliteal.store import Store

ANSWER_SCRIPT = """
local pool = {}
local next_index = 0
local threads = 1

function setup(thread)
  thread:set("thread_id", next_index)
  next_index = next_index + 1
end

function init(args)
  for line in io.lines(args[1]) do pool[#pool + 1] = line end
  threads = tonumber(args[2])
  sent = 0
end

function request()
  local index = (sent * threads + thread_id) % #pool + 1
  sent = sent + 1
  local id, token, question = pool[index]:match("(%S+) (%S+) (%S+)")
  return wrk.format("POST", "/api/v1/assessments/" .. id .. "/answers",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token},
    '{"question_id":"' .. question .. '","value":"unknown"}')
end
"""


def make_pool(database_url: str, size: int, path: Path) -> None:
    """``size`` new assessments, one line each: id, token and the first question's id."""
    store = Store.from_url(database_url)
    store.migrate()
    service = AssessmentService(store, load_knowledge_base())
    with path.open("w", encoding="ascii") as pool:
        for n in range(size):
            step, token = service.create(Patient(age=40 + n % 40, sex="female"), {})
            assert step.question is not None
            pool.write(f"{step.opened.id} {token} {step.question.id}\n")
    store.dispose()


def run_wrk(url: str, args: argparse.Namespace, script: Path | None = None,
            script_args: tuple[str, ...] = ()) -> tuple[float, int, str]:
    command = ["wrk", "-t", str(args.threads), "-c", str(args.connections),
               "-d", f"{args.duration}s", "--latency"]
    if script is not None:
        command += ["-s", str(script)]
    command += [url]
    if script_args:
        command += ["--", *script_args]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    failed = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    median = re.search(r"50%\s+(\S+)", output)
    if rate is None:
        raise RuntimeError(f"wrk printed no rate:\n{output}")
    return float(rate.group(1)), int(failed.group(1)) if failed else 0, (
        median.group(1) if median else "?")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--pool", type=int, default=3000,
                        help="assessments made beforehand; more than the answers wrk will send")
    parser.add_argument("--database", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="popliteal-bench-") as folder:
        work = Path(folder)
        database = args.database or f"sqlite:///{work / 'bench.sqlite3'}"
        print(f"making {args.pool} assessments ...", file=sys.stderr)
        make_pool(database, args.pool, work / "pool.txt")
        (work / "answer.lua").write_text(ANSWER_SCRIPT, encoding="utf-8")
        with live_server(database, work / "serve.log", workers=args.workers) as server:
            bare = run_wrk(f"{server.url}/healthz", args)
            answer = run_wrk(server.url, args, work / "answer.lua",
                             (str(work / "pool.txt"), str(args.threads)))
    setup = (f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s, "
             f"popliteal serve --workers {args.workers}, {database.split(':')[0]}")
    print(f"# {setup}")
    print(f"GET  /healthz (bare endpoint)          {bare[0]:10.1f} req/s  median {bare[2]:>8}"
          f"  non-2xx {bare[1]}")
    print(f"POST /api/v1/assessments/{{id}}/answers {answer[0]:10.1f} req/s  median "
          f"{answer[2]:>8}  non-2xx {answer[1]}")


if __name__ == "__main__":
    main()
