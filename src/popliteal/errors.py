"""One small exception hierarchy; the CLI and the web layer map it to exit codes and statuses."""

from __future__ import annotations


class PoplitealError(Exception):
    """Base of every error popliteal raises on purpose."""

    exit_code = 1
    http_status = 400


class KnowledgeBaseError(PoplitealError):
    """The packaged knowledge base is broken: a file or key names the problem."""

    exit_code = 3
    http_status = 500

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("knowledge base invalid:\n  " + "\n  ".join(problems))


class InvalidInputError(PoplitealError):
    """Input from a person or a program is wrong: an unknown id, a bad age, and so on."""

    exit_code = 2
    http_status = 422

    def __init__(self, message: str, *, field: str | None = None) -> None:
        self.field = field
        super().__init__(message)


class VignetteFileError(PoplitealError):
    """A vignette file does not follow the vignette format."""

    exit_code = 2
    http_status = 422

    def __init__(self, path: str, message: str, *, vignette_id: str | None = None,
                 field: str | None = None) -> None:
        self.path = path
        self.vignette_id = vignette_id
        self.field = field
        where = path
        if vignette_id is not None:
            where += f", vignette {vignette_id}"
        if field is not None:
            where += f", field {field}"
        super().__init__(f"{where}: {message}")


class NotFoundError(PoplitealError):
    """Something asked for does not exist (or the caller may not see it)."""

    exit_code = 4
    http_status = 404


class AuthenticationError(PoplitealError):
    """A request for an assessment came without its token, or with a malformed one."""

    http_status = 401


class ConflictError(PoplitealError):
    """Two changes raced for the same assessment; the later one must look again and retry."""

    http_status = 409


class RequestTooLargeError(PoplitealError):
    """A request body is larger than the service accepts."""

    http_status = 413
