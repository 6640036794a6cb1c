"""The one exception the build raises for bad input: its message is for people."""


class BuildError(Exception):
    """Bad input: the message says which file, entity, property and rule, one per line."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []

    def __str__(self) -> str:
        lines = [self.args[0]] + [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)
