"""`popliteal assess`: the installed program, driven through a real terminal with pexpect."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

POPLITEAL = str(Path(sys.executable).parent / "popliteal")
ENV = {**os.environ, "TERM": "dumb", "NO_COLOR": "1", "COLUMNS": "100"}
YES_NO = "y = yes"
CHOICE = r"Answer: 1-(\d)"
RESULT = "How urgent"


@pytest.fixture
def terminal() -> pexpect.spawn:
    child = pexpect.spawn(POPLITEAL, ["assess"], env=ENV, encoding="utf-8", timeout=30,
                          dimensions=(50, 100))
    yield child
    child.close(force=True)


def start(child: pexpect.spawn, story: str = "") -> None:
    child.expect("How old are you")
    child.sendline("58")
    child.expect("female or male")
    child.sendline("f")
    child.expect("In your own words")
    child.sendline(story)


def answer_everything_no(child: pexpect.spawn) -> int:
    """Answer no (or the last option, "none of these") until the result; return how many."""
    asked = 0
    while True:
        found = child.expect([YES_NO, CHOICE, RESULT])
        if found == 2:
            return asked
        child.sendline("n" if found == 0 else child.match.group(1))
        asked += 1


def test_a_whole_interview_ends_on_the_result_screen(terminal: pexpect.spawn) -> None:
    terminal.expect("How old are you")
    terminal.sendline("old")
    terminal.expect("whole number")
    terminal.sendline("9")
    terminal.expect("for adults")
    terminal.sendline("58")
    terminal.expect("female or male")
    terminal.sendline("x")
    terminal.expect("f for female or m for male")
    terminal.sendline("f")
    terminal.expect("In your own words")
    terminal.sendline("")
    terminal.expect("question 1, at most about")
    terminal.expect("Why we ask:")
    asked = answer_everything_no(terminal)
    assert 1 <= asked <= 40
    for part in ("Most likely causes", "What you can do now", "When to get help",
                 "gives information, not a diagnosis"):
        terminal.expect(part)
    terminal.expect(pexpect.EOF)
    terminal.close()
    assert terminal.exitstatus == 0


def test_bad_answers_are_asked_again_and_back_returns_to_the_question(
        terminal: pexpect.spawn) -> None:
    start(terminal)
    terminal.expect(r"question 1, at most about \d+ in all\s+(.+?)\r?\n")
    first = terminal.match.group(1)
    terminal.sendline("maybe")
    terminal.expect("Please type")
    terminal.sendline("b")
    terminal.expect("This is the first question")
    terminal.expect(r"question 1, at most about \d+ in all\s+(.+?)\r?\n")
    assert terminal.match.group(1) == first
    terminal.expect([YES_NO, CHOICE])
    terminal.sendline("d")
    terminal.expect("question 2")
    terminal.sendline("b")
    terminal.expect(r"question 1, at most about \d+ in all\s+(.+?)\r?\n")
    assert terminal.match.group(1) == first


def test_quit_stops_without_saving(terminal: pexpect.spawn) -> None:
    start(terminal)
    terminal.expect("question 1")
    terminal.sendline("q")
    terminal.expect("Stopped. Nothing was saved.")
    terminal.expect(pexpect.EOF)
    terminal.close()
    assert terminal.exitstatus == 0


def test_ctrl_c_stops_with_a_clear_message_and_no_traceback(terminal: pexpect.spawn) -> None:
    start(terminal)
    terminal.expect("question 1")
    terminal.sendintr()
    terminal.expect("Stopped. Nothing was saved.")
    terminal.expect(pexpect.EOF)
    assert "Traceback" not in (terminal.before or "")
    terminal.close()
    assert terminal.exitstatus == 130 or terminal.signalstatus is not None


def test_the_persons_own_words_are_read_and_shown_to_confirm(terminal: pexpect.spawn) -> None:
    start(terminal, "The back of my knee has been swollen for a week. No calf pain.")
    terminal.expect("This is what we understood")
    terminal.expect("Is there swelling or a feeling of fullness at the back of your knee")
    terminal.expect("type the numbers of any that are wrong")
    terminal.sendline("")
    terminal.expect("question 1")
    assert answer_everything_no(terminal) >= 1


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([POPLITEAL, "assess", *args], capture_output=True, text=True,
                          env=ENV, timeout=120, check=False)


def test_a_file_of_answers_gives_a_machine_readable_result(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("age: 70\nsex: male\nfindings: {calf_swelling: true}\n"
                       "answers:\n  onset: sudden\n  chest_screen: breathless\n")
    done = run("--answers", str(answers), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["level"] == "emergency_ambulance"
    assert result["interview"]["questions"] >= 2
    assert result["assessment"]["disclaimer"]


def test_a_file_of_answers_can_be_read_as_json_and_shown_as_the_result_screen(
        tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"age": 45, "sex": "female",
                                   "answers": {"chest_screen": "none", "fever": False}}))
    done = run("--answers", str(answers))
    assert done.returncode == 0, done.stderr
    assert "How urgent" in done.stdout and "Most likely causes" in done.stdout


@pytest.mark.parametrize(("content", "named"), [
    ("age: 12\nsex: female\n", "age"),
    ("age: 40\nsex: female\nanswers: {fever: perhaps}\n", "answers.fever"),
    ("age: 40\nsex: female\ncolour: red\n", "colour"),
    ("age: [40\n", "not valid YAML"),
])
def test_a_bad_file_of_answers_names_the_problem_without_a_traceback(
        tmp_path: Path, content: str, named: str) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(content)
    done = run("--answers", str(answers))
    assert done.returncode == 2
    assert "answers.yaml" in done.stderr and named in done.stderr
    assert "Traceback" not in done.stderr
