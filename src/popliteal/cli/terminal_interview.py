"""The interview in a terminal: age and sex, the person's own words, then one question at a time.

Keys at every question: the answer, ``b`` to go back, ``q`` to quit. Anything else is met with
a short line saying what is expected, and the question is asked again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape

from popliteal.api import make_patient
from popliteal.engine.evidence import MAX_AGE, MIN_AGE
from popliteal.interview import (
    InterviewState,
    Question,
    answer_question,
    go_back,
    plan,
    start_interview,
)
from popliteal.interview.model import NO, UNKNOWN, YES
from popliteal.knowledge import KnowledgeBase

KEYS_YES_NO = {"y": YES, "yes": YES, "n": NO, "no": NO, "d": UNKNOWN, "?": UNKNOWN}
BACK = "b"
QUIT = "q"
SKIP = "s"
PROGRESS_WIDTH = 20


class Quit(Exception):
    """The person chose to stop."""


@dataclass(frozen=True)
class Understood:
    """One finding read from the person's words, as it is shown back to them."""

    finding_id: str
    present: bool
    words: str


NarrativeReader = Callable[[str], list[Understood]]


def narrative_reader() -> NarrativeReader | None:
    """The free-text reader, when this installation has it (it loads a language model)."""
    try:
        from popliteal.text import read_narrative
    except ImportError:  # pragma: no cover - the reader ships with popliteal
        return None

    def read(text: str) -> list[Understood]:
        reading = read_narrative(text)
        words: dict[str, str] = {}
        for item in reading.understood:
            words.setdefault(item.finding_id, item.text)
        return [Understood(f, v, words.get(f, "")) for f, v in reading.findings.items()]

    return read


