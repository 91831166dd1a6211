#!/bin/sh
# moments export and moments stats on months of generated history: the
# fixture writes it through the store and keeps its own manifest of what it
# wrote; the exports (CSV and JSON, whole and --since) are parsed back with
# Python's csv and json modules and compared with that manifest record by
# record; stats is held to totals worked out from the manifest. Then: bad
# usage, missing and damaged files, files from older and newer versions, a
# file left untouched by a read, and exports while another process writes.
# Usage: test_export.sh path/to/moments path/to/history_fixture
# (run with TZ=Europe/Madrid; needs python3 and sqlite3)
set -u
BIN=$1
FIX=$2
HERE=$(cd "$(dirname "$0")" && pwd)
LIBRARY=$HERE/../../assets/moments/en
TMP=$(mktemp -d /tmp/moments-export-XXXXXX)
SHARED=$TMP
trap 'rm -rf "$TMP" "$SHARED"' EXIT
: "${TZ:=Europe/Madrid}"
export TZ
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAILED: $*" >&2; }
check() { # check "description" command...
	what=$1; shift
	if "$@"; then ok; else fail "$what"; fi
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }
fingerprint() { # the bytes and the modification time of a file
	printf '%s %s\n' "$(sha256sum < "$1")" "$(stat -c %y "$1")"
}
one_line() { [ "$(wc -l < "$1")" -eq 1 ]; }
no_side_files() { [ ! -e "$1-wal" ] && [ ! -e "$1-shm" ]; }
same() { [ "$1" = "$2" ]; }

for tool in python3 sqlite3; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "test_export: $tool is missing (scripts/install-deps.sh --test)" >&2
		exit 1
	fi
done

# ---- the checker: Python's own csv and json modules -------------------------
cat > "$TMP/check.py" <<'PY'
import collections, csv, datetime, decimal, io, json, os, re, sys
from zoneinfo import ZoneInfo

ZONE = ZoneInfo(os.environ["TZ"])
HEADER = ("kind,day,time,partner,partner_name,moment_id,undone,duration_s,planned_s,completed,"
          "note_kind,text,strokes,pinned,expires,archived,archive_reason,promise_until,kept")
KINDS = [("done", "done"), ("hug", "hugs"), ("note", "notes"), ("rain_check", "rain_checks"),
         ("shown", "shown")]
problems = []

def problem(msg):
    problems.append(msg)

def iso(t):
    """What the export must write for Unix time t: local time, its offset."""
    return None if t is None else datetime.datetime.fromtimestamp(t, ZONE).isoformat()

def unix(s):
    return None if s in (None, "") else int(datetime.datetime.fromisoformat(s).timestamp())

def local_day(t):
    return datetime.datetime.fromtimestamp(t, ZONE).date().isoformat()

def ms(s):
    return None if s in (None, "") else int(decimal.Decimal(str(s)) * 1000)

def load_manifest(path):
    with open(path, encoding="utf-8") as f:
        m = json.load(f)
    names = [bytes.fromhex(h).decode("utf-8") for h in m["partner_names_hex"]]
    ab = "ab"
    out = {k: [] for _, k in KINDS}
    for d in m["done"]:
        out["done"].append((d["day"], iso(d["time"]), ab[d["partner"]], names[d["partner"]],
                            d["moment_id"], iso(d["undone"])))
    for h in m["hugs"]:
        out["hugs"].append((h["day"], iso(h["time"]), h["duration_ms"], h["planned_ms"] or None,
                            h["completed"]))
    for n in m["notes"]:
        if local_day(n["time"]) != n["day"]:
            problem("manifest: note %d day %s is not the local day of its time" % (n["id"], n["day"]))
        drawing = n["drawing_hex"] is not None
        text = None if drawing else bytes.fromhex(n["text_hex"])
        strokes_text = bytes.fromhex(n["drawing_hex"]).decode("ascii") if drawing else None
        out["notes"].append((n["day"], iso(n["time"]), ab[n["partner"]], names[n["partner"]],
                             "drawing" if drawing else "text", text,
                             strokes_text.count(";") if drawing else None, strokes_text,
                             iso(n["pinned"]), iso(n["expires"]), iso(n["archived"]),
                             n["archive_reason"]))
    for r in m["rain_checks"]:
        out["rain_checks"].append((r["day"], iso(r["time"]), ab[r["partner"]], names[r["partner"]],
                                   r["moment_id"], iso(r["promise_until"]), iso(r["kept"])))
    for s in m["shown"]:
        out["shown"].append((s["day"], iso(s["time"]), s["moment_id"]))
    return out, m

