#!/usr/bin/env python3
"""The table of bench/chromium.sh: medians of the runs, ratios, frame times.

    chromium_report.py RESULTS TMP_DIR IDLE_S RUNS

RESULTS holds "SIZE PROGRAM JSON" lines from kiosk_probe.py; TMP_DIR the
frames-SIZE-RUN files written by frametime.so during the scripted walk."""
import glob
import json
import os
import statistics
import sys

SIZES = ["800x480", "1920x1080", "720x1280"]
# the walk in chromium.sh: (ms after the first frame, what the frame after it shows)
WALK = [(500, "today: tap a chip (mark done)"), (1000, "today: tap a chip (undo)"),
        (1500, "board (first visit)"), (2000, "today (back)"), (2500, "history (first visit)"),
        (3000, "today (back)"), (3500, "board (again)"), (4000, "today (back)"),
        (4500, "history (again)"), (5000, "today (back)"), (5500, "hug (ring filling)"),
        (8500, "hug (stop, then today)"), (9000, "today (back)"), (9500, None)]


def med(xs):
    return statistics.median(xs) if xs else None


def frames(tmp, size):
    """{label: [frame ms]}, {label: [input-to-present ms]} over all runs."""
    ft, lat = {}, {}
    for path in sorted(glob.glob(os.path.join(tmp, f"frames-{size}-*"))):
        rows = [tuple(int(x) for x in line.split()) for line in open(path) if line.strip()]
        if not rows:
            continue
        t0 = rows[0][0]
        for end, frame_us, input_us in rows[1:]:
            t = (end - t0) / 1000.0
            label = None
            for (at, name), (nxt, _) in zip(WALK, WALK[1:]):
                if at <= t < nxt:
                    label = name
            if not label:
                continue
            label = label.replace(" (back)", "")
            if frame_us >= 0:
                ft.setdefault(label, []).append(frame_us / 1000.0)
            if input_us >= 0:
                lat.setdefault(label, []).append(input_us / 1000.0)
    return ft, lat


def main():
    res_path, tmp, idle, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    res = {}
    for line in open(res_path):
        size, prog, js = line.split(" ", 2)
        res.setdefault((size, prog), []).append(json.loads(js))

    def fig(size, prog, key):
        return med([r[key] for r in res.get((size, prog), [])])

    rows = [("exec to first frame (ms)", "first_ms", 1, "{:.0f}"),
            (f"idle CPU over {idle} s (ms)", "cpu_s", 0.001, "{:.2f}"),
            (f"idle CPU over {idle} s (10 ms ticks)", "cpu_ticks", 1, "{:.0f}"),
            ("memory, Pss peak (MB)", "pss_peak_kb", 1024, "{:.1f}"),
            ("memory, Pss steady (MB)", "pss_kb", 1024, "{:.1f}"),
            ("memory, Rss steady (MB)", "rss_kb", 1024, "{:.1f}"),
            ("memory, private (Uss) steady (MB)", "uss_kb", 1024, "{:.1f}"),
            ("processes", "procs", 1, "{:.0f}")]
    head = "| figure | " + " | ".join(f"{s} moments | {s} Chromium | ratio" for s in SIZES) + " |"
    print(head)
    print("|---" * (1 + 3 * len(SIZES)) + "|")
    for name, key, div, f in rows:
        cells = []
        for s in SIZES:
            m, c = fig(s, "moments", key), fig(s, "chromium", key)
            cells.append(f.format(m / div) if m is not None else "–")
            cells.append(f.format(c / div) if c is not None else "–")
            if m is None or c is None:
                cells.append("–")
            elif c == 0:
                cells.append("–")
            elif m == 0:
                cells.append("0 (below the tick)")
            else:
                cells.append(f"1/{c / m:.0f}" if c / m >= 2 else f"{m / c:.2f}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    per = {s: frames(tmp, s) for s in SIZES}
    labels = []
    for s in SIZES:
        for k in per[s][0]:
            if k not in labels:
                labels.append(k)
    for k in labels:
        cells = []
        for s in SIZES:
            xs = per[s][0].get(k, [])
            cells += [f"{med(xs):.1f} / {max(xs):.1f}" if xs else "–", "–", "–"]
        print(f"| frame time, {k} (ms, median / max) | " + " | ".join(cells) + " |")
    for k in labels:
        if "tap a chip" not in k:
            continue
        cells = []
        for s in SIZES:
            xs = per[s][1].get(k, [])
            cells += [f"{med(xs):.1f} / {max(xs):.1f}" if xs else "–", "–", "–"]
        print(f"| tap to frame presented, {k} (ms, median / max) | " + " | ".join(cells) + " |")
    print()
    for s in SIZES:
        n = sum(len(xs) for xs in per[s][0].values())
        over = {k: [x for x in xs if x > 16.0] for k, xs in per[s][0].items()}
        total = sum(len(v) for v in over.values())
        print(f"{s}: {n} frames timed over {runs} walks, {total} over 16 ms"
              + (": " + "; ".join(f"{k} {len(v)} of {len(per[s][0][k])} (worst {max(v):.1f} ms)"
                                  for k, v in over.items() if v) if total else ""))
    for s in SIZES:
        raw = "; ".join(f"{p}: " + ", ".join(f"{r['first_ms']:.0f}" for r in res.get((s, p), []))
                        for p in ("moments", "chromium"))
        print(f"{s} first frame per run (ms): {raw}")


if __name__ == "__main__":
    main()
