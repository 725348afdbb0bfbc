"""What identifies a published case in a vignette's ``source``: its DOI, PMID and addresses.

One published case belongs to one set only; comparing these across sets finds a case that was
encoded twice.
"""

from __future__ import annotations

import re

DOI = re.compile(r"\b10\.\d{4,9}/[^\s;,\"'<>]+", re.IGNORECASE)
PMID = re.compile(r"(?:pmid:?\s*|pubmed(?:\.ncbi\.nlm\.nih\.gov)?/)(\d{5,9})", re.IGNORECASE)
URL = re.compile(r"https?://[^\s\"'<>]+", re.IGNORECASE)
TRAILING = ".,;:)]"


def source_identifiers(source: str) -> frozenset[str]:
    """Normalised identifiers: ``doi:...``, ``pmid:...`` and scheme-less, lower-case addresses."""
    found: set[str] = set()
    for match in DOI.findall(source):
        found.add("doi:" + match.rstrip(TRAILING).lower())
    for match in PMID.findall(source):
        found.add("pmid:" + match)
    for match in URL.findall(source):
        address = match.rstrip(TRAILING).lower().split("://", 1)[1]
        address = address.removeprefix("www.").rstrip("/")
        if DOI.search(address) and address.startswith(("doi.org/", "dx.doi.org/")):
            continue  # the DOI itself is already counted
        found.add("url:" + address)
    return frozenset(found)
