#!/usr/bin/env python3
"""One measured run of moments or of a Chromium kiosk, for bench/chromium.sh.

    kiosk_probe.py moments  BIN SIZE IDLE_S DB CONF
    kiosk_probe.py chromium CHROMIUM SIZE IDLE_S PAGE PROFILE_DIR

Runs on the X display in $DISPLAY and prints one JSON object:

  first_ms     exec to the first frame presented. moments: its "ready: first
               frame shown" log line, read from its stderr pipe as it comes.
               Chromium: the page's first-contentful-paint entry
               (performance.timeOrigin + startTime, a wall-clock time; Chromium
               stamps paint timing with the frame's presentation time), read
               over the DevTools protocol, minus the wall-clock time of exec.
  cpu_s        CPU time of every thread of every process of the program over
               the idle window, starting 1 s after the first frame (and after
               the DevTools connection is closed), from the scheduler's own
               count in nanoseconds (/proc/PID/task/TID/schedstat), not the
               10 ms ticks of /proc/PID/stat: an idle display uses less
               than one tick a minute.
  cpu_ticks    the same in /proc/PID/stat's user + system ticks, for
               comparison.
  pss_peak_kb  the largest sum of Pss (/proc/PID/smaps_rollup) over all the
               program's processes, sampled every 100 ms for the first 5 s and
               every second after.
  pss_kb, rss_kb  the sums at the end of the idle window.
  uss_kb       the sum of the processes' private pages (Private_Clean +
               Private_Dirty): unlike Pss it does not move with how many
               other processes on the machine map the same libraries.
  hwm_kb       the sum of the processes' VmHWM (for one process: its true peak).
  procs        how many processes the program had at the end.

"The program's processes": the one started and all its descendants, plus
any process whose command line names the Chromium profile directory (the
crashpad handler detaches itself from the tree). Standard library only.
"""
import base64
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request

MINE = {os.getpid(), os.getppid()}  # our command line names the profile too


def proc_stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        s = f.read()
    rest = s[s.rindex(")") + 2:].split()
    return int(rest[1]), int(rest[11]) + int(rest[12])  # ppid, utime + stime


