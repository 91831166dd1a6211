#!/usr/bin/env python3
"""Bad input: each condition against the real binary, headless. Each must
give a clear message, keep the app running (or exit 2 for bad usage) and
lose nothing already saved. A condition this machine cannot create is
reported as skipped, with why.

The read-only and full-disk conditions need a filesystem of their own:
a tmpfs in a private mount namespace (unshare -m as root, unshare -rm as
a user), where this script runs itself again (--inner) so that what it
checks lives as long as the mount.
"""
import argparse
import hashlib
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import traceback

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import common  # noqa: E402

BEFORE = "Before the trouble \u2764"


class Skip(Exception):
    pass


class Check:
    """Collects the problems of one condition."""

    def __init__(self):
        self.problems = []
        self.notes = []

    def true(self, cond, what):
        if not cond:
            self.problems.append(what)
        return cond

    def info(self, what):
        self.notes.append(what)


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def lines_of(app):
    return app.lines()


def has(lines, pattern):
    rx = re.compile(pattern)
    return any(rx.search(x) for x in lines)


def no_crash(c, rc, app, want=0):
    c.true(rc == want, "exit status %s, wanted %s (log %s)" % (rc, want, app.log_path))
    c.true("ready: first frame shown" in lines_of(app), "no first frame")


# ---- the saved history every condition must not lose --------------------

class Ctx:
    def __init__(self, binary, work):
        self.bin = binary
        self.work = work
        self.names = common.write(os.path.join(work, "names.conf"), common.NAMES_CONF)
        self.base = os.path.join(work, "base.db")
        self.base_rows = None

    def run(self, name, db, steps, config=None, **kw):
        return common.run_script(self.bin, self.work, name, db, config or self.names, steps, **kw)

    def make_base(self):
        """A history with a moment done, a note, a hug cut short and many
        archived notes (so that the file has pages to lose)."""
        rc, app = self.run("base", self.base, ["100 tap-chip 0", "200 tap-at notes", "300 tap-at write",
                                               "400 text " + BEFORE, "500 tap-at save", "600 key Home",
                                               "700 key h", "800 key h", "1200 quit"])
        lines = app.lines()
        if rc != 0 or "saved: partner A done" not in lines or not has(lines, r"^saved: note 1 by A"):
            raise RuntimeError("cannot make the starting history (exit %s, log %s)" % (rc, app.log_path))
        con = sqlite3.connect(self.base, isolation_level=None)
        con.execute("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 300) "
                    "INSERT INTO notes (author, body, created_at, archived_at, archive_reason) "
                    "SELECT i % 2, printf('old note %d %s', i, hex(randomblob(100))), 1700000000 + i, "
                    "1700000000 + i, 'deleted' FROM c")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        self.base_rows = rows(self.base)

    def copy_base(self, path):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
        shutil.copy(self.base, path)
        return path


def rows(db):
    con = common.db_ro(db)
    try:
        return {
            "notes": con.execute("SELECT id, author, CAST(body AS BLOB), archived_at FROM notes ORDER BY id").fetchall(),
            "done": con.execute("SELECT id, day, partner, undone_at FROM moment_done ORDER BY id").fetchall(),
            "hugs": con.execute("SELECT id, duration_ms, completed FROM hugs ORDER BY id").fetchall(),
        }
    finally:
        con.close()


def kept(c, ctx, db, what="the history"):
    """Everything in the starting history is still in db, unchanged."""
    ok = common.integrity(db)
    if not c.true(ok == "ok", "%s: integrity_check: %s" % (what, ok[:200])):
        return
    now = rows(db)
    for k, before in ctx.base_rows.items():
        have = set(now[k])
        lost = [r for r in before if r not in have]
        c.true(not lost, "%s: %d %s rows lost or changed, e.g. %r" % (what, len(lost), k, lost[:1]))


# ---- notes ----------------------------------------------------------------

