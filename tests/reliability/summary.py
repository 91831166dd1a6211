#!/usr/bin/env python3
"""Prints the table of results (one JSON object a line, from power_cut.py
and bad_input.py) and exits 1 when any condition failed or is missing."""
import json
import sys


def power_detail(d):
    return ("%(trials)d trials, %(startup_kills)d killed during start-up (%(fresh)d on a new file), "
            "%(verified)d reported actions verified, %(unlogged)d kills between a commit and its log line, "
            "%(failures)d failures, %(integrity_failures)d integrity failures, %(seconds).0f s" % d)


def main():
    path, expected = sys.argv[1], sys.argv[2:]
    rows = []
    try:
        with open(path) as f:
            rows = [json.loads(x) for x in f if x.strip()]
    except OSError:
        pass
    seen = {r["condition"] for r in rows}
    for name in expected:
        if name not in seen:
            rows.append({"condition": name, "ok": False, "status": "FAILED", "detail": "did not run to the end"})
    width = max([len(r["condition"]) for r in rows] + [9])
    print()
    print("check-reliability")
    print("%-*s  %-7s  %5s  %s" % (width, "condition", "result", "time", "detail"))
    print("%s  %s  %s  %s" % ("-" * width, "-" * 7, "-" * 5, "-" * 40))
    counts = {"ok": 0, "skipped": 0, "FAILED": 0}
    for r in rows:
        status = r.get("status") or ("ok" if r["ok"] else "FAILED")
        counts[status] = counts.get(status, 0) + 1
        detail = power_detail(r["detail"]) if isinstance(r.get("detail"), dict) else (r.get("detail") or "")
        if status == "skipped":
            detail = "skipped: " + detail
        if len(detail) > 240:
            detail = detail[:237] + "..."
        secs = r.get("seconds", r["detail"].get("seconds") if isinstance(r.get("detail"), dict) else None)
        print("%-*s  %-7s  %5s  %s" % (width, r["condition"], status, "%.0f s" % secs if secs is not None else "",
                                        detail))
    print("%d conditions: %d ok, %d skipped, %d failed" % (len(rows), counts["ok"], counts["skipped"],
                                                          counts["FAILED"]))
    return 1 if counts["FAILED"] else 0


if __name__ == "__main__":
    sys.exit(main())
