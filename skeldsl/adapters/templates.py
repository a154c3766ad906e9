"""The two task formats of the EffiSkel release, as configurable prompt templates.

A multi-task example is ``prompt + target``: the prompt is a template filled with the problem text, the
target is the code (code generation) or its skeleton (skeleton prediction).  The loss only sees target
tokens, so the template decides what the model is conditioned on and the task prefix decides which head
is trained.  The defaults follow the release's ``[GEN_CODE]`` / ``[GEN_CODESKELETON]`` prefixes and its
APPS-style ``QUESTION:`` / ``ANSWER:`` layout.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CODE", "SKELETON", "TASK_NAMES", "TaskTemplates"]

#: ``task_id`` of a code-generation example (loss through the language-model head).
CODE = 0
#: ``task_id`` of a skeleton-prediction example (loss through the skeleton head).
SKELETON = 1
TASK_NAMES = {CODE: "code", SKELETON: "skeleton"}


@dataclass(frozen=True)
class TaskTemplates:
    """Prompt templates; ``{prompt}`` is replaced by the problem text (``str.format`` syntax).

    The target follows the rendered prompt directly, so a template should end where the answer starts.
    """

    code: str = "[GEN_CODE]\nQUESTION:\n{prompt}\nANSWER:\n"
    skeleton: str = "[GEN_CODESKELETON]\nQUESTION:\n{prompt}\nSKELETON:\n"

    def __post_init__(self) -> None:
        for name in ("code", "skeleton"):
            template = getattr(self, name)
            try:
                template.format(prompt="")
            except (KeyError, IndexError, ValueError) as error:
                raise ValueError(f"template {name!r} must only use the field {{prompt}}: {error}") from None

    def render(self, task: int, prompt: str) -> str:
        """The prompt text of one example of ``task`` (``CODE`` or ``SKELETON``)."""
        if task == CODE:
            return self.code.format(prompt=prompt)
        if task == SKELETON:
            return self.skeleton.format(prompt=prompt)
        raise ValueError(f"unknown task id {task!r} (known: {CODE} code, {SKELETON} skeleton)")
