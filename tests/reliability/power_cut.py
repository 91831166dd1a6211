#!/usr/bin/env python3
"""Power cuts: the real binary, a storm of presses, notes, drawings, hugs
and rain checks, killed with SIGKILL at random moments.

Each lane keeps one database for all its trials (it fills up as a kitchen's
does) and runs them one after the other; lanes run side by side. A trial:

  normal     start, wait for "ready: first frame", a random 20-600 ms of the
             storm, SIGKILL
  early      the lane's database, SIGKILL 0 ms to a little past start-up
  fresh      a new database, SIGKILL during start-up and the schema's
             migration; then a clean start on the same file must work

After every kill: PRAGMA integrity_check is ok, and everything the run
reported as committed ("saved: ..." on its log) is in the file, exactly:

  partner done/undone  one new moment_done row per "done", one row newly
                       undone per "undone"; the active row of each partner
                       for today is the last state reported
  note N by X (K ch.)  row N is new, by X, K code points of valid UTF-8 and
                       exactly one of the texts the storm types
  drawing N by X       row N is new, by X, a doodle of that many strokes
                       and points, body empty
  note N archived / back on the board
                       row N's archived_at and reason match the last report
  rain check N by X    row N exists (a new one taken by X)
  hug N s              one new completed hug row per report
  hug: cancelled       (logged before its write) a row cut short exists for
                       every cancel that the app went on from

Nothing else may change: rows that were there stay as they were (undone
and archived states change only as reported). The app logs after the
commit, so a kill can fall between a commit and its line; the app does one
thing at a time, so at most ONE committed action per trial may be
missing from the log, and it is counted, never more.

The checks read the file through a read-only connection that never
checkpoints, so the app's own start-up is what recovers a hot WAL; every
fourth check uses the sqlite3 shell (read-write), which checkpoints it.
"""
import argparse
import collections
import json
import os
import random
import re
import shutil
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import common  # noqa: E402

TEXTS = [
    "Milk and eggs",
    "Thank you for today \u2764",
    "Caf\u00e9 at 8? \u2615",
    "Gr\u00fc\u00dfe aus der K\u00fcche",
    "Pick up the kids at 4",
    "\u65e5\u672c\u8a9e\u306e\u30e1\u30e2",
    "Back at 7 \u2014 love you",
    "\u039d\u03b1\u03b9, \u03b1\u03cd\u03c1\u03b9\u03bf",
    "\U0001F33B for you",
    "x",
    "Dinner: soup, bread, the good cheese, and a walk after if it is not raining",
]


def group(rng):
    """One burst of the storm: a few steps that make sense together. Every
    group starts from a screen where its first step works or is skipped
    ("no target"), so a storm never gets stuck."""
    kind = rng.choices(["toggle", "hug", "rain", "note", "delete", "draw"], [30, 14, 10, 20, 16, 10])[0]
    if kind == "toggle":
        return [rng.choice(["key 1", "key 2", "tap-chip 0", "tap-chip 1"]) for _ in range(rng.randint(1, 3))]
    if kind == "hug":
        start, stop = rng.choice([("key h", "key h"), ("button hug", "button hug"), ("key h", "tap-at ring"),
                                  ("button hug", "key Home")])
        return [start, stop]
    if kind == "rain":
        return ["key Home", "tap-at rain", rng.choice(["tap-at rain-a", "tap-at rain-b"]), "tap-at back"]
    if kind == "note":
        s = ["key Home", "tap-at notes", "tap-at write", rng.choice(["tap-at author-a", "tap-at author-b"]),
             "text " + rng.choice(TEXTS)]
        if rng.random() < 0.2:
            s += ["button hug", "button hug"]  # a hug mid-sentence
        return s + ["tap-at save", "tap-at cancel", "tap-at cancel"]
    if kind == "delete":
        s = ["key Home", "tap-at notes", "tap-at archive-oldest", "tap-at card-%d" % rng.randint(0, 2), "tap-at delete"]
        if rng.random() < 0.3:
            s.append("tap-at undo")
        return s + ["key Home"]
    # a drawing: one stroke, from the canvas's centre
    return ["key Home", "tap-at notes", "tap-at draw", "down-at canvas",
            "move %.2f %.2f" % (rng.uniform(0.2, 0.8), rng.uniform(0.2, 0.7)),
            "move %.2f %.2f" % (rng.uniform(0.2, 0.8), rng.uniform(0.2, 0.7)),
            "up %.2f %.2f" % (rng.uniform(0.2, 0.8), rng.uniform(0.2, 0.7)),
            "tap-at save", "tap-at cancel", "tap-at cancel"]


