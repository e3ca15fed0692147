#!/usr/bin/env python3
"""The handouts benchmark: whole-process figures beside the yardsticks, in one run.

    python benchmarks/bench.py            # the full benchmark: 5 pairs a figure, 500-handout batch
    python benchmarks/bench.py --quick    # 1 run at tiny sizes: proves it works, in seconds (CI)

Every speed figure is a ratio to a yardstick in ../shared/bench (bare ReportLab, Typst,
WeasyPrint), measured pair by pair: our process, then the yardstick's, back to back,
several times; the ratio of each pair; the median of those ratios. So a machine that is
busy for a while slows both sides of a pair alike, and the figure moves less than
medians taken apart. The tool measured is this checkout's (`python -m handouts`, with
the checkout first on PYTHONPATH). Prints a Markdown table on stdout; progress goes to
stderr. Exits 0 when everything could be measured, whatever the figures; 2 when
something could not run.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024
DATE = "2026-11-21"
# six bundled exercises, each with a pictogram
SIX = ("clamshell", "pelvic-drop", "clamshell-band", "lateral-band-walk", "side-lying-hip-abduction", "wall-side-bend")
BATCH_PROGRAM = "early-stage"  # copied once per patient for the batch
SEARCH = "side hip"  # the free-text filter of the listing


class BenchError(Exception):
    """Something needed for a figure could not run; the message says what."""


@dataclass
class Run:
    seconds: float
    max_rss: int | None  # bytes, of the process alone
    stdout: str
    stderr: str
    cpu: float | None = None  # user + system seconds, its worker processes included


@dataclass
class Row:
    what: str
    measured: str
    yardstick: str = "–"
    ratio: str = "–"
    target: str = ""
    verdict: str = ""  # pass, FAIL, or why it was not measured


@dataclass
class Bench:
    quick: bool
    runs: int
    yardsticks: Path
    work: Path
    env: dict[str, str]
    rows: list[Row] = field(default_factory=list)
    raw: dict[str, object] = field(default_factory=dict)

    # ---- running processes ----------------------------------------------------------

    def run(self, command: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
        """Run one process to the end; its wall time and its own peak RSS."""
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            process = subprocess.Popen(command, cwd=cwd or self.work, env=env or self.env, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
            if hasattr(os, "wait4"):
                _, status, usage = os.wait4(process.pid, 0)
                seconds = time.perf_counter() - start
                process.returncode = os.waitstatus_to_exitcode(status)
                rss: int | None = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
                cpu: float | None = usage.ru_utime + usage.ru_stime
            else:  # no per-process rusage here
                process.wait()
                seconds, rss, cpu = time.perf_counter() - start, None, None
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
        if process.returncode != 0:
            tail = " | ".join(stderr.strip().splitlines()[-3:])
            raise BenchError(f"{' '.join(command[:4])} ... exited {process.returncode}: {tail}")
        return Run(seconds, rss, stdout, stderr, cpu)

    def tool(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "handouts", *args]

    def yardstick(self, name: str, *, exercises: int, copies: int, out: Path) -> list[str]:
        out.mkdir(parents=True, exist_ok=True)
        script = self.yardsticks / f"yardstick_{name}.py"
        return [sys.executable, str(script), "--exercises", str(exercises), "--copies", str(copies), "--out", str(out)]

    def interleaved(self, commands: dict[str, list[str]], runs: int | None = None) -> dict[str, list[Run]]:
        """Each command `runs` times, taking turns, so that all see the same load."""
        results: dict[str, list[Run]] = {name: [] for name in commands}
        for i in range(runs or self.runs):
            for name, command in commands.items():
                progress(f"  {name} ({i + 1}/{runs or self.runs})")
                results[name].append(self.run(command))
        return results

    def add(self, row: Row) -> None:
        self.rows.append(row)
        progress(f"  -> {row.what}: {row.measured} | {row.yardstick} | {row.ratio} | {row.verdict}")

    # ---- the figures ------------------------------------------------------------------

    def paired(self, pairs: dict[str, tuple[list[list[str]], list[list[str]]]], runs: int | None = None,
               envs: dict[str, dict[str, str]] | None = None) -> dict[str, list[tuple[list[Run], list[Run]]]]:
        """Each pair's two sides back to back, ours first, then the yardstick; all the pairs in
        turn, `runs` times. A side is a list of commands (a batch's is two: one handout, then
        K). What is compared is each pair's ratio, taken within the pair, so that a machine
        that slows down for a while slows both sides of the pairs it touches alike; the
        figure is the median of those ratios, not a ratio of medians taken apart."""
        runs = runs or self.runs
        results: dict[str, list[tuple[list[Run], list[Run]]]] = {name: [] for name in pairs}
        for i in range(runs):
            for name, (ours, theirs) in pairs.items():
                progress(f"  {name} ({i + 1}/{runs})")
                env = (envs or {}).get(name, {})
                mine = [self.run(command, env=self.env | {k: v.format(i=i) for k, v in env.items()}) for command in ours]
                results[name].append((mine, [self.run(command) for command in theirs]))
        return results

    def missing(self, name: str) -> str | None:
        """Why a yardstick cannot run here (its engine not installed, or not loading), or None."""
        module = {"reportlab": "reportlab", "weasyprint": "weasyprint", "typst": "typst"}[name]
        if not (self.yardsticks / f"yardstick_{name}.py").is_file():
            return f"no yardstick_{name}.py in {self.yardsticks}"
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed (pip install '.[bench]')"
        try:
            self.run([sys.executable, "-c", f"import {module}"])
        except BenchError as error:
            return f"{module} does not load ({str(error)[-160:]})"
        return None

    def single(self) -> None:
        """One 6-exercise handout with pictograms, whole process, against each yardstick, pair by pair."""
        progress("one 6-exercise handout")
        out = self.work / "single"
        out.mkdir()
        ours = self.tool("build", *[a for i in SIX for a in ("-e", i)], "--date", DATE, "-o", str(out / "handout.pdf"))
        engines = {name: self.missing(name) for name in ("reportlab", "typst", "weasyprint")}
        if engines["reportlab"]:
            raise BenchError(f"the bare-ReportLab yardstick cannot run: {engines['reportlab']}")
        yardsticks = {name: [self.yardstick(name, exercises=6, copies=1, out=out / name)] for name, why in engines.items() if why is None}
        # Every measured run is warm, as a clinic's desk is after its first handout: the first
        # build on a machine reads every file and draws every picture, later ones take them
        # from the cache (cache.py). This run fills it; the cold build is measured below.
        self.run(ours)
        for commands in yardsticks.values():
            self.run(commands[0])  # the same for the yardsticks: their files read once before
        results = self.paired({name: ([ours], commands) for name, commands in yardsticks.items()})
        self.raw["single_seconds"] = {name: [[a[0].seconds, b[0].seconds] for a, b in rounds] for name, rounds in results.items()}
        targets = {"reportlab": ("≤ 1.0×", 1.0), "typst": ("–", None), "weasyprint": ("≤ 0.25×", 0.25)}
        names = {"reportlab": "bare ReportLab", "typst": "Typst", "weasyprint": "WeasyPrint"}
        for name in ("reportlab", "typst", "weasyprint"):
            target, limit = targets[name]
            what = f"one 6-exercise handout, whole process, warm cache, vs {names[name]}" + ("" if limit else " (for information)")
            if name not in results:
                self.add(Row(what, "not measured", "–", "–", target, f"not measured: {engines[name]}"))
                continue
            ratio, mine, theirs = pair_figures(results[name], lambda side: side[0].seconds)
            self.add(Row(what, secs(mine), secs(theirs), times(ratio), target, verdict(ratio <= limit) if limit else "–"))
        self.cold(ours, yardsticks["reportlab"][0])
        rounds = results["reportlab"]
        if all(side[0].max_rss for pair in rounds for side in pair):
            ratio, mine, theirs = pair_figures(rounds, lambda side: side[0].max_rss)
            self.add(Row("peak memory, 6-exercise handout (for information)", mib(mine), mib(theirs), times(ratio), "–", "–"))
        pdf = out / "handout.pdf"
        per_page = pdf.stat().st_size / pages(pdf)
        self.raw["pictogram_pdf"] = {"bytes": pdf.stat().st_size, "pages": pages(pdf)}
        rl_pdf = out / "reportlab" / "yardstick-reportlab-0.pdf"
        rl_per_page = rl_pdf.stat().st_size / pages(rl_pdf)
        self.add(Row(f"PDF size, pictograms only ({pages(pdf)} pages)", kb(per_page) + "/page", kb(rl_per_page) + "/page",
                     times(per_page / rl_per_page), "≤ 40 KB/page", verdict(per_page <= 40_000)))

    def cold(self, ours: list[str], reportlab: list[str]) -> None:
        """The first build on a new machine (an empty cache, each run its own), pair by pair
        with the bare-ReportLab yardstick."""
        progress("the same handout, first build with an empty cache")
        results = self.paired({"cold": ([ours], [reportlab])}, envs={"cold": {"HANDOUTS_CACHE_DIR": str(self.work / "cold-cache-{i}")}})
        ratio, mine, theirs = pair_figures(results["cold"], lambda side: side[0].seconds)
        self.raw["single_cold_seconds"] = [[a[0].seconds, b[0].seconds] for a, b in results["cold"]]
        self.add(Row(f"the same handout, first build with an empty cache, vs bare ReportLab (for information, {self.runs} run{'s' if self.runs > 1 else ''})",
                     secs(mine), secs(theirs), times(ratio), "–", "–"))

    def batch(self) -> None:
        """K handouts in one process: the marginal cost per handout, against each yardstick
        making K copies, pair by pair; then 2 workers against 1, pair by pair."""
        k = 3 if self.quick else 500
        progress(f"a batch of {k} handouts")
        programs = self.work / "programs"
        programs.mkdir()
        exercises = write_programs(programs, k)
        files = sorted(str(p) for p in programs.glob("*.yaml"))
        outs = {name: self.work / f"batch-{name}" for name in ("one", "serial", "parallel")}
        for folder in outs.values():
            folder.mkdir()
        one = self.tool("build", files[0], "--out-dir", str(outs["one"]))
        serial = self.tool("build", *files, "--out-dir", str(outs["serial"]))
        parallel = self.tool("build", *files, "--out-dir", str(outs["parallel"]), "--jobs", "2")
        engines = {name: self.missing(name) for name in ("reportlab", "typst")}
        if engines["reportlab"]:
            raise BenchError(f"the bare-ReportLab yardstick cannot run: {engines['reportlab']}")
        pairs = {f"{name} per handout": ([one, serial], [self.yardstick(name, exercises=exercises, copies=copies, out=self.work / f"batch-{name}{copies}")
                                                        for copies in (1, k)])
                 for name, why in engines.items() if why is None}
        pairs["--jobs 2 against 1"] = ([serial], [parallel])
        self.run(one)  # fills the cache, as a clinic's first handout of the day would
        results = self.paired(pairs)
        self.raw["batch_seconds"] = {name: [[[r.seconds for r in a], [r.seconds for r in b]] for a, b in rounds] for name, rounds in results.items()}

        def marginal(side: list[Run]) -> float:
            return (side[1].seconds - side[0].seconds) / (k - 1)

        what = f"batch of {k} handouts ({BATCH_PROGRAM}, {exercises} exercises), marginal cost per handout"
        for name, label, target, limit in (("reportlab", "bare ReportLab's per copy", "≤ 0.8×", 0.8), ("typst", "Typst's per copy", "< 1.0×", 1.0)):
            if f"{name} per handout" not in results:
                self.add(Row(f"{what}, vs {label}", "not measured", "–", "–", target, f"not measured: {engines[name]}"))
                continue
            ratio, mine, theirs = pair_figures(results[f"{name} per handout"], marginal)
            ok = ratio <= limit if limit != 1.0 else ratio < limit
            self.add(Row(f"{what}, vs {label}", ms(mine), ms(theirs), times(ratio), target, verdict(ok)))
        names = [Path(f).stem + ".pdf" for f in files]
        same = all((outs["serial"] / name).read_bytes() == (outs["parallel"] / name).read_bytes() for name in names)
        alone = (outs["one"] / names[0]).read_bytes() == (outs["serial"] / names[0]).read_bytes()
        rounds = results["--jobs 2 against 1"]
        speedup = median([a[0].seconds / b[0].seconds for a, b in rounds])
        cores = os.cpu_count() or 1
        note = "" if same else " (but the PDFs differ from the serial build's)"
        note += "" if alone else " (but the first PDF differs from the one it makes alone)"
        cpu = [median([side[0].cpu for side in pair]) if all(side[0].cpu for side in pair) else None for pair in zip(*rounds)]
        busy = f" (CPU {cpu[1]:.1f} s against {cpu[0]:.1f} s)" if all(cpu) else ""
        self.add(Row(f"the same batch, --jobs 2 against 1 ({cores} cores here)",
                     f"{secs(median([b[0].seconds for _, b in rounds]))} against {secs(median([a[0].seconds for a, _ in rounds]))}{busy}",
                     "–", f"{speedup:.2f}× faster", "≥ 1.8× faster", verdict(speedup >= 1.8 and same and alone) + note))

    def listing(self) -> None:
        """`handouts list --library DIR --search ...` over 1,000 entries, whole process."""
        n = 50 if self.quick else 1000
        progress(f"listing a library of {n} entries")
        library = self.work / "library"
        library.mkdir()
        write_library(library, n)
        command = self.tool("list", "--library", str(library), "--search", SEARCH)
        results = self.interleaved({"handouts list": command})["handouts list"]
        found = len(results[0].stdout.splitlines())
        if not found:
            raise BenchError(f"handouts list --search {SEARCH!r} found nothing in the generated library")
        t = median([r.seconds for r in results])
        self.raw["list_seconds"] = [r.seconds for r in results]
        self.add(Row(f"list and filter a library of {n} entries, whole process ({found} found)", secs(t), "–", "–",
                     "≤ 0.4 s", verdict(t <= 0.4)))

    def importing(self) -> None:
        """`handouts import free-exercise-db` of a database the size of the whole one (the
        sample's entries under new ids), then `handouts list` of the library it makes."""
        n = 60 if self.quick else 873
        sample = REPO.parent / "shared" / "datasets" / "free-exercise-db" / "exercises"
        what = f"import {n} free-exercise-db entries, whole process"
        if not sample.is_dir():
            self.add(Row(what, "not measured", target="≤ 10 s", verdict=f"not measured: no sample in {sample}"))
            return
        progress(f"importing a free-exercise-db of {n} entries")
        source = self.work / "free-exercise-db"
        photos = write_database(sample, source, n)
        runs = []
        for i in range(self.runs):  # each into a new folder: an import never writes over a file
            progress(f"  handouts import ({i + 1}/{self.runs})")
            runs.append(self.run(self.tool("import", "free-exercise-db", str(source), "--out", str(self.work / f"imported-{i}"))))
        library = self.work / "imported-0"
        written = len(list(library.glob("*.yaml")))
        t = median([r.seconds for r in runs])
        self.raw["import_seconds"] = [r.seconds for r in runs]
        self.add(Row(f"{what} ({written} written)", secs(t), "–", "–", "≤ 10 s", verdict(t <= 10 and written == n)))
        with_photos = self.run(self.tool("import", "free-exercise-db", str(source), "--out", str(self.work / "imported-photos"),
                                         "--with-photos"))
        self.raw["import_with_photos_seconds"] = with_photos.seconds
        self.add(Row(f"the same import with --with-photos, {photos} photos checked and copied (for information, 1 run)",
                     secs(with_photos.seconds), "–", "–", "–", "–"))
        command = self.tool("list", "--library", str(library))
        self.run(command)  # fills the cache, as the first listing after an import does
        listed = self.interleaved({"handouts list": command})["handouts list"]
        found = len(listed[0].stdout.splitlines())
        t = median([r.seconds for r in listed])
        self.raw["imported_list_seconds"] = [r.seconds for r in listed]
        self.add(Row(f"list the imported library with the bundled entries ({found} entries), whole process", secs(t), "–", "–",
                     "≤ 0.4 s", verdict(t <= 0.4 and found > n)))

    def photos(self) -> None:
        """Each exercise with its own large photo instead of a pictogram: PDF size per page."""
        width, height = (600, 400) if self.quick else (6000, 4000)
        progress(f"six exercises with a {width}x{height} photo each")
        folder = self.work / "photos"
        folder.mkdir()
        # made in a child process: a process started from a large one reports that one's peak
        # RSS as its own (Linux counts the image it replaces), which would spoil later figures
        self.run([sys.executable, str(Path(__file__).resolve()), "--make-photos", str(folder), str(width), str(height), str(len(SIX))])
        lines = [f"title: Photo handout\ndate: {DATE}\nexercises:"]
        for i, exercise in enumerate(SIX):
            lines.append(f"  - id: {exercise}\n    illustration: {{pictures: [photo-{i}.jpg]}}")
        program = folder / "photos.yaml"
        program.write_text("\n".join(lines) + "\n", encoding="utf-8")
        pdf = folder / "photos.pdf"
        run = self.run(self.tool("build", str(program), "-o", str(pdf)))
        per_page = pdf.stat().st_size / pages(pdf)
        self.raw["photo_pdf"] = {"bytes": pdf.stat().st_size, "pages": pages(pdf), "seconds": run.seconds, "max_rss": run.max_rss}
        self.add(Row(f"PDF size, a {width}x{height} photo per exercise ({pages(pdf)} pages)", kb(per_page) + "/page", "–", "–",
                     "≤ 150 KB/page", verdict(per_page <= 150_000)))
        if run.max_rss:
            self.add(Row("the same build with photos, whole process (for information, 1 run)", f"{secs(run.seconds)}, {mib(run.max_rss)}",
                         "–", "–", "–", "–"))

    def memory(self) -> None:
        """Peak RSS of one 40-exercise handout, whole process."""
        n = 8 if self.quick else 40
        progress(f"peak memory, one {n}-exercise handout")
        folder = self.work / "memory"
        folder.mkdir()
        program = folder / "forty.yaml"
        write_long_program(program, n)
        results = self.interleaved({
            "handouts": self.tool("build", str(program), "-o", str(folder / "forty.pdf")),
            "reportlab": self.yardstick("reportlab", exercises=n, copies=1, out=folder / "rl"),
        })
        if not all(r.max_rss for runs in results.values() for r in runs):
            self.add(Row(f"peak memory, {n}-exercise handout", "not measured", "–", "–", "≤ 60 MiB", "not measured: no per-process rusage here"))
            return
        ours, theirs = (median([r.max_rss for r in results[name]]) for name in ("handouts", "reportlab"))
        self.raw["memory_40"] = {name: [r.max_rss for r in runs] for name, runs in results.items()}
        own = own_peak_rss()
        if own and min(ours, theirs) <= own:
            self.add(Row(f"peak memory, {n}-exercise handout", mib(ours), mib(theirs), "–", "≤ 60 MiB",
                         f"not measured: the benchmark's own peak RSS ({mib(own)}) hides the child's"))
            return
        self.add(Row(f"peak memory, {n}-exercise handout ({pages(folder / 'forty.pdf')} pages), whole process", mib(ours), mib(theirs),
                     times(ours / theirs), "≤ 60 MiB", verdict(ours <= 60 * MIB)))

    def batch_memory(self) -> None:
        """RSS after 10%, 50% and all of a batch built in one process with the library API."""
        k = 10 if self.quick else 500
        marks = sorted({max(1, k // 10), k // 2, k})
        progress(f"memory across a batch of {k} in one process")
        programs = self.work / "programs"
        if not programs.is_dir():
            programs.mkdir()
            write_programs(programs, k)
        files = sorted(programs.glob("*.yaml"))[:k]
        while len(files) < k:  # the quick batch wrote fewer programs: build them again
            files += files[: k - len(files)]
        listing = self.work / "batch-memory.json"
        listing.write_text(json.dumps([str(f) for f in files]))
        run = self.run([sys.executable, "-c", MEMORY_PROBE, str(listing), json.dumps(marks)])
        rss = json.loads(run.stdout.strip().splitlines()[-1])  # {mark: [current RSS, peak RSS]}
        self.raw["batch_memory"] = rss
        current = [rss[str(m)][0] for m in marks]
        peak = [rss[str(m)][1] for m in marks]
        growth = current[-1] - current[0]
        flat = growth <= 2 * MIB and peak[-1] - peak[0] <= 2 * MIB
        shown = ", ".join(f"{m}: {mib(c)}" for m, c in zip(marks, current))
        self.add(Row(f"RSS across a batch in one process (after {', '.join(map(str, marks))})", shown,
                     f"peak {mib(peak[0])} → {mib(peak[-1])}", f"{growth / MIB:+.1f} MiB", "flat (≤ 2 MiB growth)", verdict(flat)))


# The batch-memory probe, run in a child process with the library API: build every
# program, keep nothing, and print the RSS after each mark.
MEMORY_PROBE = r"""
import json, resource, sys, datetime as dt
from pathlib import Path
from handouts.commands.build import Builder, Request

def status(field):
    # VmRSS now, VmHWM the peak, of this process's own memory (not of the one it replaced)
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) * 1024 for line in f if line.startswith(field + ":"))
    except (OSError, StopIteration):
        return None

files, marks = json.loads(Path(sys.argv[1]).read_text()), set(json.loads(sys.argv[2]))
builder, out = Builder(()), {}
for i, name in enumerate(files, 1):
    builder.pdf(Request(program=name))
    if i in marks:
        peak = status("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
        out[i] = [status("VmRSS") or peak, peak]
print(json.dumps(out))
"""


# ---- inputs ---------------------------------------------------------------------------


def write_programs(folder: Path, k: int) -> int:
    """K copies of a bundled program, each for a different patient; returns its exercise count."""
    import yaml

    source = REPO / "programs" / f"{BATCH_PROGRAM}.yaml"
    text = source.read_text(encoding="utf-8")
    for i in range(1, k + 1):
        (folder / f"patient-{i:04d}.yaml").write_text(f"patient: Patient {i:04d}\ndate: {DATE}\n{text}", encoding="utf-8")
    return len(yaml.safe_load(text)["exercises"])


def write_library(folder: Path, n: int) -> None:
    """N exercise entries made from the bundled ones, each under a new id."""
    sources = sorted((REPO / "exercises").glob("*.yaml"))
    for i in range(n):
        source = sources[i % len(sources)]
        text, count = re.subn(r"^id: *(\S+)", lambda m: f"id: {m.group(1)}-copy-{i:04d}", source.read_text(encoding="utf-8"), count=1, flags=re.M)
        if count != 1:
            raise BenchError(f"{source}: no top-level 'id:' line to rename")
        (folder / f"{source.stem}-copy-{i:04d}.yaml").write_text(text, encoding="utf-8")


def write_database(sample: Path, folder: Path, n: int) -> int:
    """A free-exercise-db of N entries: the sample's, each under a new id, its photos
    linked (not copied) under that id. Returns the number of photos."""
    records = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(sample.glob("*.json"))]
    exercises = folder / "exercises"
    exercises.mkdir(parents=True)
    photos = 0
    for i in range(n):
        record = dict(records[i % len(records)])
        record["id"] = f"{record['id']}_{i:04d}"
        (exercises / record["id"]).mkdir()
        for name in record["images"]:
            target = exercises / record["id"] / Path(name).name
            try:
                os.link(sample / name, target)
            except OSError:
                shutil.copyfile(sample / name, target)
            photos += 1
        record["images"] = [f"{record['id']}/{Path(name).name}" for name in record["images"]]
        (exercises / f"{record['id']}.json").write_text(json.dumps(record, indent=2), encoding="utf-8")
    return photos


def write_long_program(path: Path, n: int) -> None:
    """A program of N items: the bundled exercises, each on as many sides as it takes."""
    import yaml

    items: list[str] = []
    sides = (None, "left", "right", "both", "each")
    entries = sorted((REPO / "exercises").glob("*.yaml"))
    for side in sides:
        for entry in entries:
            default = (yaml.safe_load(entry.read_text(encoding="utf-8")).get("dosage") or {}).get("side")
            if len(items) < n and (side is None or side != default):
                items.append(f"  - {entry.stem}" if side is None else f"  - {{id: {entry.stem}, side: {side}}}")
    if len(items) < n:
        raise BenchError(f"only {len(items)} distinct exercise-and-side items in the bundled library, not {n}")
    path.write_text(f"title: A long programme\ndate: {DATE}\nexercises:\n" + "\n".join(items) + "\n", encoding="utf-8")


def photo_like_jpeg(path: Path, width: int, height: int, *, seed: int) -> None:
    """A JPEG that compresses like a photo: soft shapes of colour, shading and grain."""
    import random

    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    small = Image.new("RGB", (max(8, width // 20), max(8, height // 20)), tuple(rng.randrange(60, 200) for _ in range(3)))
    draw = ImageDraw.Draw(small)
    sw, sh = small.size
    for _ in range(60):
        x, y, r = rng.randrange(sw), rng.randrange(sh), rng.randrange(2, max(3, sw // 6))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    image = small.filter(ImageFilter.GaussianBlur(2)).resize((width, height), Image.BICUBIC)
    grain = Image.merge("RGB", [Image.effect_noise((width, height), 12 + 2 * c) for c in range(3)])
    image = Image.blend(image, grain, 0.12)
    image.save(path, "JPEG", quality=90)


# ---- reading and formatting -------------------------------------------------------------


def pages(pdf: Path) -> int:
    """The page count: ReportLab writes each page object uncompressed."""
    count = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes()))
    if not count:
        raise BenchError(f"{pdf}: no pages found")
    return count


def own_peak_rss() -> int | None:
    """This process's peak RSS: a child started from it reports at least this much."""
    try:
        import resource
    except ImportError:
        return None
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)


def median(values: list[float]) -> float:
    return statistics.median(values)


def pair_figures(rounds: list[tuple[list[Run], list[Run]]], figure) -> tuple[float, float, float]:
    """The median of the pairs' ratios (ours over the yardstick's), and each side's median, for the table."""
    ratios = [figure(ours) / figure(theirs) if figure(theirs) else float("inf") for ours, theirs in rounds]
    return median(ratios), median([figure(ours) for ours, _ in rounds]), median([figure(theirs) for _, theirs in rounds])


def secs(value: float) -> str:
    return f"{value:.3f} s"


def ms(value: float) -> str:
    return f"{value * 1000:.1f} ms"


def mib(value: float) -> str:
    return f"{value / MIB:.1f} MiB"


def kb(value: float) -> str:
    return f"{value / 1000:.1f} KB"


def times(value: float) -> str:
    return f"{value:.2f}×"


def verdict(ok: bool) -> str:
    return "pass" if ok else "FAIL"


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def table(rows: list[Row]) -> str:
    lines = ["| what | measured | yardstick | ratio | target | pass/fail |", "| --- | --- | --- | --- | --- | --- |"]
    lines += [f"| {r.what} | {r.measured} | {r.yardstick} | {r.ratio} | {r.target} | {r.verdict} |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--make-photos"]:  # the child process of Bench.photos
        folder, width, height, count = Path(argv[1]), int(argv[2]), int(argv[3]), int(argv[4])
        for i in range(count):
            photo_like_jpeg(folder / f"photo-{i}.jpg", width, height, seed=i)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one run at tiny sizes, to prove the benchmark works (CI)")
    parser.add_argument("--runs", type=int, help="runs per figure (default 5; 1 with --quick)")
    parser.add_argument("--yardsticks", type=Path, default=REPO.parent / "shared" / "bench",
                        help="the folder of yardstick_reportlab.py, yardstick_typst.py and yardstick_weasyprint.py "
                             "(default: ../shared/bench from the repository)")
    parser.add_argument("--only", action="append", choices=["single", "batch", "listing", "importing", "photos", "memory", "batch_memory"],
                        help="run only this part (repeatable)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every raw figure to FILE")
    parser.add_argument("--keep", action="store_true", help="keep the working folder (printed at the end)")
    args = parser.parse_args(argv)
    runs = args.runs or (1 if args.quick else 5)
    if runs < 1:
        parser.error("--runs must be at least 1")
    yardsticks = args.yardsticks.resolve()
    if not (yardsticks / "yardstick_reportlab.py").is_file():  # the others' rows say "not measured" without theirs
        print(f"error: {yardsticks}/yardstick_reportlab.py not found (give the folder with --yardsticks DIR)", file=sys.stderr)
        return 2
    # An installed tool runs from bytecode (pip compiles it at install time). A checkout
    # may not have it, and with PYTHONDONTWRITEBYTECODE set it never gets it: every run
    # would compile every module afresh, about 50 ms that no user pays.
    compileall.compile_dir(REPO / "handouts", quiet=1)
    env = dict(os.environ)
    work = Path(tempfile.mkdtemp(prefix="handouts-bench-"))
    env["HANDOUTS_CACHE_DIR"] = str(work / "cache")  # starts empty: the first run fills it, as on a new machine
    env["PYTHONPATH"] = os.pathsep.join([str(REPO)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    bench = Bench(args.quick, runs, yardsticks, work, env)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    started = time.perf_counter()
    try:
        for part in args.only or ["single", "batch", "listing", "importing", "photos", "memory", "batch_memory"]:
            getattr(bench, part)()
    except BenchError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        if args.keep:
            progress(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    after = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    mode = "quick: 1 run, tiny sizes; the figures mean nothing" if args.quick else f"median of {runs} runs"
    print(f"handouts benchmark ({mode}); Python {sys.version.split()[0]}, {os.cpu_count()} cores"
          + (f", load average {load:.2f} before and {after:.2f} after" if load is not None else "")
          + f", {time.perf_counter() - started:.0f} s in all\n")
    print(table(bench.rows))
    if args.json:
        args.json.write_text(json.dumps({"rows": [r.__dict__ for r in bench.rows], "raw": bench.raw}, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
