"""The brace languages' renderer (Java, C#, C++, C, JavaScript, TypeScript, Go, Rust, Kotlin, Swift).

These languages write the same statements with different words: blocks in ``{ }``, ``if (c) { } else { }``
chains, loops whose head is one line, functions with a signature line, an accumulator declared first and
returned last.  ``BraceRenderer`` writes all of them from tables that a language fills in, so a language
module is mostly data (its operation templates, its loop heads, its types) plus the one or two things only
it does (Rust's borrow-friendly tails, Go's imports, C's prototypes).

Template fields, beyond the operation templates' ``{r}``/``{k}``/``{acc}`` (see ``core.LanguageRenderer``):

* loop heads: ``{i}`` index variable, ``{x}`` element, ``{r}`` the collection, ``{size}`` its size,
  ``{v}`` range variable, ``{n}`` range bound, ``{step}`` the increment of a counting loop;
* halving loops: ``{lo}``, ``{hi}``, ``{mid}``, ``{size}``, ``{middle}`` (the midpoint expression);
* functions: ``{type}``/``{name}`` of a parameter; ``{access}``, ``{returns}``, ``{name}``, ``{params}`` of
  a signature; ``{acc}`` in the accumulator's declaration and the final return.

Tables keyed by kind take ``"*"`` for every other kind.  Where a table has several entries, the seeded
``Program.pick`` chooses, exactly as the hand-written methods it replaced did (same bytes per seed).
"""

from __future__ import annotations

from skeldsl.render.core import FunctionInfo, LanguageRenderer, Program, ends_in_bare_exit_if


