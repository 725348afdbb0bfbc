"""Render knowledge-base entries as Markdown, and the whole reference document.

The reference is generated, never edited by hand: `make docs` rewrites it, and a test fails
when the committed file differs from what the data gives.
"""

from __future__ import annotations

from popliteal.docs.entries import KINDS, Entry, Kind, all_entries
from popliteal.knowledge import KnowledgeBase
from popliteal.levels import LEVELS

REFERENCE_PATH = "docs/reference/knowledge-base.md"

HEADINGS: dict[Kind, str] = {
    "condition": "Conditions",
    "finding": "Findings",
    "question_group": "Question groups",
    "red_flag": "Red-flag rules",
    "source": "Sources",
}

INTRODUCTION = (
    "This file is generated from the knowledge base in `src/popliteal/knowledge/data` by "
    "`make docs` (or `popliteal kb reference`). Do not edit it by hand: a test fails when it "
    "no longer matches the data. `popliteal kb show ID` prints one entry in the terminal."
)

HOW_TO_READ = (
    "A condition's prior is its relative frequency among adults with pain behind the knee; "
    "the engine multiplies it by the age and sex factors and normalises over all conditions. "
    "A likelihood is P(finding present | condition); a finding with no entry for a condition "
    "uses the finding's default likelihood. Every number gives its evidence: a source id with "
    "a note on how the number was taken from it, or an estimate with its reason. A red-flag "
    "rule sets a minimum level of care whenever it fires, whatever the probabilities say. "
    "The interview asks a finding with its own yes/no question unless a question group asks "
    "it; each question shows a reason for asking, its own or its category's."
)


def escape(text: str) -> str:
    """Make a text safe inside a Markdown table cell or list item."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_entry(entry: Entry, depth: int = 3) -> str:
    """One entry as a Markdown section with an anchor other sections can link to."""
    lines = [f'<a id="{entry.anchor}"></a>', "",
             f"{'#' * depth} `{entry.id}`: {escape(entry.title)}", ""]
    lines += [f"- **{field.label}:** {escape(field.value)}" for field in entry.fields]
    for item_list in entry.lists:
        if item_list.items:
            lines += ["", f"**{item_list.label}:**", ""]
            lines += [f"- {escape(item)}" for item in item_list.items]
        elif item_list.when_empty:
            lines += ["", f"**{item_list.label}:** {item_list.when_empty}"]
    for table in entry.tables:
        lines += ["", f"**{table.label}:**", ""]
        if not table.rows:
            lines.append("None.")
            continue
        lines.append("| " + " | ".join(table.columns) + " |")
        lines.append("|" + "---|" * len(table.columns))
        lines += ["| " + " | ".join(escape(cell) for cell in row) + " |" for row in table.rows]
    return "\n".join(lines) + "\n"


def knowledge_base_reference(kb: KnowledgeBase) -> str:
    """The whole knowledge base as one Markdown document."""
    entries = all_entries(kb)
    parts = [
        "# Knowledge base reference",
        "",
        INTRODUCTION,
        "",
        f"- **Version:** {kb.version}",
        f"- **Content hash (SHA-256):** `{kb.content_hash}`",
        f"- **Label in results:** `{kb.label}`",
        "- **Counts:** " + ", ".join(f"{len(entries[kind])} {HEADINGS[kind].lower()}"
                                     for kind in KINDS),
        f"- **Temperature of the stated probabilities:** {kb.temperature:g} (fitted on the real "
        "training cases; see docs/reference/real-cases.md)",
        "",
        "## How to read it",
        "",
        HOW_TO_READ,
        "",
        "## Levels of care",
        "",
        *[f"- `{level.value}`: {level.headline}" for level in LEVELS],
        "",
        "## Contents",
        "",
        *[f"- [{HEADINGS[kind]}](#{HEADINGS[kind].lower().replace(' ', '-')})" for kind in KINDS],
        "- [Why we ask, by category](#why-we-ask-by-category)",
        "- [Aliases](#aliases)",
        "",
    ]
    for kind in KINDS:
        parts += [f"## {HEADINGS[kind]}", ""]
        parts += [render_entry(entry) for entry in entries[kind]]
    parts += ["## Why we ask, by category", "", _why_by_category(kb)]
    parts += ["## Aliases", "", _aliases(kb)]
    return "\n".join(parts).rstrip("\n") + "\n"


def _why_by_category(kb: KnowledgeBase) -> str:
    """The reason shown for a yes/no question whose finding has no reason of its own."""
    lines = [f"- `{category}`: {escape(why)}"
             for category, why in kb.questions.why_by_category.items()]
    return "\n".join(lines) + "\n"


def _aliases(kb: KnowledgeBase) -> str:
    if not kb.aliases:
        return "No published id has been renamed.\n"
    lines = ["| old id | new id | kind | since |", "|---|---|---|---|"]
    lines += [f"| {a.old} | {a.new} | {a.kind} | {a.since} |" for a in kb.aliases]
    return "\n".join(lines) + "\n"