def cond_notes_invalid(ctx, c):
    bad = [b"\xff\xfe", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"abc\xe2\x82", b"a\x07b", b"\x80\x80\x80"]
    steps = [b"100 tap-at notes", b"200 tap-at write", b"300 text Good"]
    t = 400
    for b in bad:
        steps.append(b"%d text " % t + b)
        t += 50
    steps += [b"%d text  morning \xe2\x9d\xa4" % t, b"%d tap-at save" % (t + 100), b"%d quit" % (t + 500)]
    db = ctx.copy_base(os.path.join(ctx.work, "notes-invalid.db"))
    rc, app = ctx.run("notes-invalid", db, b"\n".join(steps))
    lines = app.lines()
    no_crash(c, rc, app)
    n = sum(1 for x in lines if x == "editor: rejected input that is not valid text")
    c.true(n == len(bad), "%d of %d invalid texts refused with a message" % (n, len(bad)))
    m = [re.match(r"^saved: note (\d+) by A \((\d+) characters\)$", x) for x in lines]
    m = [x for x in m if x]
    if c.true(len(m) == 1, "the valid text around them was not saved"):
        nid = int(m[0].group(1))
        body = common.db_ro(db).execute("SELECT CAST(body AS BLOB) FROM notes WHERE id = ?", (nid,)).fetchone()[0]
        c.true(common.utf8_ok(body), "the saved note is not valid UTF-8: %r" % body)
        c.true(body == "Good morning \u2764".encode(), "the saved note is %r, wanted only the valid text" % body)
    kept(c, ctx, db)
    c.info("%d invalid sequences refused with a message; the valid text around them saved" % len(bad))


def cond_script_stray_bytes(ctx, c):
    """A text step of more than 30 continuation bytes in a row: the script
    driver cuts text into 31-byte events between code points, and must
    still move on (the editor then refuses the bytes)."""
    db = os.path.join(ctx.work, "stray.db")
    steps = b"100 tap-at notes\n200 tap-at write\n300 text a" + b"\x80" * 40 + b"\n400 text ok\n500 tap-at save\n900 quit"
    rc, app = ctx.run("stray", db, steps, timeout=20)
    log = app.lines()
    c.true(rc == 0, "exit status %s: the app hung on the step (killed after 20 s; app/script.c cuts a text "
           "into events and, with no code point boundary in 31 bytes, cuts 0 bytes forever)" % rc)
    c.true("editor: rejected input that is not valid text" in log, "the stray bytes were not refused")
    c.true(has(log, r"^saved: note \d+ by A \(2 characters\)$"), "the text after them was not saved")


def cond_notes_100k(ctx, c):
    unit = "Kitchen-note-\u00e9\u2764\U0001F33B-"
    text = ""
    while len(text.encode()) < 100 * 1024:
        text += unit
    steps = ["100 tap-at notes", "200 tap-at write"]
    i, t = 0, 300
    while i < len(text):
        j = i
        while j < len(text) and len(text[i:j + 1].encode()) <= 120:
            j += 1
        steps.append("%d text %s" % (t, text[i:j]))
        i, t = j, t + 1
    steps += ["%d tap-at save" % (t + 100), "%d quit" % (t + 500)]
    db = ctx.copy_base(os.path.join(ctx.work, "notes-100k.db"))
    rc, app = ctx.run("notes-100k", db, steps, timeout=600)
    lines = app.lines()
    no_crash(c, rc, app)
    m = [re.match(r"^saved: note (\d+) by A \((\d+) characters\)$", x) for x in lines]
    m = [x for x in m if x]
    if c.true(len(m) == 1, "the capped note was not saved"):
        nid = int(m[0].group(1))
        body = common.db_ro(db).execute("SELECT CAST(body AS BLOB) FROM notes WHERE id = ?", (nid,)).fetchone()[0]
        ok = common.utf8_ok(body)
        c.true(ok, "the saved note is not valid UTF-8")
        if ok:
            s = body.decode()
            c.true(len(s) <= 280, "the saved note has %d code points (limit 280)" % len(s))
            c.true(s == text[:280], "the saved note is not the first 280 code points typed")
            c.true(m[0].group(2) == "280", "the log says %s characters" % m[0].group(2))
    kept(c, ctx, db)
    c.info("%d bytes in %d text events: the note saved is the first 280 code points" %
           (len(text.encode()), len(steps) - 4))


# ---- the config file ---------------------------------------------------------

def config_problems(text):
    """(line, message) for each 'file:line: message' in text."""
    out = []
    for x in text.splitlines():
        m = re.match(r"^.*?\.conf:(\d+): (.*)$", x)
        if m:
            out.append((int(m.group(1)), m.group(2)))
    return out