class BraceRenderer(LanguageRenderer):
    INDENT = "    "
    AND = (" && ",)
    OR = (" || ",)
    SEMI = ";"
    PAREN_CONDITIONS = True  # ``if (c)`` (C family) or ``if c`` (Go, Rust, Swift)
    WHILE = "while"  # Go writes its while loops with ``for``
    SCALAR_CONDS = ("{acc} > {lit}", "{acc} % 2 == 0", "{k} < {acc}")
    CALL_CONDS = ("{call} > {acc}", "{call} == {lit}")
    STYLES: dict[str, tuple[str, ...]] = {"keys": ("var", "var", "lit")}

    # ---- expressions -------------------------------------------------------------------------------
    FLAG = "bool {flag} = true;"  # the flag of ``while`` without a collection
    SIZE: dict[str, str] = {"*": "{r}.size()"}  # a number is its own size
    NONEMPTY: dict[str, tuple[str, ...]] = {"*": ("!{r}.isEmpty()",)}  # also over ``{size}``
    ARGUMENTS: dict[str, str] = {"num": "0", "bool": "false"}  # what a call passes for a parameter kind
    ARGUMENT: str | None = "null"  # for the other kinds (None: every kind is in ARGUMENTS)

    # ---- loops -------------------------------------------------------------------------------------
    INDEX_KINDS: frozenset[str] = frozenset({"seq", "list", "row", "grid", "str"})  # loop by index too
    INDEX_FORMS: tuple[str, ...] = ("each", "index")  # loop forms over INDEX_KINDS
    OTHER_FORMS: tuple[str, ...] = ("each",)  # loop forms over the other kinds
    INDEX_LOOP: tuple[str, ...] = ("for (int {i} = 0; {i} < {size}; {i}++)",)
    ENUMERATE_LOOP: tuple[str, ...] = ()
    EACH_LOOP: dict[str, tuple[str, ...]] = {"*": ("for (int {x} : {r})",)}
    RANGE_LOOP: tuple[str, ...] = ("for (int {v} = 0; {v} < {n}; {v}++)",
                                  "for (int {v} = {n} - 1; {v} >= 0; {v}--)")
    CONST_LOOP: tuple[str, ...] = ("for (int {v} = 0; {v} < 4; {v}++)", "for (int {v} = 0; {v} < 26; {v}++)")
    SEARCH: tuple[str, ...] = ("int {lo} = 0;", "int {hi} = {size};")  # before ``while (lo < hi)``
    MID = "int {mid} = {middle};"
    HALVING_FOR: str | None = "for (int {mid} = {size}; {mid} > 0; {step})"  # None: a ``while`` loop
    HALVING_STEPS: tuple[str, ...] = ("{mid} /= 2",)
    HALVING_INIT = ""  # with HALVING_FOR None: ``mid = size`` before ``while (mid > 0) { mid /= 2 ... }``

    # ---- functions and the program -----------------------------------------------------------------
    TYPES: dict[str, str] = {}
    PARAM = "{type} {name}"
    NO_PARAMS = ""  # the parameter list of a function without parameters (C: ``void``)
    SIGNATURE = "{access}{returns} {name}({params})"
    RETURNS = ("int", "void")  # ``{returns}`` of a function returning the accumulator, of a void one
    ACC = "int {acc} = 0;"
    RETURN: tuple[str, ...] = ("return {acc};",)
    NO_ANSWER: str | None = None  # ends a value function whose last statement is ``if c { return }``
    PREAMBLE: tuple[str, ...] = ()  # imports: the first section of the program
    CLASS_OPEN: tuple[str, ...] = ()  # functions are members of this class (indented), when given
    CLASS_CLOSE: tuple[str, ...] = ()
    TREE_NODE: tuple[str, ...] = ()  # declared when a parameter is a tree node
    TREE_NODE_FIRST = True  # before the functions (else after them)

    # ---- statements --------------------------------------------------------------------------------
    @property
    def CALL_STMTS(self) -> tuple[str, ...]:  # a table ``core`` reads, from SEMI
        return ("{call}" + self.SEMI, "{acc} += {call}" + self.SEMI)

    @property
    def VOID_CALL_STMTS(self) -> tuple[str, ...]:
        return ("{call}" + self.SEMI,)

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

    def declare_flag(self, flag: str) -> str:
        return self.FLAG.format(flag=flag)

    # ---- expressions -------------------------------------------------------------------------------
    def size(self, r: Program, binding) -> str:
        if binding.kind == "num":
            return binding.expr
        return _by_kind(self.SIZE, binding.kind).format(r=binding.expr)

    def nonempty(self, r: Program, binding) -> str:
        templates = _by_kind(self.NONEMPTY, binding.kind)
        return r.pick(templates).format(r=binding.expr, size=self.size(r, binding))

    def index(self, r: Program, binding, i: str) -> str:
        return f"{binding.expr}[{i}]"

    def argument(self, r: Program, kind: str, env) -> str:
        if self.ARGUMENT is None:
            return self.ARGUMENTS[kind]
        return self.ARGUMENTS.get(kind, self.ARGUMENT)

    def function_name(self, name: str) -> str:
        """How a function's generated name is written at its definition and its calls."""
        return name

    def call(self, r: Program, caller: FunctionInfo, callee: FunctionInfo, args: list[str]) -> str:
        return f"{self.function_name(callee.name)}({', '.join(args)})"

    # ---- loops -------------------------------------------------------------------------------------
    def loop_forms(self, kind: str) -> tuple[str, ...]:
        return self.INDEX_FORMS if kind in self.INDEX_KINDS else self.OTHER_FORMS

    def increment(self, r: Program, var: str) -> str:
        """``{step}`` of a counting loop."""
        return f"{var}++"

    def each_loop(self, r: Program, kind: str) -> tuple[str, ...]:
        return _by_kind(self.EACH_LOOP, kind)

    def for_each(self, r: Program, form: str, binding, index, element, body: list[str]) -> list[str]:
        if form == "index":
            heads = self.INDEX_LOOP
        elif form == "enumerate":
            heads = self.ENUMERATE_LOOP
        else:
            heads = self.each_loop(r, binding.kind)
        step = self.increment(r, index) if index is not None else ""
        head = r.pick(heads).format(i=index, x=element, r=binding.expr, size=self.size(r, binding), step=step)
        return self.braces(head, body)

    def for_range(self, r: Program, var: str, n: str, body: list[str]) -> list[str]:
        return self.braces(r.pick(self.RANGE_LOOP).format(v=var, n=n, step=self.increment(r, var)), body)

    def for_const(self, r: Program, var: str, body: list[str]) -> list[str]:
        return self.braces(r.pick(self.CONST_LOOP).format(v=var, step=self.increment(r, var)), body)

    def midpoint(self, r: Program, lo: str, hi: str) -> str:
        return f"({lo} + {hi}) / 2"

    SHIFT = "(1 << {n})"  # 2^n as the language writes it

    def for_subsets(self, r: Program, var: str, n: str, body: list[str]) -> list[str]:
        """Every bitmask of ``n`` bits, counting up (the first counting-loop form of the language)."""
        head = self.RANGE_LOOP[0].format(v=var, n=self.SHIFT.format(n=n), step=self.increment(r, var))
        return self.braces(head, body)

    def halving(self, r: Program, binding, lo: str, hi: str, mid: str, body: list[str]) -> list[str]:
        """A binary search (``while lo < hi``) or a loop that halves ``mid``, half the time each."""
        size = self.size(r, binding)
        if r.rng.random() < 0.5:
            setup = [line.format(lo=lo, hi=hi, size=size) for line in self.SEARCH]
            middle = self.midpoint(r, lo, hi)
            inner = [self.MID.format(mid=mid, middle=middle), f"{lo} = {mid} + 1{self.SEMI}"]
            return setup + self.braces(f"{self.WHILE} {self.cond(f'{lo} < {hi}')}", inner + body)
        if self.HALVING_FOR is None:
            return [self.HALVING_INIT.format(mid=mid, size=size)] + self.braces(
                f"{self.WHILE} {self.cond(f'{mid} > 0')}", [f"{mid} /= 2{self.SEMI}"] + body)
        step = r.pick(self.HALVING_STEPS).format(mid=mid)
        return self.braces(self.HALVING_FOR.format(mid=mid, size=size, step=step), body)

    # ---- functions and the program -----------------------------------------------------------------
    def param(self, name: str, kind: str) -> str:
        return self.PARAM.format(type=self.TYPES[kind], name=name)

    def signature(self, r: Program, fn: FunctionInfo) -> str:
        params = ", ".join(self.param(name, kind) for name, kind in fn.params) or self.NO_PARAMS
        first = fn is next(iter(r.functions.values()))
        return self.SIGNATURE.format(access=r.style.get("access", "") if first else "",
                                     returns=self.RETURNS[0] if fn.returns else self.RETURNS[1],
                                     name=self.function_name(fn.name), params=params)

    def function_tail(self, r: Program, fn: FunctionInfo, needs_return: bool) -> list[str]:
        """The statements after the body: the final return, or a statement the compiler accepts in its
        place after ``if c { return }`` (which must stay last: the normaliser merges a return after it)."""
        if self.NO_ANSWER is not None and fn.returns and ends_in_bare_exit_if(fn.skel):
            return [self.NO_ANSWER]
        return [r.pick(self.RETURN).format(acc=fn.acc)] if needs_return else []

    def function(self, r: Program, fn: FunctionInfo, body: list[str], needs_return: bool) -> list[str]:
        head = self.signature(r, fn)
        tail = self.function_tail(r, fn, needs_return)
        return self.braces(head, [self.ACC.format(acc=fn.acc)] + body + tail)

    def preamble(self, r: Program, text: str) -> list[str]:
        """The lines before the functions (``text``: the functions); a blank line follows them."""
        return list(self.PREAMBLE)

    def program(self, r: Program, functions: list[list[str]]) -> str:
        text = self.program_text([], functions, [])
        tree = list(self.TREE_NODE) if "TreeNode" in text else []
        sections = [self.preamble(r, text)]
        if self.TREE_NODE_FIRST:
            sections.append(tree)
        if self.CLASS_OPEN:
            members = [self.INDENT + line if line else line for line in text.rstrip("\n").split("\n")]
            text = "\n".join([*self.CLASS_OPEN, *members, *self.CLASS_CLOSE]) + "\n"
        out = "".join("\n".join(section) + "\n\n" for section in sections if section) + text
        if tree and not self.TREE_NODE_FIRST:
            out += "\n" + "\n".join(tree) + "\n"
        return out

    def program_text(self, header: list[str], functions: list[list[str]], footer: list[str]) -> str:
        lines = list(header)
        for index, function in enumerate(functions):
            if index:
                lines.append("")
            lines += function
        return "\n".join(lines + footer) + "\n"


# Operations of containers with ``push_back``/``pop_front`` ends (C++ ``deque``, Rust ``VecDeque``) and a
# ``push``/``pop`` heap (``priority_queue``, ``BinaryHeap``).
PUSH_BACK_OPS: dict[tuple[str, str], tuple[str, ...]] = {
    ("queue", "queue.push"): ("{r}.push_back({k});",),
    ("queue", "queue.pop"): ("{r}.pop_front();",),
    ("deque", "deque.push"): ("{r}.push_back({k});",),
    ("deque", "deque.pushfront"): ("{r}.push_front({k});",),
    ("deque", "deque.pop"): ("{r}.pop_back();",),
    ("deque", "deque.popfront"): ("{r}.pop_front();",),
    ("heap", "heap.push"): ("{r}.push({k});",),
    ("heap", "heap.pop"): ("{r}.pop();",),
}


def _by_kind(table: dict, kind: str):
    return table[kind] if kind in table else table["*"]