def tuple_of(kind, g, csv_row):
    """A record as a tuple; g(name) reads a field ('' and null both None)."""
    if kind == "done":
        return (g("day"), g("time"), g("partner"), g("partner_name"), g("moment_id"), g("undone"))
    if kind == "hugs":
        return (g("day"), g("time"), ms(g("duration_s")), ms(g("planned_s")), g("completed"))
    if kind == "notes":
        text = g("text")
        if g("note_kind") == "text" and text is None:
            text = ""
        drawing = None if csv_row else g("drawing")
        strokes = g("strokes")
        return (g("day"), g("time"), g("partner"), g("partner_name"), g("note_kind"),
                None if text is None else text.encode("utf-8"),
                None if strokes is None else int(strokes), drawing, g("pinned"), g("expires"),
                g("archived"), g("archive_reason"))
    if kind == "rain_checks":
        return (g("day"), g("time"), g("partner"), g("partner_name"), g("moment_id"),
                g("promise_until"), g("kept"))
    return (g("day"), g("time"), g("moment_id"))

def read_csv(path):
    raw = open(path, "rb").read()
    if not raw.startswith((HEADER + "\r\n").encode()):
        problem("%s: the header line is not the documented one (with CRLF)" % path)
    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        problem("%s: does not end with CRLF" % path)
    out = {k: [] for _, k in KINDS}
    names = dict(KINDS)
    order = [k for k, _ in KINDS]
    last = -1
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    for row in rows[1:]:
        if len(row) != len(header):
            problem("%s: a row with %d fields" % (path, len(row)))
            continue
        rec = dict(zip(header, row))
        k = rec["kind"]
        if k not in names:
            problem("%s: unknown kind %r" % (path, k))
            continue
        if order.index(k) < last:
            problem("%s: kind %s after a later kind" % (path, k))
        last = order.index(k)
        def g(name, rec=rec):
            v = rec[name]
            if name == "completed":
                return {"true": True, "false": False}[v]
            return v if v != "" else None
        out[names[k]].append(tuple_of(names[k], g, True))
    return out

def read_json(path, since=None):
    with open(path, "rb") as f:
        raw = f.read()
    raw.decode("utf-8")  # strict: invalid UTF-8 raises
    doc = json.loads(raw, parse_float=decimal.Decimal)
    if doc.get("format") != "moments-export" or doc.get("version") != 1:
        problem("%s: format/version %r %r" % (path, doc.get("format"), doc.get("version")))
    if doc.get("since") != since:
        problem("%s: since %r, expected %r" % (path, doc.get("since"), since))
    if unix(doc.get("exported_at")) is None:
        problem("%s: no exported_at" % path)
    keys = [k for k in doc if k not in ("format", "version", "exported_at", "since", "schema")]
    if keys != [k for _, k in KINDS]:
        problem("%s: arrays %r" % (path, keys))
    out = {}
    for _, k in KINDS:
        out[k] = []
        for rec in doc[k]:
            def g(name, rec=rec):
                v = rec[name]
                return v
            out[k].append(tuple_of(k, g, False))
    return out, doc

def strip_drawing(recs):
    return {k: [t[:7] + (None,) + t[8:] if k == "notes" else t for t in v] for k, v in recs.items()}

def compare(label, got, want):
    for _, k in KINDS:
        g, w = collections.Counter(got[k]), collections.Counter(want[k])
        if g != w:
            extra, missing = list((g - w).elements()), list((w - g).elements())
            problem("%s %s: %d exported, %d expected; %d unexpected e.g. %r; %d missing e.g. %r" % (
                label, k, len(got[k]), len(want[k]), len(extra), extra[:1], len(missing), missing[:1]))

def check_order(label, recs):
    keys = {"done": lambda t: (t[0], unix(t[1])), "hugs": lambda t: unix(t[1]),
            "notes": lambda t: unix(t[1]), "rain_checks": lambda t: unix(t[1]),
            "shown": lambda t: t[0]}
    for k, key in keys.items():
        ks = [key(t) for t in recs[k]]
        if ks != sorted(ks):
            problem("%s %s: not in time order" % (label, k))

def since_filter(recs, since):
    return {k: [t for t in v if t[0] >= since] for k, v in recs.items()}