def cond_config_utf8_long(ctx, c):
    conf = os.path.join(ctx.work, "utf8-long.conf")
    long_line = b"font = /usr/share/fonts/" + b"x" * (100 * 1024) + b".ttf"
    lines = [b"[partner_a]",                      # 1
             b"name = \xff\xfeAlex",              # 2 invalid UTF-8 name
             b"[partner_b]",                      # 3
             b"name = Sam",                       # 4
             b"color = ocean\xc3",                # 5 cut in the middle of a character
             b"[display]",                        # 6
             long_line,                           # 7 100 KB
             b"rotation = 45",                    # 8 the line after it is still line 8
             b"[screen]",                         # 9
             b"dim = off",                        # 10
             b"off = off",                        # 11
             b"[\xff\xfe]",                       # 12 a section name that is not text
             b"key = value"]                      # 13
    with open(conf, "wb") as f:
        f.write(b"\n".join(lines) + b"\n")
    want = {2, 5, 7, 8, 13}
    r = subprocess.run([ctx.bin, "--check-config", "--config", conf], capture_output=True, timeout=60,
                       env=common.app_env())
    c.true(r.returncode == 2, "--check-config exit %s, wanted 2" % r.returncode)
    got = config_problems(r.stdout.decode("utf-8", "replace"))
    c.true({n for n, _ in got} == want, "--check-config named lines %s, wanted %s" % (sorted(n for n, _ in got), sorted(want)))
    msgs = dict(got)
    c.true("UTF-8" in msgs.get(2, ""), "line 2 not called invalid UTF-8: %r" % msgs.get(2))
    c.true("too long" in msgs.get(7, ""), "the 100 KB line not called too long: %r" % msgs.get(7))
    c.true("rotation" in msgs.get(8, ""), "line 8 (rotation) not reported after the long line: %r" % msgs.get(8))
    bad_bytes = [x for x in r.stdout.split(b"\n") if not common.utf8_ok(x)]
    c.true(not bad_bytes, "the message for a [section] name that is not UTF-8 echoes its raw bytes, so it "
           "is not valid UTF-8 itself: %r" % (bad_bytes[:1],))
    db = ctx.copy_base(os.path.join(ctx.work, "utf8-long.db"))
    rc, app = ctx.run("utf8-long", db, ["100 tap-chip 1", "600 quit"], config=conf)
    no_crash(c, rc, app)
    log = app.lines()
    got = config_problems("\n".join(log))
    c.true({n for n, _ in got} == want, "the app logged lines %s, wanted %s" % (sorted(n for n, _ in got), sorted(want)))
    c.true("saved: partner B done" in log, "a tap was not saved with this config")
    c.true(has(log, r"^display: .*rotation 0$"), "rotation is not the default 0")
    with open(app.log_path, "rb") as f:
        raw = f.read()
    c.true(common.utf8_ok(raw), "the app's log has a line that is not UTF-8 (journalctl shows such a line as "
           "'[N blob data]'; the on-screen notice shows it as replacement marks)")
    kept(c, ctx, db)
    c.info("lines 2, 5, 7 (100 KB), 8, 13 named; a tap saved")


ALL_WRONG = [
    b"[partner_a]", b"name =", b"color = chartreuse", b"nickname = Al",
    b"[partner_b]", "name = ".encode() + "\u00c4".encode() * 30, b"colour = #12345",
    b"[display]", b"rotation = 45", b"font = \xff\xfe.ttf", b"font_bold = Lato\xc0\xaf.ttf", b"evening_hour = 24",
    b"night_hour = -1", b"morning_hour = six", b"clock_check = maybe", b"brightness = 50",
    b"[screen]", b"dim = 25:00", b"off = 7pm", b"on = noon", b"brightness = 0", b"dim_brightness = 101",
    b"wake_seconds = 1", b"idle_minutes = 2000", b"backlight = " + b"b" * 80, b"rotation = 90",
    b"[gpio]", b"chip = " + b"c" * 80, b"partner_a = GPIO/17", b"partner_b = GPIO:27", b"hug = !", b"next = ?",
    b"pir = a.b", b"led_a = $", b"led_b = +", b"debounce_ms = 0", b"long_press_ms = 10", b"colour = red",
    b"[hug]", b"seconds = 5", b"chime = loud", b"chime_volume = 101", b"chime_at_night = sometimes",
    b"length = 30",
    b"[nonsense]", b"key = value",
    b"this line is not a setting",
]


