"""Shared syntax of the brace languages (Java, C++, JavaScript, Go, Rust, C#, Kotlin, Swift, C):
blocks in ``{ }``, ``if (c) { } else { }`` chains, statements ending in ``;`` where the language wants it.
Each language sets a few class attributes and writes its own templates and loop heads."""

from __future__ import annotations

from skeldsl.render.core import FunctionInfo, LanguageRenderer, Program


class BraceRenderer(LanguageRenderer):
    INDENT = "    "
    AND = (" && ",)
    OR = (" || ",)
    SEMI = ";"
    PAREN_CONDITIONS = True
    WHILE = "while"  # ``if (c)`` (C family) or ``if c`` (Go, Rust, Swift)
    SCALAR_CONDS = ("{acc} > {lit}", "{acc} % 2 == 0", "{k} < {acc}")
    CALL_STMTS = ("{call};", "{acc} += {call};")
    VOID_CALL_STMTS = ("{call};",)
    CALL_CONDS = ("{call} > {acc}", "{call} == {lit}")

    def cond(self, text: str) -> str:
        return f"({text})" if self.PAREN_CONDITIONS else text

    def braces(self, head: str, body: list[str]) -> list[str]:
        return self.block([head + " {"], body, ["}"])

    def exit(self, r: Program, kind: str, fn: FunctionInfo) -> str:
        if kind == "return":
            return f"return {fn.acc}{self.SEMI}" if fn.returns else f"return{self.SEMI}"
        return f"{kind}{self.SEMI}"

    def if_(self, r: Program, cond: str, then: list[str], orelse: list[str] | None) -> list[str]:
        lines = self.braces(f"if {self.cond(cond)}", then)
        if orelse is not None:
            lines[-1] = "} else {"
            lines += self.block([], orelse, ["}"])
        return lines

    def if_elif(self, r: Program, cond: str, then: list[str], inner: list[str]) -> list[str]:
        lines = self.braces(f"if {self.cond(cond)}", then)
        lines[-1] = "} else " + inner[0]
        return lines + inner[1:]

    def while_ref(self, r: Program, binding, body: list[str]) -> list[str]:
        return self.braces(f"{self.WHILE} {self.cond(self.nonempty(r, binding))}", body)

    def while_flag(self, r: Program, flag: str, body: list[str]) -> list[str]:
        return [self.declare_flag(flag)] + self.braces(f"{self.WHILE} {self.cond(flag)}",
                                                        [f"{flag} = false{self.SEMI}"] + body)

    def program_text(self, header: list[str], functions: list[list[str]], footer: list[str]) -> str:
        lines = list(header)
        for index, function in enumerate(functions):
            if index:
                lines.append("")
            lines += function
        return "\n".join(lines + footer) + "\n"
