"""`popliteal evaluate --report DIR`: one HTML page and its PNG figures, or one clear error."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POPLITEAL = [sys.executable, "-m", "popliteal.cli.main"]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FIGURES = ("reliability.png", "conditions.png", "triage.png")

VIGNETTES = """format: popliteal-vignettes/1
vignettes:
  - id: {prefix}-cyst
    age: 54
    sex: female
    findings: {{swelling_behind_knee: true, calf_swelling: false}}
    gold: {{condition: bakers_cyst, triage: consultation}}
  - id: {prefix}-clot
    age: 67
    sex: female
    findings: {{calf_swelling: true, pitting_oedema: true, recent_surgery_or_bedridden: true}}
    gold: {{condition: deep_vein_thrombosis, triage: consultation_24}}
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*POPLITEAL, *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, check=False)


def vignette_file(folder: Path, prefix: str) -> Path:
    path = folder / f"{prefix}.yaml"
    path.write_text(VIGNETTES.format(prefix=prefix))
    return path


def test_report_writes_index_html_and_the_png_figures(tmp_path: Path) -> None:
    report = tmp_path / "report"
    done = run("evaluate", str(vignette_file(tmp_path, "set")), "--mode", "full",
               "--report", str(report))
    assert done.returncode == 0, done.stderr
    page = (report / "index.html").read_text(encoding="utf-8")
    for figure in FIGURES:
        assert (report / figure).read_bytes().startswith(PNG_SIGNATURE)
        assert f'src="{figure}"' in page
    assert "mode full" in page
    assert re.search(r"Knowledge base</dt><dd>\d{4}\.\d+\.\d+\+[0-9a-f]+</dd>", page)


def test_several_paths_give_one_report_over_all_of_them(tmp_path: Path) -> None:
    first, second = vignette_file(tmp_path, "first"), vignette_file(tmp_path, "second")
    report = tmp_path / "report"
    done = run("evaluate", str(first), str(second), "--report", str(report))
    assert done.returncode == 0, done.stderr
    page = (report / "index.html").read_text(encoding="utf-8")
    assert str(first) in page and str(second) in page
    assert "Metrics over 4 vignettes" in page


def test_a_report_folder_that_is_a_file_exits_non_zero_without_a_traceback(tmp_path: Path) -> None:
    taken = tmp_path / "taken"
    taken.write_text("")
    done = run("evaluate", str(vignette_file(tmp_path, "set")), "--report", str(taken))
    assert done.returncode == 2
    assert "taken" in done.stderr and "not a folder" in done.stderr
    assert "Traceback" not in done.stderr


def test_json_gives_brier_and_ece_with_the_other_metrics(tmp_path: Path) -> None:
    done = run("evaluate", str(vignette_file(tmp_path, "set")), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert 0.0 <= report["metrics"]["brier"] <= 2.0
    assert 0.0 <= report["metrics"]["ece"] <= 1.0
    assert all(0.0 <= v["brier"] <= 2.0 for v in report["vignettes"])