def mode_export(manifest, csv_all, json_all, csv_since, json_since, since):
    want, _ = load_manifest(manifest)
    want_csv = strip_drawing(want)
    c = read_csv(csv_all)
    j, _ = read_json(json_all)
    compare("csv", c, want_csv)
    compare("json", j, want)
    if strip_drawing(j) != c:
        problem("csv and json disagree (record by record, in order)")
    check_order("json", j)
    cs = read_csv(csv_since)
    js, _ = read_json(json_since, since)
    compare("csv --since", cs, since_filter(want_csv, since))
    compare("json --since", js, since_filter(want, since))
    for _, k in KINDS:
        if not since_filter(want, since)[k] or len(since_filter(want, since)[k]) == len(want[k]):
            problem("--since %s does not split the %s (the test would prove nothing)" % (since, k))
    n = {k: len(v) for k, v in want.items()}
    texts = sum(1 for t in want["notes"] if t[4] == "text")
    drawings = n["notes"] - texts
    special = [t for t in want["notes"] if t[5] and any(s in t[5] for s in
               (b",", b"\"", b"\n", b"\r", "\U0001F618".encode(), "\u2028".encode()))]
    print("compared %d done, %d hugs, %d notes (%d text, %d drawings, %d with commas, quotes, "
          "line ends or emoji), %d rain checks, %d shown" % (n["done"], n["hugs"], n["notes"],
          texts, drawings, len(special), n["rain_checks"], n["shown"]))
    if not (special and drawings and any(t[6] is not None for t in want["notes"])):
        problem("the fixture wrote no tricky text or no drawing")
    if not any(t[4] is False for t in want["hugs"]) or not any(t[6] is None for t in want["rain_checks"]):
        problem("the fixture wrote no hug cut short or no open rain check")

