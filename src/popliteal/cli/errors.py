"""Turn popliteal's errors into a clear message and an exit code, never a traceback."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from rich.console import Console

from popliteal.errors import PoplitealError

P = ParamSpec("P")
R = TypeVar("R")

stderr = Console(stderr=True, highlight=False)

EXIT_INTERRUPTED = 130


def friendly_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Run a command; report PoplitealError and Ctrl-C as one line and exit non-zero."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except PoplitealError as exc:
            stderr.print(f"[bold red]error:[/] {exc}", markup=True, soft_wrap=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            stderr.print("\nStopped. Nothing was saved.")
            sys.exit(EXIT_INTERRUPTED)

    return wrapper