def make_script(path, rng, steps=4000):
    lines = []
    while len(lines) < steps:
        lines += group(rng)
    # one step per millisecond: due faster than any machine handles them,
    # so the app goes flat out, in order
    with open(path, "w", encoding="utf-8") as f:
        for i, s in enumerate(lines):
            f.write("%d %s\n" % (i, s))


# ---- the file --------------------------------------------------------------

def snapshot(path):
    """What the checks look at; None when there is no file to read."""
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    con = common.db_ro(path)
    try:
        s = {"version": con.execute("PRAGMA user_version").fetchone()[0]}
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        s["tables"] = tables
        s["notes"], s["done"], s["hugs"], s["rain"] = {}, {}, {}, {}
        if s["version"] < 3:
            return s
        for r in con.execute("SELECT id, author, CAST(body AS BLOB), strokes, created_at, archived_at, "
                             "archive_reason FROM notes"):
            s["notes"][r[0]] = r[1:]
        for r in con.execute("SELECT id, day, partner, done_at, undone_at FROM moment_done"):
            s["done"][r[0]] = r[1:]
        for r in con.execute("SELECT id, day, started_at, duration_ms, completed FROM hugs"):
            s["hugs"][r[0]] = r[1:]
        for r in con.execute("SELECT id, day, partner, taken_at, kept_at FROM rain_checks"):
            s["rain"][r[0]] = r[1:]
        return s
    finally:
        con.close()


EMPTY = {"version": 0, "tables": set(), "notes": {}, "done": {}, "hugs": {}, "rain": {}}

SCHEMA = {  # the tables and tell-tale columns of each schema version
    0: (set(), {}),
    1: ({"settings", "moment_shown", "moment_done", "hugs", "notes"}, {"notes": {"body"}, "hugs": {"duration_ms"}}),
    2: ({"settings", "moment_shown", "moment_done", "hugs", "notes"},
        {"notes": {"strokes", "pinned_at", "expires_at", "archive_reason"}, "hugs": {"duration_ms"}}),
    3: ({"settings", "moment_shown", "moment_done", "hugs", "notes", "rain_checks"},
        {"notes": {"strokes", "archive_reason"}, "hugs": {"completed", "planned_ms"}}),
    4: ({"settings", "moment_shown", "moment_done", "hugs", "notes", "rain_checks", "moment_prefs"},
        {"notes": {"strokes", "archive_reason"}, "hugs": {"completed", "planned_ms"},
         "moment_prefs": {"pref", "partner", "changed_at"}}),
}


def schema_problem(path):
    """None when the tables are exactly those of the file's user_version
    (a migration is all or nothing), else what is wrong."""
    con = common.db_ro(path)
    try:
        v = con.execute("PRAGMA user_version").fetchone()[0]
        if v not in SCHEMA:
            return "user_version %d" % v
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        want, cols = SCHEMA[v]
        if tables != want:
            return "version %d with tables %s" % (v, sorted(tables))
        for t, c in cols.items():
            have = {r[1] for r in con.execute("PRAGMA table_info(%s)" % t)}
            if not c <= have:
                return "version %d: %s lacks %s" % (v, t, sorted(c - have))
        later = [(t, c) for vv in SCHEMA if vv > v for t, c in SCHEMA[vv][1].items()]
        for t, c in later:
            if t in tables:
                have = {r[1] for r in con.execute("PRAGMA table_info(%s)" % t)}
                extra = (c - SCHEMA[v][1].get(t, set())) & have
                if extra:
                    return "version %d: %s already has %s" % (v, t, sorted(extra))
        return None
    finally:
        con.close()