def mode_stats(manifest, stats_path, library, until, since):
    _, m = load_manifest(manifest)
    U = datetime.date.fromisoformat(until)
    S = datetime.date.fromisoformat(since) if since != "-" else None
    end = datetime.datetime.combine(U + datetime.timedelta(days=1), datetime.time(), ZONE).timestamp() - 1
    D = datetime.date.fromisoformat
    firsts = [D(x["day"]) for k in ("shown", "done", "hugs") for x in m[k]] + \
             [D(local_day(n["time"])) for n in m["notes"]]
    frm = max(min(firsts), S) if S else min(firsts)
    def within(day):
        return (S is None or day >= S) and day <= U
    done = collections.defaultdict(set)
    for d in m["done"]:
        if d["undone"] is None and frm <= D(d["day"]) <= U:
            done[D(d["day"])].add(d["partner"])
    both = sum(1 for v in done.values() if len(v) == 2)
    one = sum(1 for v in done.values() if len(v) == 1)
    monday = U - datetime.timedelta(days=U.weekday())
    this_week = sum(1 for d in done if monday <= d <= U)
    last_week = sum(1 for d in done if monday - datetime.timedelta(days=7) <= d < monday)
    # good weeks: Monday to Sunday, 4 days or more; the week under way never ends a run
    w0 = frm - datetime.timedelta(days=frm.weekday())
    weeks = (monday - w0).days // 7 + 1
    per = [0] * weeks
    for d in done:
        per[(d - w0).days // 7] += 1
    good = longest = run = 0
    for i, c in enumerate(per):
        if c >= 4:
            good += 1
            run += 1
            longest = max(longest, run)
        elif i != weeks - 1:
            run = 0
    # what you did most: the category of each day's moment, days with a moment
    cats = {}
    for fn in sorted(os.listdir(library)):
        if fn.endswith(".moments"):
            ident = None
            for line in open(os.path.join(library, fn), encoding="utf-8"):
                if line.startswith("id:"):
                    ident = line[3:].strip()
                elif line.startswith("category:") and ident:
                    cats[ident] = line[9:].strip()
    order = ["greeting", "touch", "words", "gift", "note", "talk", "bedtime", "care", "plan", "play"]
    # said in words, as on the history screen (core/library.c)
    title = dict(zip(order, ["hello and goodbye", "touch", "words and thanks", "small gifts", "notes",
                             "talking", "after bedtime", "care", "planning ahead", "play"]))
    shown = {D(s["day"]): s["moment_id"] for s in m["shown"]}
    per_cat = collections.Counter(cats[shown[d]] for d in done if d in shown and shown[d] in cats)
    top = sorted(per_cat.items(), key=lambda kv: (-kv[1], order.index(kv[0])))[:3]
    most = ", ".join("%s (%d%s)" % (title[c], n, (" day" if n == 1 else " days") if i == 0 else "")
                     for i, (c, n) in enumerate(top))
    hugs = [h for h in m["hugs"] if within(D(h["day"]))]
    notes = [n for n in m["notes"] if within(D(local_day(n["time"])))]
    board = [n for n in notes if n["time"] <= end and (n["archived"] is None or n["archived"] > end)
             and (n["expires"] is None or n["expires"] > end)]
    rains = [r for r in m["rain_checks"] if within(D(r["day"]))]
    kept = [r for r in rains if r["kept"] is not None and r["kept"] <= end]
    words = lambda d: "%s %d %s %d" % (d.strftime("%a"), d.day, d.strftime("%b"), d.year)
    ndays = (U - frm).days + 1
    want = [
        "From %s to %s (%d days)." % (words(frm), words(U), ndays),
        "Days with a moment: %d (both of you on %d, one of you on %d)." % (both + one, both, one),
        "This week: %d %s with a moment (last week: %d)," % (this_week, "day" if this_week == 1 else "days", last_week),
        "Good weeks (4 days or more): %d in all, the longest run %d in a row" % (good, longest),
        "What you did most: %s." % most,
        "Hugs: %d completed, %d cut short." % (sum(h["completed"] for h in hugs),
                                                sum(not h["completed"] for h in hugs)),
        "Notes: %d written, %d on the board, %d archived." % (len(notes), len(board), len(notes) - len(board)),
        "Rain checks: %d kept, %d open." % (len(kept), len(rains) - len(kept)),
    ]
    if run > 0:
        want[3] += ", and %d in a row now." % run
    else:
        want[3] += "."
    got = open(stats_path, encoding="utf-8").read().splitlines()
    for w in want:
        if not any(line.startswith(w) for line in got):
            problem("stats: no line %r in:\n  %s" % (w, "\n  ".join(got)))
    for bad in ("fewer", "failed", "missed", "broke"):
        if bad in " ".join(got).lower():
            problem("stats: scolding word %r" % bad)

def live_counts(recs):
    """Live records (days from 2100 on): hugs and moments shown."""
    hugs = [t for t in recs["hugs"] if t[0] >= "2100-01-01"]
    shown = [t for t in recs["shown"] if t[0] >= "2100-01-01"]
    return hugs, shown

def mode_live(manifest, *files):
    want, _ = load_manifest(manifest)
    seen = []
    for path in files:
        recs = read_csv(path) if path.endswith(".csv") else strip_drawing(read_json(path)[0])
        base = {k: [t for t in v if t[0] < "2100-01-01"] for k, v in recs.items()}
        compare(path + " (history before the writer)", base, strip_drawing(want))
        hugs, shown = live_counts(recs)
        h, s = len(hugs), len(shown)
        # one snapshot: every moment shown has its hug, written just before
        if not (s <= h <= s + 1):
            problem("%s: %d live hugs and %d live moments shown: not one snapshot" % (path, h, s))
        ids = sorted(int(t[2].split("-")[1]) for t in shown)
        if ids != list(range(s)):
            problem("%s: live moments are not live-0 .. live-%d" % (path, s - 1))
        durations = sorted(t[2] for t in hugs)
        if durations != [1000 + i for i in range(h)]:
            problem("%s: live hugs are not the first %d written" % (path, h))
        seen.append(h)
    print("live hugs seen by each export: %s" % seen)
    if len(set(seen)) < 2:
        problem("the writer did not move between exports (the test would prove nothing)")
    if seen != sorted(seen):
        problem("a later export saw less than an earlier one")

def mode_old(path, version):
    j, doc = read_json(path)
    if doc["schema"] != int(version):
        problem("%s: schema %r" % (path, doc["schema"]))
    want_hugs = [("2024-05-01", iso(1714568400), 30000, None, True),
                 ("2024-05-02", iso(1714654800), 12000, None, True)]
    if j["hugs"] != want_hugs:
        problem("v%s hugs: %r" % (version, j["hugs"]))
    if len(j["done"]) != 2 or j["done"][1][5] != iso(1714568700):
        problem("v%s done: %r" % (version, j["done"]))
    if j["rain_checks"] != [] or len(j["shown"]) != 1:
        problem("v%s rain checks or shown: %r %r" % (version, j["rain_checks"], j["shown"]))
    notes = j["notes"]
    if version == "1":
        want = [("2024-05-01", iso(1714550400), "a", "Ana", "text", "hola, \"tú\"\n😀".encode(), None, None,
                 None, None, iso(1714554000), "deleted"),
                ("2024-05-01", iso(1714550500), "b", None, "text", b"still here", None, None, None, None,
                 None, None)]
    else:
        want = [("2024-05-01", iso(1714550400), "a", "Ana", "text", "hola, \"tú\"\n😀".encode(), None, None,
                 iso(1714550460), None, iso(1714554000), "board full"),
                ("2024-05-01", iso(1714550500), "b", None, "drawing", None, 2, "d1 1000 600;0:1,2 3,4;1:5,5",
                 None, iso(1714600000), None, None)]
    if notes != want:
        problem("v%s notes:\n got  %r\n want %r" % (version, notes, want))

def mode_counts(path):
    recs = read_csv(path) if path.endswith(".csv") else read_json(path)[0]
    print(" ".join(str(len(recs[k])) for _, k in KINDS))

mode = sys.argv[1]
{"export": mode_export, "stats": mode_stats, "live": mode_live, "old": mode_old,
 "counts": mode_counts}[mode](*sys.argv[2:])
for p in problems:
    print("PROBLEM: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
py() { python3 "$TMP/check.py" "$@"; }

# ---- 1. seven months: the autumn and spring DST changes, a year end ---------
DB=$TMP/h.db
check "the fixture writes 7 months" sh -c "'$FIX' '$DB' 7 7 2026-04-30 > '$TMP/fixture.out'"
check "no -wal or -shm left once the writer closed" no_side_files "$DB"
before=$(fingerprint "$DB")

csv_ms=""
json_ms=""
for i in 1 2 3 4 5; do
	t0=$(now_ms)
	"$BIN" export --db "$DB" > "$TMP/all.csv" 2>"$TMP/err"
	rc=$?
	t1=$(now_ms)
	"$BIN" export --db "$DB" --format json > "$TMP/all.json" 2>>"$TMP/err"
	rc=$((rc + $?))
	t2=$(now_ms)
	csv_ms="$csv_ms $((t1 - t0))"
	json_ms="$json_ms $((t2 - t1))"
done
check "full exports exit 0 ($(cat "$TMP/err"))" [ "$rc" = 0 ]
check "nothing on stderr" [ ! -s "$TMP/err" ]
echo "export of 7 months ($(wc -c < "$TMP/all.csv") bytes CSV, $(wc -c < "$TMP/all.json") bytes JSON), ms per run: csv$csv_ms; json$json_ms"
"$BIN" export --db "$DB" --since 2026-01-01 > "$TMP/since.csv"
rc=$?
"$BIN" export --db "$DB" --format json --since 2026-01-01 > "$TMP/since.json"
rc=$((rc + $?))
check "--since exports exit 0" [ "$rc" = 0 ]
check "exports match the fixture's manifest, CSV and JSON agree, --since filters exactly" \
	py export "$DB.expected.json" "$TMP/all.csv" "$TMP/all.json" "$TMP/since.csv" "$TMP/since.json" 2026-01-01

# 2. stats, as of the last generated day, whole and --since
"$BIN" stats --db "$DB" --until 2026-04-30 > "$TMP/stats.txt" 2>"$TMP/err"
check "stats exits 0 ($(cat "$TMP/err"))" [ $? = 0 ]
check "stats totals match the manifest" py stats "$DB.expected.json" "$TMP/stats.txt" "$LIBRARY" 2026-04-30 -
"$BIN" stats --db "$DB" --since 2026-03-01 --until 2026-04-30 > "$TMP/stats-since.txt"
check "stats --since totals match the manifest" \
	py stats "$DB.expected.json" "$TMP/stats-since.txt" "$LIBRARY" 2026-04-30 2026-03-01
"$BIN" stats --db "$DB" --until 2026-03-29 > "$TMP/stats-dst.txt"
check "stats up to the DST day match the manifest" \
	py stats "$DB.expected.json" "$TMP/stats-dst.txt" "$LIBRARY" 2026-03-29 -
"$BIN" stats --db "$DB" > "$TMP/stats-now.txt"
check "stats up to today exits 0" [ $? = 0 ]
check "stats up to today counts every hug" grep -q "^Hugs: " "$TMP/stats-now.txt"

# 3. the file is only read: same bytes, same time, nothing created beside it
check "reading changed nothing in the file" [ "$(fingerprint "$DB")" = "$before" ]
check "reading created no -wal or -shm" no_side_files "$DB"

# ---- 4. usage: exit 2 and one line on stderr -------------------------------
usage() { # usage "description" args...
	desc=$1; shift
	"$BIN" "$@" > "$TMP/out" 2> "$TMP/err"
	rc=$?
	check "$desc exits 2 (got $rc)" [ "$rc" = 2 ]
	check "$desc says why in one line" one_line "$TMP/err"
	check "$desc writes nothing on stdout" [ ! -s "$TMP/out" ]
}
usage "an unknown format" export --db "$DB" --format xml
usage "a date that does not exist" export --db "$DB" --since 2026-02-30
usage "a date in another shape" export --db "$DB" --since 30/04/2026
usage "an unknown option" export --db "$DB" --frobnicate
usage "an option of the display" export --db "$DB" --windowed 800x480
usage "a stray argument" stats --db "$DB" extra
usage "--db without a value" export --db
check "moments --help names both commands" sh -c "'$BIN' --help | grep -q 'moments export' && '$BIN' --help | grep -q 'moments stats'"
check "moments export --help explains --format" sh -c "'$BIN' export --help | grep -q -- '--format csv|json'"
check "moments stats --help exits 0" sh -c "'$BIN' stats --help > /dev/null"

# ---- 5. files that cannot be read: exit 1 with a message, nothing created ---
failing() { # failing "description" "message part" args...
	desc=$1; says=$2; shift 2
	"$BIN" "$@" > "$TMP/out" 2> "$TMP/err"
	rc=$?
	check "$desc exits 1 (got $rc)" [ "$rc" = 1 ]
	check "$desc says '$says' ($(cat "$TMP/err"))" grep -q "$says" "$TMP/err"
	check "$desc writes nothing on stdout" [ ! -s "$TMP/out" ]
}
failing "a missing file" "no database at" export --db "$TMP/none.db"
failing "a missing folder" "no database at" stats --db "$TMP/newdir/x.db"
check "no folder was created for it" [ ! -e "$TMP/newdir" ]
check "no file was created for it" [ ! -e "$TMP/none.db" ]
if [ ! -e /var/lib/moments/moments.db ]; then
	mkdir "$TMP/home"
	HOME=$TMP/home XDG_DATA_HOME= STATE_DIRECTORY= "$BIN" export > "$TMP/out" 2> "$TMP/err"
	check "the default database missing exits 1" [ $? = 1 ]
	check "it names the path it looked at" grep -q "$TMP/home/.local/share/moments/moments.db" "$TMP/err"
	check "no data folder was created" [ ! -e "$TMP/home/.local" ]
fi
STATE_DIRECTORY=$TMP "$BIN" export > /dev/null 2> "$TMP/err"
check "\$STATE_DIRECTORY is where the service keeps it" grep -q "no database at $TMP/moments.db" "$TMP/err"
head -c 8192 /dev/urandom > "$TMP/garbage.db"
failing "a garbage file" "not a moments database" export --db "$TMP/garbage.db"
: > "$TMP/empty.db"
failing "an empty file" "not a moments database" stats --db "$TMP/empty.db"
sqlite3 "$TMP/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
failing "another program's database" "not a moments database" export --db "$TMP/other.db"
# an SQLite header with damaged pages behind it: found before anything is written
cp "$DB" "$TMP/damaged.db"
size=$(wc -c < "$DB")
head -c $((size - 8192)) /dev/urandom > "$TMP/noise"
dd if="$TMP/noise" of="$TMP/damaged.db" bs=4096 seek=1 conv=notrunc 2>/dev/null
failing "a damaged database" "damaged" export --db "$TMP/damaged.db" --format json
failing "a damaged database (stats)" "damaged" stats --db "$TMP/damaged.db"
# one page of the last table written out damaged: still nothing written
cp "$DB" "$TMP/damaged2.db"
page=$(sqlite3 "$TMP/damaged2.db" "SELECT max(pageno) FROM dbstat WHERE name = 'moment_shown' AND pagetype = 'leaf'")
dd if=/dev/urandom of="$TMP/damaged2.db" bs=4096 seek=$((page - 1)) count=1 conv=notrunc 2>/dev/null
failing "a database damaged in its last table" "damaged" export --db "$TMP/damaged2.db"
"$BIN" export --db "$DB" > /dev/full 2> "$TMP/err"
check "a full disk exits 1" [ $? = 1 ]
check "a full disk is named" grep -q "writing the output" "$TMP/err"

# ---- 6. files from older and newer versions -----------------------------------
V1="CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE moment_shown (day TEXT PRIMARY KEY, moment_id TEXT NOT NULL, shown_at INTEGER NOT NULL) STRICT;
CREATE TABLE moment_done (id INTEGER PRIMARY KEY, day TEXT NOT NULL, moment_id TEXT NOT NULL,
  partner INTEGER NOT NULL CHECK (partner IN (0, 1)), done_at INTEGER NOT NULL, undone_at INTEGER) STRICT;
CREATE TABLE hugs (id INTEGER PRIMARY KEY, day TEXT NOT NULL, started_at INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL CHECK (duration_ms > 0)) STRICT;
CREATE TABLE notes (id INTEGER PRIMARY KEY, author INTEGER NOT NULL CHECK (author IN (0, 1)),
  body TEXT NOT NULL, created_at INTEGER NOT NULL, archived_at INTEGER) STRICT;
INSERT INTO settings VALUES ('partner_a_name', 'Ana');
INSERT INTO moment_shown VALUES ('2024-05-01', 'hallway-cuddle', 1714540000);
INSERT INTO moment_done VALUES (1, '2024-05-01', 'hallway-cuddle', 0, 1714560000, NULL);
INSERT INTO moment_done VALUES (2, '2024-05-01', 'hallway-cuddle', 1, 1714560100, 1714568700);
INSERT INTO hugs VALUES (1, '2024-05-01', 1714568400, 30000);
INSERT INTO hugs VALUES (2, '2024-05-02', 1714654800, 12000);
INSERT INTO notes VALUES (1, 0, 'hola, \"tú\"' || char(10) || '😀', 1714550400, 1714554000);"
V2="ALTER TABLE notes ADD COLUMN strokes TEXT;
ALTER TABLE notes ADD COLUMN pinned_at INTEGER;
ALTER TABLE notes ADD COLUMN expires_at INTEGER;
ALTER TABLE notes ADD COLUMN archive_reason TEXT;
UPDATE notes SET archive_reason = 'board full', pinned_at = 1714550460 WHERE id = 1;
INSERT INTO notes (id, author, body, strokes, created_at, expires_at)
  VALUES (2, 1, '', 'd1 1000 600;0:1,2 3,4;1:5,5', 1714550500, 1714600000);"
sqlite3 "$TMP/v1.db" "PRAGMA journal_mode = WAL; $V1
INSERT INTO notes VALUES (2, 1, 'still here', 1714550500, NULL); PRAGMA user_version = 1;" > /dev/null
sqlite3 "$TMP/v2.db" "PRAGMA journal_mode = WAL; $V1 $V2 PRAGMA user_version = 2;" > /dev/null
for v in 1 2; do
	"$BIN" export --db "$TMP/v$v.db" --format json > "$TMP/v$v.json" 2> "$TMP/err"
	check "a version $v file exports ($(cat "$TMP/err"))" [ $? = 0 ]
	check "a version $v file exports what it has" py old "$TMP/v$v.json" $v
	"$BIN" stats --db "$TMP/v$v.db" --until 2024-05-02 > "$TMP/v$v.txt" 2> "$TMP/err"
	check "a version $v file has stats ($(cat "$TMP/err"))" [ $? = 0 ]
	check "version $v stats count its hugs" grep -q "^Hugs: 2 completed, 0 cut short." "$TMP/v$v.txt"
done
cp "$DB" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" "ALTER TABLE hugs ADD COLUMN mood TEXT; CREATE TABLE future (x);
ALTER TABLE notes ADD COLUMN colour TEXT; PRAGMA user_version = 9;"
"$BIN" export --db "$TMP/newer.db" > "$TMP/newer.csv" 2> "$TMP/err"
check "a file from a newer moments exports ($(cat "$TMP/err"))" [ $? = 0 ]
check "with everything this version knows" [ "$(py counts "$TMP/newer.csv")" = "$(py counts "$TMP/all.csv")" ]
"$BIN" export --db "$TMP/newer.db" --format json | grep -q '"schema":9,'
check "and says which schema it read" [ $? = 0 ]

# ---- 7. exports while another process writes ----------------------------------
LIVE=$TMP/live.db
cp "$DB" "$LIVE"
wait_live() { # wait_live DB: until the live writer has written a few
	i=0
	while [ $i -lt 200 ] &&
	      [ "$(sqlite3 "$1" "SELECT count(*) FROM moment_shown WHERE day >= '2100'" 2>/dev/null || echo 0)" -lt 20 ]; do
		sleep 0.05
		i=$((i + 1))
	done
}
"$FIX" --live "$LIVE" "$TMP/stop" > "$TMP/live.out" 2> "$TMP/live.err" &
writer=$!
wait_live "$LIVE"
check "the writer started (its log is there)" [ -e "$LIVE-wal" ]
rc=0
files=""
for n in 1 2 3 4 5 6 7 8; do
	if [ $((n % 2)) = 0 ]; then f=$TMP/live$n.json; fmt=json; else f=$TMP/live$n.csv; fmt=csv; fi
	"$BIN" export --db "$LIVE" --format $fmt > "$f" 2>> "$TMP/live-export.err" || rc=1
	files="$files $f"
	sleep 0.05
done
"$BIN" stats --db "$LIVE" > /dev/null 2>> "$TMP/live-export.err" || rc=1
touch "$TMP/stop"
wait $writer
wrc=$?
check "every export during the writes exits 0 ($(cat "$TMP/live-export.err"))" [ "$rc" = 0 ]
check "the writer never failed ($(cat "$TMP/live.err"))" [ "$wrc" = 0 ]
check "the writer wrote ($(cat "$TMP/live.out"))" grep -q "^live: [1-9]" "$TMP/live.out"
# shellcheck disable=SC2086
check "each export is one snapshot and parses" py live "$DB.expected.json" $files

# a writer killed mid-way leaves its log: it is read, and nothing is changed
STALE=$TMP/stale.db
cp "$DB" "$STALE"
"$FIX" --live "$STALE" "$TMP/stop2" > /dev/null 2>&1 &
writer=$!
wait_live "$STALE"
kill -KILL $writer
wait $writer 2>/dev/null
check "a killed writer leaves its log" [ -s "$STALE-wal" ]
db_before=$(fingerprint "$STALE")
wal_before=$(fingerprint "$STALE-wal")
"$BIN" export --db "$STALE" --format json > "$TMP/stale.json" 2> "$TMP/err"
check "the log left behind is read ($(cat "$TMP/err"))" [ $? = 0 ]
check "reading it changed nothing in the file" same "$(fingerprint "$STALE")" "$db_before"
check "reading it changed nothing in its log" same "$(fingerprint "$STALE-wal")" "$wal_before"
check "what the log holds is exported, in one snapshot" py live "$DB.expected.json" "$TMP/all.json" "$TMP/stale.json"

# a display that starts and stops while a quiet file (no log) is being read:
# the reader's lock keeps the display from folding its log into the file
# mid-read, so the export is whole; the display's writes wait in its log
QUIET=$TMP/quiet.db
cp "$DB" "$QUIET"
("$BIN" export --db "$QUIET" --format json 2> "$TMP/quiet.err"; echo $? > "$TMP/quiet.rc") |
	(sleep 2; cat > "$TMP/quiet.json") &
reader=$!
sleep 0.5
"$FIX" --live "$QUIET" "$TMP/stop3" > "$TMP/quiet-live.out" 2>&1 &
writer=$!
sleep 0.4
touch "$TMP/stop3"
wait $writer
check "a display starting during a read writes ($(cat "$TMP/quiet-live.out"))" [ $? = 0 ]
wait $reader
check "the read it overlapped finishes whole ($(cat "$TMP/quiet.err"))" [ "$(cat "$TMP/quiet.rc")" = 0 ]
check "the display's log waits for the reader" [ -s "$QUIET-wal" ]
"$BIN" export --db "$QUIET" --format json > "$TMP/quiet-after.json"
check "the overlapped read is the history before the display; the next one has its writes" \
	py live "$DB.expected.json" "$TMP/quiet.json" "$TMP/quiet-after.json"

# as on the kitchen Pi: the display's user writes, another user exports, and
# can read but not write the folder, the file, its log and its -shm
AS_NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1 && $AS_NOBODY test -x "$BIN"; then
	SHARED=$(mktemp -d /tmp/moments-export-shared-XXXXXX)
	chmod 755 "$SHARED"
	cp "$DB" "$SHARED/h.db"
	chmod 644 "$SHARED/h.db"
	$AS_NOBODY "$BIN" export --db "$SHARED/h.db" --format json > "$TMP/nobody.json" 2> "$TMP/err"
	check "another user reads a quiet file ($(cat "$TMP/err"))" [ $? = 0 ]
	check "and creates nothing beside it" no_side_files "$SHARED/h.db"
	"$FIX" --live "$SHARED/h.db" "$TMP/stop4" > /dev/null 2> "$TMP/live.err" &
	writer=$!
	wait_live "$SHARED/h.db"
	$AS_NOBODY "$BIN" export --db "$SHARED/h.db" --format json > "$TMP/nobody-live.json" 2> "$TMP/err"
	check "another user reads while the display writes ($(cat "$TMP/err"))" [ $? = 0 ]
	touch "$TMP/stop4"
	wait $writer
	check "the display's writes went on ($(cat "$TMP/live.err"))" [ $? = 0 ]
	check "what another user read is whole" py live "$DB.expected.json" "$TMP/nobody.json" "$TMP/nobody-live.json"
else
	echo "test_export: not root or no setpriv: the read by another user is not tried"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
