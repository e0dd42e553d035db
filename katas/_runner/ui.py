"""The interactive runner: the current kata, re-checked on every save, in the terminal beside
your editor.

Three threads feed one queue that the main thread reads: key presses, file changes (watchfiles,
or polling, or none in manual mode) and the warm checker's events. Only the main thread draws.
"""

from __future__ import annotations

import os
import queue
import select
import sys
import threading
import time
from pathlib import Path
from typing import Any

from katas._runner import pristine, view
from katas._runner.results import KataResult
from katas._runner.state import STATE_FILE, Progress
from katas._runner.warm import ServerGone, WarmChecker
from katas._support import curriculum, frameworks
from katas._support.curriculum import Kata

LEGEND_GREEN = "keys: [b]n[/] next · [b]h[/] hint · [b]l[/] list · [b]r[/] re-run · [b]s[/] solution · [b]x[/] reset · [b]q[/] quit"
LEGEND_RED = "keys: [b]h[/] hint · [b]l[/] list · [b]r[/] re-run · [b]x[/] reset · [b]q[/] quit  [dim](n, s: once green)[/]"


class Session:
    def __init__(self, *, console: Any, start: Kata | None, solutions: bool, device: str, timeout: float | None,
                 watch: str, plain: bool) -> None:
        self.console = console
        self.solutions, self.device, self.timeout, self.watch_mode = solutions, device, timeout, watch
        self.tty = not plain and console.is_terminal and sys.stdin.isatty()
        self.progress = Progress.load(None if solutions else STATE_FILE)
        self.katas = list(curriculum.load())
        # The katas this environment can run (a torch-only machine has no TensorFlow katas).
        self.available = [kata for kata in self.katas if not frameworks.lacking(kata)]
        self.current = start or self._resume()
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self.stop = threading.Event()
        self.checker: WarmChecker | None = None
        self.request: int | None = None
        self.running: tuple[str, float] | None = None  # the test a long check is in, and when the check began
        self.result: KataResult | None = None
        self.notice = self.progress.warning
        if len(self.available) < len(self.katas):
            self.notice = "\n".join(filter(None, [self.notice, (
                f"[magenta]{len(self.katas) - len(self.available)} katas need what is not installed here and are "
                "left out[/] (`katas env` lists them and why).")]))
        self.mode = "normal"  # or "reset?" or "jump"
        self.typed = ""
        self.final: dict[int, Kata] = {}
        self.final_results: list[KataResult] = []
        self.warm: set[str] = set()  # frameworks the checker has imported

    def _resume(self) -> Kata:
        known = curriculum.by_id()
        if self.progress.current in known and not self.progress.is_done(self.progress.current):
            return known[self.progress.current]
        return self.progress.first_pending(among=self.available) or (self.available or self.katas)[0]

    # --- threads ------------------------------------------------------------------------------

    def _keys(self) -> None:
        fd = sys.stdin.fileno()
        if not self.tty:
            for line in sys.stdin:  # a pipe: each character is a key, a newline is Enter
                for key in line:
                    self.events.put({"event": "key", "key": key})
            return
        while not self.stop.is_set():
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                data = os.read(fd, 32)
                if not data:
                    return
                for key in data.decode(errors="ignore"):
                    self.events.put({"event": "key", "key": key})

    def _watch(self) -> None:
        import watchfiles

        # step: how long after a change watchfiles waits for more before it reports them; an
        # editor's save (write, or write-and-rename) is one burst well within 20 ms.
        for changes in watchfiles.watch(curriculum.ROOT / "katas", watch_filter=watchfiles.PythonFilter(),
                                        force_polling=self.watch_mode == "poll", poll_delay_ms=300,
                                        stop_event=self.stop, debounce=1600, step=20, raise_interrupt=False):
            self.events.put({"event": "change", "paths": [Path(path).resolve() for _, path in changes]})

    # --- actions ------------------------------------------------------------------------------

    def _start_checker(self) -> None:
        self.checker = WarmChecker(self.events.put, jobs=max(1, os.cpu_count() or 1))
        self.checker.load(self.current.frameworks)

    def check(self) -> None:
        assert self.checker is not None
        if self.request is not None:
            self.checker.cancel(self.request)
        missing = [view.relative(p) for p in (self.current.stub, self.current.tests) if not p.exists()]
        if missing:
            self.request, self.result = None, None
            self.notice = (f"[red]{', '.join(missing)} is missing[/] (listed in katas/curriculum.toml). "
                           "Press x to restore the untouched stub, or l to pick another kata.")
            return self.render()
        self.running = None
        self.request = self.checker.check(self.current, solutions=self.solutions, device=self.device,
                                          timeout=self.timeout, standby=True)  # the next save is checked sooner
        self.render(checking=True)

    def move_to(self, kata: Kata) -> None:
        self.current, self.result, self.notice = kata, None, ""
        self.progress.update(lambda progress: setattr(progress, "current", kata.id))
        self.check()

    def on_result(self, request: int, result: KataResult) -> None:
        if request in self.final:
            kata = self.final.pop(request)
            self.progress.record(kata.id, result.green, result.devices)
            self.final_results.append(result)
            if not self.final:
                self._final_verdict()
            return
        if request != self.request:
            return  # a check that a newer save replaced
        if self.result is not None and result.status != self.result.status:
            self.notice = ""  # a notice about the last state (a reset, a hint) is stale once the verdict changes
        self.request, self.result = None, result
        self.progress.record(self.current.id, result.green, result.devices)
        if result.green and all(self.progress.is_done(k.id) for k in self.available):
            return self._recheck_everything()
        self.render()

    def _recheck_everything(self) -> None:
        assert self.checker is not None
        self.final_results = []
        self.checker.load({f for kata in self.available for f in kata.frameworks})
        self.final = {self.checker.check(kata, solutions=self.solutions, device=self.device, timeout=self.timeout): kata
                      for kata in self.available}
        self.notice = f"Every kata is green. Re-checking all {len(self.available)} of them before celebrating..."
        self.render()

    def _final_verdict(self) -> None:
        red = [r for r in self.final_results if not r.green]
        if red:
            names = ", ".join(r.kata for r in red)
            self.notice = f"[red]Not yet: {names} no longer pass{'es' if len(red) == 1 else ''}.[/] Moving to the first one."
            first = curriculum.by_id()[red[0].kata]
            self.current, self.result = first, next(r for r in red if r.kata == first.id)
            self.progress.update(lambda progress: setattr(progress, "current", first.id))
            return self.render()
        self.notice = (f"[bold green]Congratulations: all {len(self.available)} katas pass, re-checked just now.[/] "
                       "Compare your answers with the references (s), or quit (q).")
        self.render()

    def on_key(self, key: str) -> bool:
        """Handle one key; False means quit."""
        if self.mode == "reset?":
            self.mode = "normal"
            if key.lower() == "y":
                try:
                    saved = pristine.reset(self.current)
                except OSError as error:
                    self.notice = f"[red]reset failed, nothing changed: {error}[/]"
                    return self.render() or True
                where = f"your version is in {view.relative(saved)}" if saved else "it was untouched already"
                self.notice = f"{view.relative(self.current.stub)} is the untouched stub again; {where}."
                self.check()
            else:
                self.notice = "reset cancelled."
                self.render()
            return True
        if self.mode == "jump":
            return self._jump_key(key)
        key = key.lower()
        green = self.result is not None and self.result.green
        movable = green or (self.result is not None and self.result.status == "unavailable")
        if key == "q":
            return False
        if key == "h":
            on_screen = " ".join(t.message for t in self.result.tests) if self.result is not None else ""
            self.notice = view.next_hint(self.progress, self.current, on_screen)
        elif key == "r":
            self.notice = ""
            return self.check() or True
        elif key == "n":
            if not movable:
                self.notice = "n (next) works once this kata is green."
            else:
                following = self.progress.first_pending(after=self.current.id, among=self.available)
                if following is None:
                    self._recheck_everything()
                    return True
                return self.move_to(following) or True
        elif key == "s":
            if not green:
                self.notice = "The reference solution opens once this kata is green."
            else:
                self.render()
                diff = view.solution_diff(self.current)
                if self.tty:  # the header stays on screen: clipped like a long verdict
                    diff = view.fit(self.console, diff, max(8, self.console.height - 14), f"katas solution {self.current.id}")
                self.console.print(diff)
                return True
        elif key == "x":
            self.mode = "reset?"
            self.notice = (f"Reset {view.relative(self.current.stub)} to the untouched stub? Your file is "
                           f"backed up to {view.relative(pristine.BACKUPS)}/ first. [b]y[/] to reset, any other key cancels.")
        elif key == "l":
            self.mode, self.typed = "jump", ""
            self.render()
            self.console.print(view.kata_table(self.progress, self.current.id, numbered=True))
            self.console.print("Jump to: type a number or a name, then Enter (Esc cancels).")
            return True
        else:
            return True
        self.render()
        return True

    def _jump_key(self, key: str) -> bool:
        if key == "\x1b":
            self.mode, self.notice = "normal", ""
            return self.render() or True
        if key in "\r\n":
            self.mode = "normal"
            choice = self.typed.strip()
            try:
                target = (self.katas[int(choice) - 1] if choice.isdigit() and 0 < int(choice) <= len(self.katas)
                          else curriculum.find(choice))
            except curriculum.UnknownKata as error:
                self.notice = f"[red]{error}[/]"
                return self.render() or True
            return self.move_to(target) or True
        if key in "\x7f\b":
            self.typed = self.typed[:-1]
        elif key.isprintable():
            self.typed += key
        if self.tty:
            self.console.print(f"\rJump to: {self.typed}  ", end="")
        return True

    # --- drawing ------------------------------------------------------------------------------

    def render(self, checking: bool = False) -> None:
        """Header, verdict, notice, keys. On a terminal the verdict is clipped so that the header
        and the keys always fit on the screen (an 80x24 terminal included)."""
        from rich.rule import Rule

        out = self.console
        index = next(i for i, k in enumerate(self.katas, start=1) if k.id == self.current.id)
        target = "  [magenta](testing the reference solutions)[/]" if self.solutions else ""
        header = [
            Rule(f"tensor katas{' · solutions' if self.solutions else ''}", style="dim") if self.tty
            else f"── tensor katas{' · solutions' if self.solutions else ''} ──",
            view.progress_bar(self.progress),
            "",
            view.title_line(f"[bold]{index}/{len(self.katas)} {self.current.id}[/]: {view.escape(self.current.title)}",
                            f"[dim]({', '.join(self.current.frameworks)})[/]{target}"),
            f"open [bold cyan]{view.relative(self.current.stub)}[/] in your editor; "
            + ("press r after each save (manual mode)" if self.watch_mode == "manual" else "each save re-checks it"),
            "",
        ]
        green = self.result is not None and self.result.green
        footer = [*(["", self.notice] if self.notice else []), "", LEGEND_GREEN if green else LEGEND_RED]
        body: list[Any] = []
        if checking or self.request is not None:
            cold = sorted(set(self.current.frameworks) - self.warm)
            if self.running is not None:
                test, began = self.running
                body.append(f"[dim]checking... {time.monotonic() - began:.0f} s, running {view.escape(test)}[/]")
            else:
                later = ("later checks skip that import" if (self.current.budget or 0) > 30  # a kata that compiles or exports
                         else "later checks take well under a second")
                body.append(f"[dim]checking... (importing {', '.join(cold)} once: a few seconds; {later})[/]"
                            if cold else "[dim]checking...[/]")
        elif self.result is not None:
            verdict = view.result_view(self.result, self.current)
            if self.tty:
                used = sum(len(out.render_lines(out.render_str(part) if isinstance(part, str) else part,
                                                out.options, pad=False)) or 1 for part in header + footer)
                verdict = view.fit(out, verdict, out.height - used - 1, f"katas run {self.current.id}")
            body.append(verdict)
            if not self.tty:
                body.append(view.verdict_line(self.result))
        if self.tty:
            out.clear()
        for part in header + body + footer:
            out.print(part)

    # --- main loop ----------------------------------------------------------------------------

    def run(self) -> int:
        restore = None
        if self.tty:
            import termios
            import tty

            fd = sys.stdin.fileno()
            saved = termios.tcgetattr(fd)
            tty.setcbreak(fd)
            restore = lambda: termios.tcsetattr(fd, termios.TCSADRAIN, saved)  # noqa: E731
        try:
            self.progress.update(lambda progress: setattr(progress, "current", self.current.id))
            self._start_checker()
            threading.Thread(target=self._keys, daemon=True, name="katas-keys").start()
            if self.watch_mode != "manual":
                threading.Thread(target=self._watch, daemon=True, name="katas-watch").start()
            self.check()
            while True:
                ticking = self.tty and self.running is not None and self.request is not None
                try:  # a long test sends no event for a while: the elapsed time still goes up
                    event = self.events.get(timeout=1.0 if ticking else None)
                except queue.Empty:
                    self.render(checking=True)
                    continue
                kind = event["event"]
                if kind == "key":
                    if not self.on_key(event["key"]):
                        break
                elif kind == "change":
                    if self.current.stub.resolve() in event["paths"] and self.mode == "normal":
                        self.check()
                elif kind == "loaded":
                    self.warm = set(event["frameworks"])
                elif kind == "running":
                    if event["id"] == self.request:
                        self.running = (event["test"], time.monotonic() - event["seconds"])
                        self.render(checking=True)
                elif kind == "result":
                    self.on_result(event["id"], event["result"])
                elif kind == "gone" and not self.stop.is_set():
                    self.notice = f"[red]the checker stopped (exit code {event['returncode']}); restarting it.[/]"
                    self.request = None
                    self._start_checker()
                    self.check()
        except KeyboardInterrupt:
            pass
        except ServerGone as error:
            self.console.print(f"[red]{error}[/]")
            return 1
        finally:
            self.stop.set()
            if self.checker is not None:
                self.checker.close()
            if restore is not None:
                restore()
        self.console.print("bye: your progress is in katas-progress.json." if not self.solutions else "bye.")
        return 0