# ---- the log -----------------------------------------------------------------

RE = {
    "done": re.compile(r"^saved: partner ([AB]) (done|undone)$"),
    "note": re.compile(r"^saved: note (\d+) by ([AB]) \((\d+) characters\)$"),
    "drawing": re.compile(r"^saved: drawing (\d+) by ([AB]) \((\d+) strokes, (\d+) points\)$"),
    "archive": re.compile(r"^saved: note (\d+) archived \((deleted|board full)\)$"),
    "unarchive": re.compile(r"^saved: note (\d+) back on the board$"),
    "hug": re.compile(r"^saved: hug (\d+) s$"),
    "rain": re.compile(r"^saved: rain check (\d+) by ([AB])$"),
}
TODAY_RE = re.compile(r"^today (\d{4}-\d\d-\d\d): moment '[^']*', done ([01])/([01])$")


def verify(s0, s1, lines, kinds=None):
    """Checks one run's log against the file before (s0) and after (s1).
    Returns (problems, verified actions, committed-but-unlogged count)."""
    bad = []
    extras = []
    verified = 0
    s0 = s0 or EMPTY
    s1 = s1 or EMPTY
    today = None
    start_state = None
    done_log = {0: [], 1: []}
    adds = {}
    note_state = {}
    note_lines = 0
    rains = []
    hugs_done = 0
    cancels = cancels_confirmed = 0
    for i, ln in enumerate(lines):
        m = TODAY_RE.match(ln)
        if m:
            if today is None:
                start_state = (int(m.group(2)), int(m.group(3)))
            elif today != m.group(1):
                bad.append("the day changed during the run (%s, %s)" % (today, m.group(1)))
            today = m.group(1)
            continue
        if re.match(r"^store: [^/].*: ", ln) and "the board is full" not in ln:
            bad.append("a write failed: %s" % ln)
        if "damaged" in ln:
            bad.append("the file was taken for damaged: %s" % ln)
        if ln.startswith("hug: cancelled after"):
            cancels += 1
            # its row is written just after the line: confirmed once the
            # app went on to anything else without a store error
            if i + 1 < len(lines) and not lines[i + 1].startswith("store: "):
                cancels_confirmed += 1
                if kinds is not None:
                    kinds["hug cut short"] += 1
            continue
        if not ln.startswith("saved: "):
            continue
        for kind, rx in RE.items():
            m = rx.match(ln)
            if m:
                break
        else:
            bad.append("a saved line this test does not know: %s" % ln)
            continue
        if kinds is not None:
            kinds[kind if kind != "done" else m.group(2)] += 1
        if kind == "done":
            done_log[0 if m.group(1) == "A" else 1].append(m.group(2) == "done")
        elif kind == "note":
            adds[int(m.group(1))] = ("note", int(m.group(2) == "B"), int(m.group(3)))
        elif kind == "drawing":
            adds[int(m.group(1))] = ("drawing", int(m.group(2) == "B"), int(m.group(3)), int(m.group(4)))
        elif kind == "archive":
            note_state[int(m.group(1))] = m.group(2)
            note_lines += 1
        elif kind == "unarchive":
            note_state[int(m.group(1))] = None
            note_lines += 1
        elif kind == "hug":
            hugs_done += 1
        elif kind == "rain":
            rains.append((int(m.group(1)), int(m.group(2) == "B")))

    # today's state as the app read it back at start-up
    if today and start_state is not None:
        for p in (0, 1):
            active = any(r[0] == today and r[1] == p and r[3] is None for r in s0["done"].values())
            if active != bool(start_state[p]):
                bad.append("start-up read partner %s as %s, the file says %s" %
                           ("AB"[p], start_state[p], int(active)))

    # moment_done: rows stay; new rows and undos only as reported
    for rid, r0 in s0["done"].items():
        r1 = s1["done"].get(rid)
        if r1 is None:
            bad.append("moment_done row %d lost" % rid)
        elif r1[:3] != r0[:3] or (r0[3] is not None and r1[3] != r0[3]):
            bad.append("moment_done row %d changed: %s -> %s" % (rid, r0, r1))
    for p in (0, 1):
        new = [r for rid, r in s1["done"].items() if rid not in s0["done"] and r[1] == p]
        undone = [rid for rid, r in s1["done"].items() if r[1] == p and r[3] is not None and
                  (rid not in s0["done"] or s0["done"][rid][3] is None)]
        marks = sum(1 for x in done_log[p] if x)
        undos = len(done_log[p]) - marks
        d_new, d_undo = len(new) - marks, len(undone) - undos
        if d_new < 0:
            bad.append("partner %s: %d done reported, %d rows in the file" % ("AB"[p], marks, len(new)))
        if d_undo < 0:
            bad.append("partner %s: %d undone reported, %d rows undone in the file" % ("AB"[p], undos, len(undone)))
        extras += ["done %s" % "AB"[p]] * max(d_new, 0) + ["undone %s" % "AB"[p]] * max(d_undo, 0)
        verified += len(done_log[p])
        if today:
            active = any(r[0] == today and r[1] == p and r[3] is None for r in s1["done"].values())
            if done_log[p]:
                want = done_log[p][-1]
            else:
                want = any(r[0] == today and r[1] == p and r[3] is None for r in s0["done"].values())
            if active != want and max(d_new, 0) + max(d_undo, 0) == 0:
                bad.append("partner %s: last reported %s, the file says %s" %
                           ("AB"[p], "done" if want else "undone", "done" if active else "undone"))

    # notes and drawings
    for nid, n0 in s0["notes"].items():
        n1 = s1["notes"].get(nid)
        if n1 is None:
            bad.append("note %d lost" % nid)
        elif n1[:4] != n0[:4]:
            bad.append("note %d changed: %r -> %r" % (nid, n0[:4], n1[:4]))
    for nid, a in adds.items():
        verified += 1
        n = s1["notes"].get(nid)
        if nid in s0["notes"]:
            bad.append("note %d reported as new but was there before" % nid)
            continue
        if n is None:
            bad.append("note %d reported saved, not in the file" % nid)
            continue
        author, body, strokes = n[0], n[1], n[2]
        if author != a[1]:
            bad.append("note %d: author %d, reported %d" % (nid, author, a[1]))
        if a[0] == "note":
            if strokes is not None or not common.utf8_ok(body):
                bad.append("note %d: not valid text: %r" % (nid, body))
                continue
            text = body.decode("utf-8")
            if len(text) != a[2]:
                bad.append("note %d: %d characters, reported %d" % (nid, len(text), a[2]))
            if text not in TEXTS:
                bad.append("note %d: text never typed: %r" % (nid, text))
        else:
            nstrokes = strokes.count(";") if strokes else 0
            npoints = len(re.findall(r"-?\d+,-?\d+", strokes or ""))
            if body != b"" or (nstrokes, npoints) != (a[2], a[3]):
                bad.append("drawing %d: %d strokes %d points body %r, reported %d/%d" %
                           (nid, nstrokes, npoints, body, a[2], a[3]))
    for nid in s1["notes"]:
        if nid not in s0["notes"] and nid not in adds:
            extras.append("note %d" % nid)
    def state(n):  # None on the board, else why it was archived
        return n[5] if n is not None and n[4] is not None else None
    for nid, n1 in s1["notes"].items():
        want = note_state[nid] if nid in note_state else state(s0["notes"].get(nid))
        if state(n1) != want:
            extras.append("note %d %s" % (nid, state(n1) or "back on the board"))
    for nid in note_state:
        if nid not in s1["notes"]:
            bad.append("note %d reported archived or back, not in the file" % nid)
    verified += note_lines

    # rain checks
    for rid, r0 in s0["rain"].items():
        r1 = s1["rain"].get(rid)
        if r1 is None:
            bad.append("rain check %d lost" % rid)
        elif r1[:3] != r0[:3] or (r0[3] is not None and r1[3] != r0[3]):
            bad.append("rain check %d changed: %s -> %s" % (rid, r0, r1))
    logged_rain = set()
    for rid, p in rains:
        verified += 1
        r = s1["rain"].get(rid)
        if r is None:
            bad.append("rain check %d reported saved, not in the file" % rid)
        elif rid not in s0["rain"] and rid not in logged_rain and r[1] != p:
            bad.append("rain check %d: taken by %s, reported %s" % (rid, "AB"[r[1]], "AB"[p]))
        logged_rain.add(rid)
    for rid in s1["rain"]:
        if rid not in s0["rain"] and rid not in logged_rain:
            extras.append("rain check %d" % rid)

    # hugs
    for hid, h0 in s0["hugs"].items():
        if s1["hugs"].get(hid) != h0:
            bad.append("hug %d lost or changed: %s -> %s" % (hid, h0, s1["hugs"].get(hid)))
    new_done = sum(1 for hid, h in s1["hugs"].items() if hid not in s0["hugs"] and h[3] == 1)
    new_cut = sum(1 for hid, h in s1["hugs"].items() if hid not in s0["hugs"] and h[3] == 0)
    if new_done < hugs_done:
        bad.append("%d hugs reported, %d completed rows" % (hugs_done, new_done))
    extras += ["hug"] * max(new_done - hugs_done, 0)
    if not cancels_confirmed <= new_cut <= cancels:
        bad.append("%d hugs cut short (%d confirmed), %d rows" % (cancels, cancels_confirmed, new_cut))
    verified += hugs_done + cancels_confirmed

    if len(extras) > 1:
        bad.append("more than one committed action missing from the log: %s" % ", ".join(extras))
    return bad, verified, len(extras)