def tree(root, marker):
    pids, parent = set(), {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        pid = int(d)
        try:
            parent[pid] = proc_stat(pid)[0]
            if marker and pid not in MINE:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if marker.encode() in f.read():
                        pids.add(pid)
        except OSError:
            pass
    pids.add(root)
    grew = True
    while grew:
        grew = False
        for pid, pp in parent.items():
            if pp in pids and pid not in pids:
                pids.add(pid)
                grew = True
    return {p for p in pids if p in parent}


def field(path, key):
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def memory(pids):
    return {
        "pss_kb": sum(field(f"/proc/{p}/smaps_rollup", "Pss") for p in pids),
        "rss_kb": sum(field(f"/proc/{p}/status", "VmRSS") for p in pids),
        "uss_kb": sum(field(f"/proc/{p}/smaps_rollup", "Private_Clean") +
                      field(f"/proc/{p}/smaps_rollup", "Private_Dirty") for p in pids),
        "hwm_kb": sum(field(f"/proc/{p}/status", "VmHWM") for p in pids),
    }


def cpu(pids):
    """{pid: (ns on the CPU, summed over its threads; user + system ticks)}"""
    out = {}
    for p in pids:
        try:
            ns = 0
            for tid in os.listdir(f"/proc/{p}/task"):
                try:
                    with open(f"/proc/{p}/task/{tid}/schedstat") as f:
                        ns += int(f.read().split()[0])
                except OSError:
                    pass  # a thread that just ended
            out[p] = (ns, proc_stat(p)[1])
        except OSError:
            pass
    return out


class Sampler(threading.Thread):
    """Keeps the peak of the summed Pss while the run lasts."""

    def __init__(self, root, marker):
        super().__init__(daemon=True)
        self.root, self.marker, self.peak, self.stop = root, marker, 0, False
        self.t0 = time.monotonic()

    def run(self):
        while not self.stop:
            self.peak = max(self.peak, memory(tree(self.root, self.marker))["pss_kb"])
            time.sleep(0.1 if time.monotonic() - self.t0 < 5 else 1.0)


# ---- a minimal DevTools (CDP) client over a WebSocket ----------------------

def ws_connect(url):
    assert url.startswith("ws://")
    hostport, path = url[5:].split("/", 1)
    host, port = hostport.split(":")
    s = socket.create_connection((host, int(port)), timeout=10)
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall((f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\n"
               f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
               "Sec-WebSocket-Version: 13\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = s.recv(1)
        if not chunk:
            raise OSError("websocket: closed during the handshake")
        head += chunk
    if b" 101 " not in head.split(b"\r\n")[0]:
        raise OSError("websocket: " + head.split(b"\r\n")[0].decode())
    return s


def ws_send(s, text):
    data = text.encode()
    mask = os.urandom(4)
    n = len(data)
    hdr = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + n.to_bytes(2, "big"))
    s.sendall(hdr + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))


def recv_exact(s, n):
    buf = b""
    while len(buf) < n:
        chunk = s.recv(n - len(buf))
        if not chunk:
            raise OSError("websocket: closed")
        buf += chunk
    return buf


def ws_recv(s):
    b0, b1 = recv_exact(s, 2)
    n = b1 & 0x7F
    if n == 126:
        n = int.from_bytes(recv_exact(s, 2), "big")
    elif n == 127:
        n = int.from_bytes(recv_exact(s, 8), "big")
    return b0 & 0x0F, recv_exact(s, n)


def cdp_eval(s, msg_id, expr):
    ws_send(s, json.dumps({"id": msg_id, "method": "Runtime.evaluate",
                           "params": {"expression": expr, "returnByValue": True}}))
    while True:
        op, data = ws_recv(s)
        if op == 1:
            m = json.loads(data)
            if m.get("id") == msg_id:
                return m["result"]["result"].get("value")


PAINT = ("JSON.stringify({o: performance.timeOrigin, p: performance.getEntriesByType('paint')"
         ".map(e => [e.name, e.startTime]), u: location.href})")


def chromium_first_paint(profile, t_exec_wall, deadline):
    port_file = os.path.join(profile, "DevToolsActivePort")
    while not os.path.exists(port_file) or os.path.getsize(port_file) == 0:
        if time.monotonic() > deadline:
            raise TimeoutError("no DevToolsActivePort")
        time.sleep(0.01)
    with open(port_file) as f:
        port = int(f.readline())
    ws = None
    while ws is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as r:
                pages = [t for t in json.load(r) if t.get("type") == "page"]
            if pages:
                ws = ws_connect(pages[0]["webSocketDebuggerUrl"])
        except OSError:
            pass
        if ws is None:
            if time.monotonic() > deadline:
                raise TimeoutError("no page target")
            time.sleep(0.02)
    msg_id = 0
    try:
        while time.monotonic() < deadline:
            msg_id += 1
            v = json.loads(cdp_eval(ws, msg_id, PAINT) or "{}")
            paints = dict(v.get("p", []))
            if v.get("u", "").startswith("file:") and "first-contentful-paint" in paints:
                fcp = v["o"] + paints["first-contentful-paint"]
                return fcp - t_exec_wall * 1000.0
            time.sleep(0.02)
    finally:
        ws.close()
    raise TimeoutError("no first-contentful-paint")


def measure(cmd, env, idle_s, ready, marker):
    t_wall = time.time()
    t_mono = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = Sampler(proc.pid, marker)
    sampler.start()
    try:
        first_ms = ready(proc, t_wall, t_mono)
        time.sleep(1.0)  # let start-up settle
        pids = tree(proc.pid, marker)
        c0 = cpu(pids)
        time.sleep(idle_s)
        pids = tree(proc.pid, marker)
        c1 = cpu(pids)
        used_ns = sum(t[0] - c0.get(p, (0, 0))[0] for p, t in c1.items())
        used_ticks = sum(t[1] - c0.get(p, (0, 0))[1] for p, t in c1.items())
        mem = memory(pids)
        out = {"first_ms": round(first_ms, 1), "cpu_s": round(used_ns / 1e9, 5), "cpu_ticks": used_ticks,
               "pss_peak_kb": max(sampler.peak, mem["pss_kb"]), "procs": len(pids)}
        out.update(mem)
        return out
    finally:
        sampler.stop = True
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        # what the run left behind (e.g. a detached crashpad handler)
        if marker:
            for p in tree(proc.pid, marker) - {proc.pid}:
                try:
                    os.kill(p, 15)
                except OSError:
                    pass


def drain(proc, seen, needle):
    """Reads stderr to its end (so the program never blocks on it), noting
    the monotonic time of the first line holding needle."""
    for line in proc.stderr:
        if needle in line and "t" not in seen:
            seen["t"] = time.monotonic()


def main():
    what, prog, size, idle = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    w, h = size.split("x")
    env = dict(os.environ)
    if what == "moments":
        db, conf = sys.argv[5], sys.argv[6]
        env.update(SDL_VIDEODRIVER="x11", SDL_RENDER_DRIVER="software", SDL_AUDIODRIVER="dummy")
        cmd = [prog, "--windowed", size, "--db", db, "--config", conf]

        def ready(proc, t_wall, t_mono):
            seen = {}
            threading.Thread(target=drain, args=(proc, seen, b"ready: first frame"), daemon=True).start()
            while "t" not in seen:
                if proc.poll() is not None or time.monotonic() - t_mono > 30:
                    raise RuntimeError("moments: no first frame")
                time.sleep(0.001)
            return (seen["t"] - t_mono) * 1000.0

        print(json.dumps(measure(cmd, env, idle, ready, None)))
        return
    page, profile = sys.argv[5], sys.argv[6]
    cmd = [prog, "--kiosk", f"--app=file://{page}", f"--window-size={w},{h}", "--window-position=0,0",
           f"--user-data-dir={profile}", "--remote-debugging-port=0", "--disable-gpu",
           "--no-sandbox", "--no-first-run", "--no-default-browser-check", "--noerrdialogs",
           "--disable-infobars", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--disable-features=Translate,MediaRouter,OptimizationHints",
           "--password-store=basic", "--hide-scrollbars", "--check-for-update-interval=31536000"]

    def ready(proc, t_wall, t_mono):
        threading.Thread(target=drain, args=(proc, {}, b"\0"), daemon=True).start()
        return chromium_first_paint(profile, t_wall, t_mono + 60)

    try:
        os.unlink(os.path.join(profile, "DevToolsActivePort"))
    except OSError:
        pass
    print(json.dumps(measure(cmd, env, idle, ready, profile)))


if __name__ == "__main__":
    main()
