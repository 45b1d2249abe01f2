#!/usr/bin/env python3
"""Medians across rounds of a bench/run.sh run: reads results.tsv and half.tsv of a results
folder, writes summary-tables.md (markdown) and summary.tsv (one row per target and workload).

    bench/summarize.py bench/results/<stamp>
"""
import csv
import statistics
import sys
from pathlib import Path

out = Path(sys.argv[1])


def read(name):
    p = out / name
    if not p.exists():
        return []
    with p.open() as f:
        return list(csv.DictReader(f, delimiter="\t"))


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def med(values):
    vs = [v for v in values if v is not None]
    return statistics.median(vs) if vs else None


def fmt(v, digits=2):
    return "n/a" if v is None else f"{v:.{digits}f}"


rows = read("results.tsv")
half = read("half.tsv")
order = ["pgbench", "baseline", "baseline-jwt", "service"]
targets = [t for t in order if any(r["target"] == t for r in rows)] + sorted(
    {r["target"] for r in rows} - set(order))
workloads = [w for w in ("get", "post") if any(r["workload"] == w for r in rows)]
label = {"get": "GET instance", "post": "JSON create"}
rounds = sorted({int(r["round"]) for r in rows})


def cell(target, workload, rnd, key):
    for r in rows:
        if r["target"] == target and r["workload"] == workload and int(r["round"]) == rnd:
            return num(r[key])
    return None


def ratio_med(a_target, b_target, workload, key):
    rs = []
    for rnd in rounds:
        a, b = cell(a_target, workload, rnd, key), cell(b_target, workload, rnd, key)
        if a is not None and b:
            rs.append(a / b)
    return med(rs)


tsv = [["workload", "target", "rounds", "rps", "p50_ms", "p99_ms", "jvm_cpu_ms_per_req",
        "pg_cpu_ms_per_req", "rps_vs_pgbench", "service_jvm_cpu_vs_this", "errors"]]
md = []
md.append(f"Medians over {len(rounds)} round(s); each ratio is the median of the per-round ratios.")
md.append("")
md.append("| workload | target | req/s | p50 ms | p99 ms | JVM CPU ms/req | PG CPU ms/req | req/s ÷ pgbench | service JVM CPU/req ÷ this | errors |")
md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for w in workloads:
    for t in targets:
        sel = [r for r in rows if r["target"] == t and r["workload"] == w]
        if not sel:
            continue
        rps = med([num(r["rps"]) for r in sel])
        p50 = med([num(r["p50_ms"]) for r in sel])
        p99 = med([num(r["p99_ms"]) for r in sel])
        jvm = med([num(r["jvm_cpu_ms_per_req"]) for r in sel])
        pg = med([num(r["pg_cpu_ms_per_req"]) for r in sel])
        errs = int(sum(num(r["errors"]) or 0 for r in sel))
        vs_pgb = ratio_med(t, "pgbench", w, "rps") if t != "pgbench" else None
        cpu_vs = (ratio_med("service", t, w, "jvm_cpu_ms_per_req")
                  if t in ("baseline", "baseline-jwt") else None)
        md.append(f"| {label.get(w, w)} | {t} | {fmt(rps, 0)} | {fmt(p50)} | {fmt(p99)} | "
                  f"{fmt(jvm, 3)} | {fmt(pg, 3)} | {fmt(vs_pgb)} | {fmt(cpu_vs)} | {errs} |")
        tsv.append([w, t, len(sel), fmt(rps, 0), fmt(p50), fmt(p99), fmt(jvm, 3), fmt(pg, 3),
                    fmt(vs_pgb), fmt(cpu_vs), errs])

if half:
    md.append("")
    md.append("Fixed arrival rate at half of the service's measured req/s of the same round "
              "(bench/paced.mjs, open loop: latency counted from when a request was due; its first 5 s "
              "at that rate warm the client up and are not counted):")
    md.append("")
    md.append("| workload | target | rate req/s | achieved req/s | p50 ms | p99 ms | errors |")
    md.append("|---|---|---:|---:|---:|---:|---:|")
    tsv.append([])
    tsv.append(["workload", "target", "rounds", "half_rate", "achieved_rps", "p50_ms", "p99_ms", "errors"])
    htargets = [t for t in order if any(r["target"] == t for r in half)]
    for w in workloads:
        for t in htargets:
            sel = [r for r in half if r["target"] == t and r["workload"] == w]
            if not sel:
                continue
            rate = med([num(r["rate"]) for r in sel])
            got = med([num(r["rps"]) for r in sel])
            p50 = med([num(r["p50_ms"]) for r in sel])
            p99 = med([num(r["p99_ms"]) for r in sel])
            errs = int(sum(num(r["errors"]) or 0 for r in sel))
            md.append(f"| {label.get(w, w)} | {t} | {fmt(rate, 0)} | {fmt(got, 0)} | {fmt(p50)} | {fmt(p99)} | {errs} |")
            tsv.append([w, t, len(sel), fmt(rate, 0), fmt(got, 0), fmt(p50), fmt(p99), errs])

md.append("")
md.append("Per round (req/s; JVM and PG CPU ms per request):")
md.append("")
md.append("| round | workload | " + " | ".join(targets) + " |")
md.append("|---|---|" + "---:|" * len(targets))
for rnd in rounds:
    for w in workloads:
        cells = []
        for t in targets:
            rps, jvm, pg = (cell(t, w, rnd, k) for k in ("rps", "jvm_cpu_ms_per_req", "pg_cpu_ms_per_req"))
            cells.append(f"{fmt(rps, 0)} ({fmt(jvm, 3) if jvm is not None else '-'}; {fmt(pg, 3)})")
        md.append(f"| {rnd} | {label.get(w, w)} | " + " | ".join(cells) + " |")

(out / "summary-tables.md").write_text("\n".join(md) + "\n")
with (out / "summary.tsv").open("w") as f:
    for r in tsv:
        f.write("\t".join(str(c) for c in r) + "\n")
print("\n".join(md))