# ---- the lanes ---------------------------------------------------------------

class Lane(threading.Thread):
    def __init__(self, n, trials, args, root, seed):
        super().__init__(daemon=True)
        self.n, self.trials, self.args = n, trials, args
        self.dir = os.path.join(root, "lane%d" % n)
        os.makedirs(self.dir)
        self.db = os.path.join(self.dir, "moments.db")
        self.conf = common.write(os.path.join(self.dir, "names.conf"), common.NAMES_CONF)
        self.rng = random.Random(seed)
        self.scripts = []
        for k in range(6):
            p = os.path.join(self.dir, "storm%d.script" % k)
            make_script(p, self.rng)
            self.scripts.append(p)
        self.stats = dict(trials=0, startup_kills=0, fresh=0, verified=0, failures=0, integrity_failures=0,
                          unlogged=0, exited=0, hot_journals=0)
        self.failures = []
        self.kinds = collections.Counter()
        self.ready_ms = []

    def fail(self, trial, what, app=None):
        self.stats["failures"] += 1
        keep = None
        if app is not None:
            keep = os.path.join(self.dir, "failed-%d.log" % trial)
            shutil.copy(app.log_path, keep)
        self.failures.append("lane %d trial %d: %s%s" % (self.n, trial, what, " (log %s)" % keep if keep else ""))

    def est_ready_s(self):
        xs = sorted(self.ready_ms[-20:]) or [80.0]
        return xs[len(xs) // 2] / 1000.0

    def run(self):
        try:
            for t in range(self.trials):
                kind = "fresh" if t % 10 == 5 else "early" if t % 10 == 9 else "normal"
                self.trial(t, kind)
                self.stats["trials"] += 1
        except Exception as e:  # a broken test is a failure, never a pass
            self.fail(-1, "test error: %r" % e)

    def trial(self, t, kind):
        db = self.db if kind != "fresh" else os.path.join(self.dir, "fresh%d.db" % t)
        s0 = snapshot(db) if kind != "fresh" else None
        script = self.rng.choice(self.scripts)
        app = common.App(self.args.bin, self.dir, "run", db=db, config=self.conf, script=script)
        if kind == "normal":
            if not app.wait_for(b"ready: first frame"):
                self.fail(t, "no first frame (exit %s)" % app.proc.poll(), app)
                app.kill()
                return
            self.ready_ms.append((time.monotonic() - app.started) * 1000)
            time.sleep(self.rng.uniform(0.020, 0.600))
        elif kind == "early" or self.rng.random() < 0.5:
            time.sleep(self.rng.uniform(0, self.est_ready_s() * 1.3))
        else:
            # aimed at the store's open and migration, just after this line
            app.wait_for(b"library: ", timeout=common.READY_TIMEOUT_S, interval=0.0005)
            time.sleep(self.rng.uniform(0, 0.015))
        ended = app.kill()
        lines = app.lines()
        if ended is not None:
            self.stats["exited"] += 1
            self.fail(t, "the app ended by itself before the kill (status %s)" % ended, app)
        if "ready: first frame shown" not in lines:
            self.stats["startup_kills"] += 1
        for p in os.listdir(self.dir):
            if ".corrupt-" in p:
                self.fail(t, "a damaged file was moved aside: %s" % p, app)
                os.rename(os.path.join(self.dir, p), os.path.join(self.dir, "seen-" + p))
        if kind == "fresh":
            self.stats["fresh"] += 1
            self.check_fresh(t, db, app)
            return
        cli = t % 4 == 3
        ok = common.integrity_cli(db) if cli else common.integrity(db)
        if ok != "ok":
            self.stats["integrity_failures"] += 1
            self.fail(t, "integrity_check (%s): %s" % ("sqlite3 shell" if cli else "read-only", ok[:300]), app)
            return
        try:
            s1 = snapshot(db)
        except Exception as e:
            self.fail(t, "the file cannot be read after the kill: %s" % e, app)
            return
        bad, verified, unlogged = verify(s0, s1, lines, self.kinds)
        self.stats["verified"] += verified
        self.stats["unlogged"] += unlogged
        for b in bad:
            self.fail(t, b, app)

    def check_fresh(self, t, db, app):
        """A kill during start-up on a new file: what is there is whole, and
        the next start finishes the job without calling it damaged."""
        probe = db
        if os.path.exists(db + "-journal") and os.path.getsize(db + "-journal") > 0:
            # killed while the new file was still in rollback mode (before
            # WAL): a read-only connection may not roll the hot journal
            # back, so a copy is rolled back and checked; the app's own
            # start then recovers the original
            self.stats["hot_journals"] += 1
            probe = os.path.join(self.dir, "probe.db")
            for suffix in ("", "-journal"):
                shutil.copy(db + suffix, probe + suffix)
        if os.path.exists(probe) and os.path.getsize(probe) > 0:
            ok = common.integrity(probe, ro=probe == db)
            if ok != "ok":
                self.stats["integrity_failures"] += 1
                self.fail(t, "fresh file, integrity_check: %s" % ok[:300], app)
                return
            prob = schema_problem(probe)
            if prob:
                self.fail(t, "half a migration is visible: %s" % prob, app)
                return
        rc, again = common.run_script(self.args.bin, self.dir, "restart", db, self.conf,
                                      ["50 key 1", "400 quit"])
        text = again.lines()
        problems = []
        if rc != 0:
            problems.append("exit %s" % rc)
        said = [x for x in text if x.startswith("saved: partner A ")]
        if not said:
            problems.append("no 'saved: partner A ...' line")
        if any("damaged" in x for x in text):
            problems.append("the file was called damaged")
        if not problems:
            s = snapshot(db)
            active = s and any(r[1] == 0 and r[3] is None for r in s["done"].values())
            if not s or s["version"] != max(SCHEMA) or active != said[-1].endswith(" done"):
                problems.append("the file after it: %s" % (s and {k: s[k] for k in ("version", "done")}))
        if not problems:
            ok = common.integrity(db)
            if ok != "ok":
                self.stats["integrity_failures"] += 1
                problems.append("integrity_check after it: %s" % ok[:300])
        if problems:
            self.fail(t, "restart after a kill during start-up: %s" % "; ".join(problems), again)
        else:
            self.stats["verified"] += 1
        for p in os.listdir(self.dir):
            if p.startswith("fresh%d.db" % t) or p.startswith("probe.db"):
                os.remove(os.path.join(self.dir, p))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--trials", type=int, default=int(os.environ.get("RELIABILITY_TRIALS", "520")))
    ap.add_argument("--lanes", type=int, default=int(os.environ.get("RELIABILITY_LANES", "4")))
    ap.add_argument("--seed", type=int, default=int(os.environ.get("RELIABILITY_SEED", str(int(time.time())))))
    ap.add_argument("--results", required=True)
    args = ap.parse_args()
    lanes_n = max(1, min(args.lanes, args.trials))
    per = [args.trials // lanes_n + (1 if i < args.trials % lanes_n else 0) for i in range(lanes_n)]
    print("power cut: %d trials in %d lanes, seed %d (RELIABILITY_SEED to repeat)" % (args.trials, lanes_n, args.seed),
          flush=True)
    t0 = time.monotonic()
    lanes = [Lane(i, per[i], args, args.work, args.seed * 100 + i) for i in range(lanes_n)]
    for ln in lanes:
        ln.start()
    last = 0
    while any(ln.is_alive() for ln in lanes):
        time.sleep(0.5)
        done = sum(ln.stats["trials"] for ln in lanes)
        if done - last >= 100:
            last = done - done % 100
            print("power cut: %d/%d trials, %.0f s" % (done, args.trials, time.monotonic() - t0), flush=True)
    total = {k: sum(ln.stats[k] for ln in lanes) for k in lanes[0].stats}
    total["seconds"] = round(time.monotonic() - t0, 1)
    failures = [f for ln in lanes for f in ln.failures]
    for f in failures[:40]:
        print("FAILED: power cut: " + f, file=sys.stderr)
    if len(failures) > 40:
        print("FAILED: power cut: ... and %d more" % (len(failures) - 40), file=sys.stderr)
    kinds = collections.Counter()
    for ln in lanes:
        kinds.update(ln.kinds)
    total["kinds"] = dict(kinds)
    print("power cut: verified by kind: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())), flush=True)
    ready = sorted(x for ln in lanes for x in ln.ready_ms)
    total["ready_ms_median"] = round(ready[len(ready) // 2]) if ready else None
    print("power cut: %(trials)d trials (%(startup_kills)d killed during start-up, %(fresh)d of them on a new "
          "file, %(hot_journals)d with a hot rollback journal), %(verified)d reported actions verified, %(unlogged)d kills between a commit and its log line, "
          "%(failures)d failures, %(integrity_failures)d integrity failures, %(seconds).0f s" % total, flush=True)
    with open(args.results, "a") as f:
        f.write(json.dumps({"condition": "power cut", "ok": total["failures"] == 0 and
                            total["trials"] == args.trials, "detail": total}) + "\n")
    return 0 if total["failures"] == 0 and total["trials"] == args.trials else 1


if __name__ == "__main__":
    sys.exit(main())
