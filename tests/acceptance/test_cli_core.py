"""The installed `popliteal` command: kb and evaluate, with clear errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POPLITEAL = [sys.executable, "-m", "popliteal.cli.main"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*POPLITEAL, *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, check=False)


def test_kb_check_reports_a_valid_knowledge_base() -> None:
    done = run("kb", "check")
    assert done.returncode == 0 and "is valid" in done.stdout


def test_kb_ids_lists_every_published_id_as_json() -> None:
    listing = json.loads(run("kb", "ids", "--json").stdout)
    assert "bakers_cyst" in listing["conditions"] and "calf_swelling" in listing["findings"]


def test_evaluate_prints_the_metrics_as_json() -> None:
    done = run("evaluate", "vignettes/dev", "--mode", "full", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["metrics"]["emergency_sensitivity"] == 1.0


def test_an_invalid_vignette_file_exits_non_zero_naming_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: popliteal-vignettes/1\nvignettes:\n  - id: x\n    age: 5\n")
    done = run("evaluate", str(bad))
    assert done.returncode == 2
    assert "bad.yaml" in done.stderr and "x" in done.stderr
    assert "Traceback" not in done.stderr