def cond_config_all_wrong(ctx, c):
    conf = os.path.join(ctx.work, "all-wrong.conf")
    with open(conf, "wb") as f:
        f.write(b"\n".join(ALL_WRONG) + b"\n")
    want = {i + 1 for i, x in enumerate(ALL_WRONG) if not x.startswith(b"[")}
    r = subprocess.run([ctx.bin, "--check-config", "--config", conf], capture_output=True, timeout=60,
                       env=common.app_env())
    c.true(r.returncode == 2, "--check-config exit %s, wanted 2" % r.returncode)
    got = {n for n, _ in config_problems(r.stdout.decode("utf-8", "replace"))}
    c.true(got == want, "--check-config: lines not named %s, named but fine %s" %
           (sorted(want - got), sorted(got - want)))
    db = os.path.join(ctx.work, "all-wrong.db")
    # defaults everywhere: no names (the welcome screen), rotation 0, a
    # 30 s hug, the built-in screen hours (the run is at local noon)
    rc, app = ctx.run("all-wrong", db, ["100 button hug", "300 button hug", "600 quit"], config=conf)
    no_crash(c, rc, app)
    log = app.lines()
    logged = {n for n, _ in config_problems("\n".join(log))}
    c.true(logged == want, "the app's log: lines not named %s" % sorted(want - logged))
    c.true(has(log, r"^display: .*rotation 0$"), "rotation is not the default 0")
    c.true("hug: started (30 s)" in log, "the hug is not the default 30 s")
    c.true(has(log, r"^screen: welcome"), "without names the welcome screen did not open")
    c.info("all %d lines named by file:line, --check-config exits 2, the app runs on the defaults" % len(want))


# ---- the database file ---------------------------------------------------------

def moved_aside(c, ctx, db, original_bytes, name, steps=("100 tap-chip 0", "600 quit")):
    for p in os.listdir(ctx.work):
        if p.startswith(os.path.basename(db) + ".corrupt-"):
            os.remove(os.path.join(ctx.work, p))
    rc, app = ctx.run(name, db, list(steps))
    log = app.lines()
    no_crash(c, rc, app)
    aside = [p for p in os.listdir(ctx.work) if p.startswith(os.path.basename(db) + ".corrupt-")]
    if c.true(len(aside) == 1, "%s: damaged file not moved aside as .corrupt-<time> (%s)" % (name, aside)):
        c.true(re.match(r"^.*\.corrupt-\d{8}T\d{6}Z$", aside[0]) is not None, "%s: odd name %s" % (name, aside[0]))
        with open(os.path.join(ctx.work, aside[0]), "rb") as f:
            c.true(f.read() == original_bytes, "%s: the file kept aside is not the damaged file as it was" % name)
        c.true(any("damaged" in x and aside[0] in x and "fresh one" in x for x in log),
               "%s: the log does not say it was damaged, where it is kept and that a fresh one started" % name)
    c.true("saved: partner A done" in log, "%s: the fresh file does not save" % name)
    c.true(common.integrity(db) == "ok", "%s: the fresh file fails integrity_check" % name)


