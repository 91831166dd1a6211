"""Shared helpers of the reliability runs: the real binary, headless.

The app runs with SDL's dummy video driver and the software renderer, its
log (stderr) and stdout each in a file that is polled, never a pipe that
could fill up and stall it. Only the Python standard library is used.
"""
import os
import sqlite3
import subprocess
import time

# The couple's names (without them the app opens on its welcome screen) and
# the screen schedule off, so that a run at night still sees a lit screen.
NAMES_CONF = "[partner_a]\nname = Alex\n[partner_b]\nname = Sam\n[screen]\ndim = off\noff = off\n"

# Generous: a loaded CI machine can take seconds to show the first frame.
READY_TIMEOUT_S = float(os.environ.get("RELIABILITY_READY_TIMEOUT", "60"))


def noon_tz():
    """A POSIX TZ in which it is about noon now: the built-in screen
    schedule (dim 21:30, off 23:00) and midnight never get in the way of a
    run that uses the defaults, whatever the hour the tests run at."""
    off = 12 - time.gmtime().tm_hour  # hours east of UTC, -11..12
    return "NNN%+d" % -off


def app_env(extra=None):
    env = dict(os.environ)
    for k in ("JOURNAL_STREAM", "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID",
              "MOMENTS_LOG_TARGETS", "STATE_DIRECTORY"):
        env.pop(k, None)
    env.update(SDL_VIDEODRIVER="dummy", SDL_RENDER_DRIVER="software", SDL_AUDIODRIVER="dummy",
               TZ=noon_tz())
    if extra:
        env.update(extra)
    return env


class App:
    """One run of the binary; its log and stdout go to files in workdir."""

    def __init__(self, binary, workdir, name, db=None, config=None, script=None,
                 args=None, env=None, wrapper=None):
        self.log_path = os.path.join(workdir, name + ".log")
        self.out_path = os.path.join(workdir, name + ".out")
        cmd = list(wrapper or []) + [binary]
        if args is None:
            args = ["--windowed", "800x480"]
        cmd += args
        if db:
            cmd += ["--db", db]
        if config:
            cmd += ["--config", config]
        if script:
            cmd += ["--script", script]
        self.cmd = cmd
        self._log = open(self.log_path, "wb")
        self._out = open(self.out_path, "wb")
        self.started = time.monotonic()
        self.proc = subprocess.Popen(cmd, stdout=self._out, stderr=self._log, stdin=subprocess.DEVNULL,
                                     env=env or app_env())
        self._reader = open(self.log_path, "rb")
        self._seen = b""

    def _poll_log(self):
        chunk = self._reader.read()
        if chunk:
            self._seen += chunk
        return self._seen

    def wait_for(self, needle, timeout=READY_TIMEOUT_S, interval=0.003):
        """True once needle (bytes) is in the log; False when the process
        ended first or the time ran out."""
        deadline = time.monotonic() + timeout
        while True:
            if needle in self._poll_log():
                return True
            if self.proc.poll() is not None:
                return needle in self._poll_log()
            if time.monotonic() > deadline:
                return False
            time.sleep(interval)

    def kill(self):
        """SIGKILL (a power cut, as far as the process can tell); returns
        the exit status, or None when it had already ended by itself."""
        ended = self.proc.poll()
        if ended is None:
            self.proc.kill()
        self.proc.wait()
        self.close()
        return ended

    def wait(self, timeout=120):
        try:
            rc = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            rc = "timeout"
        self.close()
        return rc

    def close(self):
        for f in (self._log, self._out, self._reader):
            if not f.closed:
                f.close()

    def log_text(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def out_text(self):
        with open(self.out_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def lines(self):
        """Complete lines of the log and stdout, without the "moments: "
        prefix (a line cut by the kill is not a line)."""
        res = []
        for path in (self.log_path, self.out_path):
            with open(path, "rb") as f:
                data = f.read()
            cut = data.rfind(b"\n")
            for raw in data[:cut + 1].split(b"\n")[:-1] if cut >= 0 else []:
                s = raw.decode("utf-8", "replace")
                if s.startswith("moments: "):
                    s = s[len("moments: "):]
                res.append(s)
        return res


def run_script(binary, workdir, name, db, config, steps, env=None, timeout=120, args=None, wrapper=None):
    """Runs the app with a script (a list of lines, or one string) that
    should end in quit; returns (exit status, App)."""
    if isinstance(steps, (list, tuple)):
        steps = "\n".join(steps)
    path = os.path.join(workdir, name + ".script")
    with open(path, "wb") as f:
        f.write(steps.encode("utf-8", "surrogateescape") if isinstance(steps, str) else steps)
        f.write(b"\n")
    app = App(binary, workdir, name, db=db, config=config, script=path, env=env, args=args, wrapper=wrapper)
    return app.wait(timeout), app


def write(path, text, mode="w"):
    with open(path, mode) as f:
        f.write(text)
    return path


def db_ro(path):
    """A read-only connection: it reads what a crash left (the WAL too)
    but never checkpoints it, so the app itself recovers the file."""
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=10, isolation_level=None)
    return con


def integrity(path, ro=True):
    """'ok' or what PRAGMA integrity_check said."""
    try:
        con = db_ro(path) if ro else sqlite3.connect(path, timeout=10, isolation_level=None)
        try:
            rows = con.execute("PRAGMA integrity_check").fetchall()
        finally:
            con.close()
        return "\n".join(str(r[0]) for r in rows)
    except sqlite3.Error as e:
        return "error: %s" % e


def integrity_cli(path):
    """The same with the sqlite3 shell, which opens the file read-write
    and checkpoints the WAL when it closes."""
    try:
        r = subprocess.run(["sqlite3", "-batch", path, "PRAGMA integrity_check"], capture_output=True,
                           timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        return "error: %s" % e
    out = r.stdout.decode("utf-8", "replace").strip()
    if r.returncode != 0:
        return "error: %s %s" % (out, r.stderr.decode("utf-8", "replace").strip())
    return out


def utf8_ok(b):
    try:
        b.decode("utf-8", "strict")
        return True
    except UnicodeDecodeError:
        return False