class TerminalInterview:
    """Asks, reads and re-asks through a rich console; returns the finished interview state."""

    def __init__(self, console: Console, reader: NarrativeReader | None) -> None:
        self.console = console
        self.reader = reader

    def run(self, kb: KnowledgeBase) -> InterviewState:
        self.console.rule("popliteal: pain behind the knee")
        self.console.print("A few questions to judge how urgent this is and what may cause it. "
                           "Type [bold]q[/] at any question to stop, [bold]b[/] to go back.\n")
        patient = make_patient(self.ask_age(), self.ask_sex())
        state = start_interview(kb, patient, self.ask_story(kb))
        warned = False
        while True:
            step = plan(kb, state)
            if step.question is None:
                return state
            if step.emergency is not None and not warned:
                self.show_emergency(step.emergency.headline)
                warned = True
            self.show_question(step.question, step.answered, step.still_to_come)
            value = self.ask_answer(step.question, optional=step.optional)
            if value == SKIP:
                return state
            if value == BACK:
                if not state.answers:
                    self.console.print("This is the first question.", style="yellow")
                state = go_back(state)
                continue
            state = answer_question(kb, state, step.question.id, value)

    def read(self, prompt: str) -> str:
        try:
            text = self.console.input(prompt)
        except EOFError:
            raise KeyboardInterrupt from None
        if text.strip().lower() == QUIT:
            raise Quit
        return text.strip()

    def ask_age(self) -> int:
        while True:
            text = self.read("How old are you (in years)? ")
            if not text.isdigit():
                self.console.print("Please type your age as a whole number, for example 54.",
                                   style="yellow")
            elif not MIN_AGE <= int(text) <= MAX_AGE:
                self.console.print(f"popliteal is for adults: please give an age from {MIN_AGE} "
                                   f"to {MAX_AGE}.", style="yellow")
            else:
                return int(text)

    def ask_sex(self) -> str:
        choices = {"f": "female", "female": "female", "m": "male", "male": "male"}
        while True:
            text = self.read("Your sex, as used for medical risks: female or male? \\[f/m] ")
            if text.lower() in choices:
                return choices[text.lower()]
            self.console.print("Please type f for female or m for male.", style="yellow")

    def ask_story(self, kb: KnowledgeBase) -> Mapping[str, bool]:
        if self.reader is None:
            return {}
        self.console.print("\nIn your own words, what is wrong with your knee or leg? "
                           "(Press Enter to skip.)")
        text = self.read("> ")
        if not text:
            return {}
        with self.console.status("Reading what you wrote..."):
            understood = self.reader(text)
        if not understood:
            self.console.print("We could not pick out anything specific; the questions will "
                               "cover it.\n")
            return {}
        return self.confirm(kb, understood)

    def confirm(self, kb: KnowledgeBase, understood: list[Understood]) -> dict[str, bool]:
        self.console.print("\nThis is what we understood:")
        for number, item in enumerate(understood, start=1):
            answer = "yes" if item.present else "no"
            source = f'  [dim](from "{escape(item.words)}")[/]' if item.words else ""
            self.console.print(f"  {number}. {escape(kb.findings[item.finding_id].question)} "
                               f"[bold]{answer}[/]{source}")
        while True:
            text = self.read("Press Enter if this is right, or type the numbers of any that "
                             "are wrong: ")
            wrong = _numbers(text, len(understood))
            if wrong is not None:
                break
            self.console.print(f"Please type numbers between 1 and {len(understood)}, "
                               "separated by spaces, or just press Enter.", style="yellow")
        kept = {item.finding_id: item.present for number, item in enumerate(understood, start=1)
                if number not in wrong}
        if wrong:
            self.console.print("Left those out; we will ask about them if they matter.")
        self.console.print()
        return kept

    def show_question(self, question: Question, answered: int, still_to_come: int) -> None:
        total = answered + still_to_come
        filled = round(PROGRESS_WIDTH * answered / total) if total else PROGRESS_WIDTH
        bar = "▰" * filled + "▱" * (PROGRESS_WIDTH - filled)
        self.console.print(f"\n[dim]{bar}  question {answered + 1}, at most about {total} "
                           "in all[/]")
        self.console.print(f"[bold]{escape(question.text)}[/]")
        for number, option in enumerate(question.options, start=1):
            self.console.print(f"  {number}  {escape(option.label)}")
        self.console.print(f"[dim]Why we ask: {escape(question.why)}[/]")

    def show_emergency(self, headline: str) -> None:
        """An emergency is shown at once; the questions after it are optional."""
        self.console.print(f"\n[bold white on red] {escape(headline)} [/]")
        self.console.print("Your answers so far show that you need emergency care. Do not wait "
                           "to finish. If you are waiting for help, the next questions are "
                           "optional: they help the doctors and will not change this advice. "
                           f"Type [bold]{SKIP}[/] to skip them and see what to do.")

    def ask_answer(self, question: Question, optional: bool = False) -> str:
        skip = f", {SKIP} = skip the optional questions" if optional else ""
        if question.kind == "yes_no":
            prompt = f"Answer: y = yes, n = no, d = don't know (b = back, q = quit{skip}): "
            hint = "Please type y, n or d (or b to go back, q to quit)."
        else:
            count = len(question.options)
            prompt = f"Answer: 1-{count}, d = don't know (b = back, q = quit{skip}): "
            hint = f"Please type a number from 1 to {count}, or d (or b to go back, q to quit)."
        while True:
            text = self.read(prompt).lower()
            if optional and text == SKIP:
                return SKIP
            value = _answer_value(question, text)
            if value is not None:
                return value
            self.console.print(hint, style="yellow")


def _answer_value(question: Question, text: str) -> str | None:
    if text == BACK:
        return BACK
    if question.kind == "yes_no":
        return KEYS_YES_NO.get(text)
    if text in ("d", "?"):
        return UNKNOWN
    if text.isdigit() and 1 <= int(text) <= len(question.options):
        return question.options[int(text) - 1].id
    return None


def _numbers(text: str, count: int) -> set[int] | None:
    """The numbers typed, or None if anything typed is not a number in range."""
    parts = text.replace(",", " ").split()
    if not all(p.isdigit() and 1 <= int(p) <= count for p in parts):
        return None
    return {int(p) for p in parts}