def cond_db_truncated(ctx, c):
    size = os.path.getsize(ctx.base)
    db = os.path.join(ctx.work, "truncated.db")
    for cut in (size // 2, 4096, 100, 50):
        ctx.copy_base(db)
        with open(db, "r+b") as f:
            f.truncate(cut)
        with open(db, "rb") as f:
            original = f.read()
        moved_aside(c, ctx, db, original, "truncated-%d" % cut)
    c.info("cut to %d, 4096, 100 and 50 of %d bytes: each kept as .corrupt-<time>, a fresh file saves" %
           (size // 2, size))


def cond_db_garbage(ctx, c):
    rng = random.Random(7)
    db = os.path.join(ctx.work, "garbage.db")
    variants = {
        "8 KB of noise": bytes(rng.getrandbits(8) for _ in range(8192)),
        "1 MB of noise": os.urandom(1024 * 1024),
        "text": b"this is not a database\n" * 300,
    }
    with open(ctx.base, "rb") as f:
        good = f.read()
    # a real header, every later page noise
    variants["header then noise"] = good[:4096] + os.urandom(len(good) - 4096)
    for name, data in variants.items():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        with open(db, "wb") as f:
            f.write(data)
        moved_aside(c, ctx, db, data, "garbage (%s)" % name)
    c.info(", ".join(variants))


def cond_db_garbage_wal(ctx, c):
    """Noise where the write-ahead log would be: SQLite ignores a log
    without its magic, so the history is whole and nothing is moved."""
    db = ctx.copy_base(os.path.join(ctx.work, "wal.db"))
    with open(db + "-wal", "wb") as f:
        f.write(os.urandom(64 * 1024))
    rc, app = ctx.run("garbage-wal", db, ["100 tap-chip 1", "600 quit"])
    no_crash(c, rc, app)
    c.true("saved: partner B done" in app.lines(), "a tap was not saved")
    c.true(not any(".corrupt-" in p and p.startswith("wal.db") for p in os.listdir(ctx.work)),
           "a good file with a bad log beside it was moved aside")
    kept(c, ctx, db)
    c.info("64 KB of noise as -wal: history whole, nothing moved aside, a tap saved")


def cond_db_bad_row(ctx, c):
    """A note whose stored text is not UTF-8: the board carries on, the
    export still writes valid UTF-8."""
    db = ctx.copy_base(os.path.join(ctx.work, "bad-row.db"))
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("INSERT INTO notes (author, body, created_at) VALUES (1, CAST(x'4869ff20c0af' AS TEXT), "
                "strftime('%s', 'now'))")
    con.close()
    rc, app = ctx.run("bad-row", db, ["100 tap-at notes", "300 tap-at card-0", "500 key Home", "600 tap-chip 1",
                                      "900 quit"])
    no_crash(c, rc, app)
    log = app.lines()
    c.true(has(log, r"^screen: notes \(2\)$"), "the board did not show both notes")
    c.true("saved: partner B done" in log, "a tap after it was not saved")
    r = subprocess.run([ctx.bin, "export", "--format", "json", "--db", db], capture_output=True, timeout=60,
                       env=common.app_env())
    c.true(r.returncode == 0, "export exit %s: %s" % (r.returncode, r.stderr[:200]))
    ok = common.utf8_ok(r.stdout)
    c.true(ok, "the export is not valid UTF-8")
    if ok:
        try:
            data = json.loads(r.stdout)
            c.true(BEFORE in json.dumps(data, ensure_ascii=False), "the export lost the good note")
        except ValueError as e:
            c.true(False, "the export is not JSON: %s" % e)
    kept(c, ctx, db)
    c.info("the board shows it beside the good note; the JSON export stays valid UTF-8")


# ---- read-only and full storage ----------------------------------------------

def read_only_run(ctx, c, db, name, wrapper=None, env=None):
    before = sha(db)
    rc, app = common.run_script(ctx.bin, ctx.work, name, db, ctx.names,
                                ["100 tap-chip 1", "200 tap-at notes", "300 tap-at write", "400 text Not kept",
                                 "500 tap-at save", "600 tap-at cancel", "700 tap-at cancel", "1000 quit"],
                                wrapper=wrapper, env=env)
    log = app.lines()
    no_crash(c, rc, app)
    c.true(any(x.startswith("store: Not saved: ") and "nothing new is kept" in x for x in log),
           "no notice at start that nothing new is kept: %s" % [x for x in log if x.startswith("store")])
    c.true(has(log, r"^store: saving done: .*read-only|cannot be written"), "the tap did not say why it was not saved")
    c.true(has(log, r"^store: saving the note: "), "the note did not say why it was not saved")
    c.true(not any(x.startswith("saved: ") for x in log), "something claims to be saved: %s" %
           [x for x in log if x.startswith("saved: ")])
    c.true(has(log, r"^today .*, done 1/0$"), "what was there (partner A done) was not read back")
    c.true(has(log, r"^screen: notes \(1\)$"), "the note already there was not shown")
    c.true(sha(db) == before, "the read-only file changed")
    c.info(" ".join(x for x in log if x.startswith("store: Not saved"))[7:120])
    r = subprocess.run([ctx.bin, "stats", "--db", db] if wrapper is None else wrapper + [ctx.bin, "stats", "--db", db],
                       capture_output=True, timeout=60, env=common.app_env())
    c.true(r.returncode == 0, "moments stats cannot read it (exit %s: %s)" % (r.returncode, r.stderr[:200]))


def cond_read_only_mount(ctx, c):
    inner(ctx, c, "read-only")


def cond_read_only_chmod(ctx, c):
    d = os.path.join(ctx.work, "rodir")
    os.makedirs(d, exist_ok=True)
    db = ctx.copy_base(os.path.join(d, "moments.db"))
    os.chmod(db, 0o444)
    os.chmod(d, 0o555)
    wrapper = None
    try:
        if os.geteuid() == 0:
            setpriv = shutil.which("setpriv")
            if not setpriv:
                raise Skip("root ignores file modes and setpriv is missing")
            wrapper = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
            probe = subprocess.run(wrapper + ["sh", "-c", 'test -x "$1" && test -r "$2" && test -r "$3" && '
                                              '! test -w "$2" && ! test -w "$4"', "sh", ctx.bin, db, ctx.names, d],
                                   capture_output=True)
            if probe.returncode != 0:
                raise Skip("as user nobody the binary, config or database cannot be reached here")
            probe = subprocess.run(wrapper + [ctx.bin, "--check-config", "--config", ctx.names],
                                   capture_output=True, env=common.app_env(), timeout=60)
            if not re.search(rb"^moment library: [1-9]", probe.stdout, re.M):
                raise Skip("as user nobody the moment library cannot be read here")
        elif os.access(db, os.W_OK) or os.access(d, os.W_OK):
            raise Skip("this user can write a 0444 file in a 0555 folder")
        read_only_run(ctx, c, db, "read-only-chmod", wrapper=wrapper)
        if wrapper:
            c.info("as user nobody (setpriv), 0444 file in a 0555 folder")
        else:
            c.info("0444 file in a 0555 folder")
    finally:
        os.chmod(d, 0o755)
        os.chmod(db, 0o644)


def cond_disk_full(ctx, c):
    inner(ctx, c, "disk-full")


def private_mount_cmd():
    """The command prefix that gives a private mount namespace where a
    tmpfs can be mounted, or raises Skip saying why there is none."""
    if not shutil.which("unshare"):
        raise Skip("no unshare(1) to make a private tmpfs")
    tried = []
    for pre in ([["unshare", "-m"]] if os.geteuid() == 0 else []) + [["unshare", "-r", "-m"]]:
        probe = subprocess.run(pre + ["sh", "-c", 'd=$(mktemp -d) && mount -t tmpfs -o size=1m tmpfs "$d" && '
                                      'umount "$d" && rmdir "$d"'], capture_output=True, timeout=30)
        if probe.returncode == 0:
            return pre
        tried.append("%s: %s" % (" ".join(pre), probe.stderr.decode("utf-8", "replace").strip()[:120]))
    raise Skip("cannot mount a small tmpfs here (%s)" % "; ".join(tried))


def inner(ctx, c, mode):
    pre = private_mount_cmd()
    out = os.path.join(ctx.work, mode + ".inner.json")
    r = subprocess.run(pre + [sys.executable, os.path.abspath(__file__), "--inner", mode, "--bin", ctx.bin,
                              "--work", ctx.work, "--results", out], capture_output=True, timeout=900)
    if r.returncode != 0 or not os.path.exists(out):
        c.true(False, "the run in a private mount namespace failed (exit %s): %s" %
               (r.returncode, r.stderr.decode("utf-8", "replace")[-600:]))
        return
    with open(out) as f:
        res = json.load(f)
    if res.get("skipped"):
        raise Skip(res["skipped"])
    c.problems += res["problems"]
    c.notes += res["notes"]


def inner_read_only(ctx, c):
    mnt = os.path.join(ctx.work, "ro-mnt")
    os.makedirs(mnt, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt], check=True)
    db = ctx.copy_base(os.path.join(mnt, "moments.db"))
    # the mount point read-only (in a user namespace only this is allowed)
    if subprocess.run(["mount", "-o", "remount,ro,bind", mnt]).returncode != 0:
        subprocess.run(["mount", "-o", "remount,ro", mnt], check=True)
    try:
        with open(db, "ab"):
            pass
        raise Skip("a read-only tmpfs can still be written here")
    except OSError:
        pass
    read_only_run(ctx, c, db, "read-only-mount")
    c.info("a tmpfs mounted read-only")


def inner_disk_full(ctx, c):
    mnt = os.path.join(ctx.work, "full-mnt")
    os.makedirs(mnt, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt], check=True)
    db = ctx.copy_base(os.path.join(mnt, "moments.db"))
    # every step late enough that the disk is full by then; the app is
    # also stopped while it is filled
    steps = ["5000 tap-chip 1", "5100 tap-at notes", "5200 tap-at write", "5300 text Not kept", "5400 tap-at save",
             "5500 tap-at cancel", "5600 tap-at cancel", "5700 key h", "5800 key h", "6000 quit"]
    path = common.write(os.path.join(ctx.work, "disk-full.script"), "\n".join(steps) + "\n")
    app = common.App(ctx.bin, ctx.work, "disk-full", db=db, config=ctx.names, script=path)
    if not app.wait_for(b"ready: first frame"):
        app.kill()
        c.true(False, "no first frame (log %s)" % app.log_path)
        return
    os.kill(app.proc.pid, signal.SIGSTOP)
    filler = os.path.join(mnt, "filler")
    try:
        with open(filler, "wb") as f:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
    except OSError:
        pass
    st = os.statvfs(mnt)
    early = [x for x in app.lines() if x.startswith("saved: ") or x.startswith("store: saving")]
    os.kill(app.proc.pid, signal.SIGCONT)
    rc = app.wait(300)
    log = app.lines()
    c.true(not early, "a step ran before the disk was full: %s" % early)
    c.true(st.f_bavail == 0, "the tmpfs is not full (%d blocks free)" % st.f_bavail)
    c.true(rc == 0, "exit status %s (log %s)" % (rc, app.log_path))
    c.true("store: saving done: the disk is full" in log, "the tap did not say the disk is full: %s" %
           [x for x in log if x.startswith("store")])
    c.true("store: saving the note: the disk is full" in log, "the note did not say the disk is full")
    c.true("store: saving the hug: the disk is full" in log, "the hug cut short did not say the disk is full")
    c.true(not any(x.startswith("saved: ") for x in log), "something claims to be saved on a full disk")
    os.remove(filler)
    kept(c, ctx, db, "after freeing space")
    con = common.db_ro(db)
    b_done = con.execute("SELECT count(*) FROM moment_done WHERE partner = 1").fetchone()[0]
    kept_note = con.execute("SELECT count(*) FROM notes WHERE body = 'Not kept'").fetchone()[0]
    con.close()
    c.true(b_done == 0 and kept_note == 0, "a write that said 'not saved' is in the file anyway")
    rc, app = common.run_script(ctx.bin, ctx.work, "disk-freed", db, ctx.names, ["100 tap-chip 1", "600 quit"])
    c.true(rc == 0 and "saved: partner B done" in app.lines(), "after freeing space a tap is not saved (log %s)" %
           app.log_path)
    c.info("a 2 MB tmpfs filled while the app ran: 'the disk is full' for a tap, a note and a hug; "
           "history intact and a tap saved after freeing space")


# ---- fonts, assets, usage ------------------------------------------------------

def cond_font_missing(ctx, c):
    conf = common.write(os.path.join(ctx.work, "font.conf"), common.NAMES_CONF +
                        "[display]\nfont = /nonexistent.ttf\nfont_bold = /nonexistent-bold.ttf\n")
    db = ctx.copy_base(os.path.join(ctx.work, "font.db"))
    rc, app = ctx.run("font-missing", db, ["100 tap-chip 1", "600 quit"], config=conf)
    log = app.lines()
    no_crash(c, rc, app)
    c.true(any(x.startswith("font: ") and "/nonexistent.ttf" in x for x in log),
           "no font notice naming the missing file: %s" % [x for x in log if "font" in x])
    c.true("saved: partner B done" in log, "a tap was not saved")
    kept(c, ctx, db)
    c.info(" ".join(x for x in log if x.startswith("font: "))[:150])


def cond_assets_missing(ctx, c):
    db = ctx.copy_base(os.path.join(ctx.work, "assets.db"))
    env = common.app_env({"MOMENTS_ASSETS": "/nonexistent"})
    rc, app = ctx.run("assets-missing", db, ["100 tap-chip 1", "200 key h", "300 key h", "600 quit"], env=env)
    log = app.lines()
    no_crash(c, rc, app)
    c.true("library: 0 moments from /nonexistent" in log, "the log does not say the library is empty")
    c.true(any("/nonexistent" in x and x != "library: 0 moments from /nonexistent" for x in log),
           "no problem line naming the missing folder")
    c.true("hug: started (30 s)" in log, "the app does not respond")
    r = subprocess.run([ctx.bin, "--check-config", "--config", ctx.names], capture_output=True, timeout=60, env=env)
    c.true(r.returncode == 2, "--check-config with no library exits %s, wanted 2" % r.returncode)
    kept(c, ctx, db)
    c.info(" ".join(x for x in log if "/nonexistent" in x and not x.startswith("library: "))[:150])


def cond_bad_usage(ctx, c):
    cases = [["--bogus"], ["--windowed", "12"], ["--windowed", "0x0"], ["--db"], ["--config"], ["--script"],
             ["--screenshot"], ["export", "--format", "xml"], ["export", "--since", "yesterday"],
             ["stats", "--since", "2026-13-45"], ["stats", "--bogus"], ["--db", "a", "--db"],
             ["--windowed", "800x480", "extra-argument"]]
    for args in cases:
        r = subprocess.run([ctx.bin] + args, capture_output=True, timeout=60, env=common.app_env(),
                           cwd=ctx.work)
        err = r.stderr.decode("utf-8", "replace").splitlines()
        c.true(r.returncode == 2, "%s: exit %s, wanted 2" % (" ".join(args), r.returncode))
        c.true(len(err) == 1 and r.stdout == b"", "%s: %d lines on stderr, %d bytes on stdout, wanted one line" %
               (" ".join(args), len(err), len(r.stdout)))
    c.info("%d bad command lines: each exit 2 with one line" % len(cases))


CONDITIONS = [
    ("notes: invalid UTF-8 typed", cond_notes_invalid),
    ("notes: 100 KB typed", cond_notes_100k),
    ("script: a text step of 40 stray bytes", cond_script_stray_bytes),
    ("config: invalid UTF-8 names, a 100 KB line", cond_config_utf8_long),
    ("config: every key wrong", cond_config_all_wrong),
    ("database: truncated", cond_db_truncated),
    ("database: garbage file", cond_db_garbage),
    ("database: garbage WAL beside it", cond_db_garbage_wal),
    ("database: a note that is not UTF-8", cond_db_bad_row),
    ("database: read-only (read-only mount)", cond_read_only_mount),
    ("database: read-only (file modes)", cond_read_only_chmod),
    ("disk full", cond_disk_full),
    ("font missing", cond_font_missing),
    ("assets folder missing", cond_assets_missing),
    ("bad usage", cond_bad_usage),
]

INNER = {"read-only": inner_read_only, "disk-full": inner_disk_full}


def run_one(ctx, c, fn):
    try:
        fn(ctx, c)
        return "FAILED" if c.problems else "ok", None
    except Skip as e:
        return "skipped", str(e)
    except Exception:
        c.problems.append("test error: " + traceback.format_exc().strip().splitlines()[-1])
        traceback.print_exc()
        return "FAILED", None


SLOW = {cond_notes_100k, cond_script_stray_bytes}


def report(args, name, c, res, secs):
    """Prints and records one condition's result; 1 when it failed."""
    status, why = res
    detail = why if status == "skipped" else "; ".join(c.problems) if c.problems else "; ".join(c.notes)
    if status == "skipped":
        print("bad input: %s: skipped: %s" % (name, why), flush=True)
    elif status == "ok":
        print("bad input: %s: ok (%.1f s)%s" % (name, secs, " - " + detail if detail else ""), flush=True)
    else:
        for p in c.problems:
            print("FAILED: bad input: %s: %s" % (name, p), file=sys.stderr, flush=True)
    with open(args.results, "a") as f:
        f.write(json.dumps({"condition": name, "ok": status != "FAILED", "status": status,
                            "detail": detail, "seconds": round(secs, 1)}) + "\n")
    return 1 if status == "FAILED" else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--inner")
    ap.add_argument("--only")
    args = ap.parse_args()
    if args.inner:
        # in a private mount namespace; the history was made outside
        ctx = Ctx(args.bin, args.work)
        ctx.base_rows = rows(ctx.base)
        c = Check()
        status, why = run_one(ctx, c, INNER[args.inner])
        with open(args.results, "w") as f:
            json.dump({"problems": c.problems, "notes": c.notes, "skipped": why if status == "skipped" else None}, f)
        return 0
    os.makedirs(args.work, exist_ok=True)
    os.chmod(args.work, 0o755)  # the file-mode condition runs the app as another user
    ctx = Ctx(args.bin, args.work)
    try:
        ctx.make_base()
    except Exception as e:
        print("FAILED: bad input: %s" % e, file=sys.stderr)
        with open(args.results, "a") as f:
            f.write(json.dumps({"condition": "bad input: a history to start from", "ok": False,
                                "status": "FAILED", "detail": str(e)}) + "\n")
        return 1
    failed = 0
    todo = [(name, fn) for name, fn in CONDITIONS if not args.only or args.only in name]
    # the slow one (a frame per text event) runs beside the others
    slow = {}
    threads = []
    for name, fn in todo:
        if fn in SLOW:
            def work(name=name, fn=fn):
                t0 = time.monotonic()
                c = Check()
                slow[name] = (c, run_one(ctx, c, fn), time.monotonic() - t0)
            threads.append(threading.Thread(target=work, daemon=True))
            threads[-1].start()
    for name, fn in todo:
        if fn in SLOW:
            continue
        t0 = time.monotonic()
        c = Check()
        failed += report(args, name, c, run_one(ctx, c, fn), time.monotonic() - t0)
    for th in threads:
        th.join()
    for name, (c, res, secs) in slow.items():
        failed += report(args, name, c, res, secs)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
