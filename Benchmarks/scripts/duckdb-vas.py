#!/usr/bin/env python3
"""Time the VAS aggregation in DuckDB on the same data the Swift benchmark settles.

usage: duckdb-vas.py DATA_DIR [--date 2026-11-02] [--db FILE] [--runs 3] [--only split|arithmetic|plain]

DATA_DIR is the folder the SettlementBenchmarks run generated (default /tmp/mhhs-bench-gb-30400000):
its SP-data segments (sp/<date>/<group>/<version>.seg, layout in docs/SETTLEMENT.md) and
duckdb/<group>.keys (the Int32 aggregation key of every segment row).

Loading is not timed. The table is DuckDB's best layout for this query: one row per metering
point with its key already joined in (so DuckDB is spared the register join the Swift VAS
does), the estimated-period bit mask, and the 46/48/50 period values as INTEGER columns. The
timed query is the same aggregation as the VAS scan: Wh per key, data kind (actual/estimated)
and period. Requires `pip install duckdb numpy`.
"""
import glob
import os
import struct
import sys
import time

import duckdb
import numpy as np


def segment_columns(path):
    with open(path, "rb") as handle:
        header = handle.read(128)
    assert header[:8] == b"MHHSSPD1", path
    periods, = struct.unpack_from("<I", header, 12)
    rows, = struct.unpack_from("<Q", header, 32)
    offsets = struct.unpack_from("<7Q", header, 40)
    mapped = np.memmap(path, dtype=np.uint8, mode="r")
    estimated = np.frombuffer(mapped, dtype=np.uint64, count=rows, offset=offsets[4])
    values = np.frombuffer(mapped, dtype=np.int32, count=rows * periods, offset=offsets[5]).reshape(rows, periods)
    return periods, rows, estimated, values


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else "/tmp/mhhs-bench-gb-30400000"
    date = sys.argv[sys.argv.index("--date") + 1] if "--date" in sys.argv else "2026-11-02"
    database = sys.argv[sys.argv.index("--db") + 1] if "--db" in sys.argv else os.path.join(folder, "duckdb", "vas.duckdb")
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    con = duckdb.connect(database)
    periods = None
    loaded = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'sp'").fetchone()[0]
    if not loaded:
        started = time.time()
        for group_folder in sorted(glob.glob(os.path.join(folder, "sp", date, "_*"))):
            group = os.path.basename(group_folder)
            segment = sorted(glob.glob(os.path.join(group_folder, "*.seg")))[-1]
            periods, rows, estimated, values = segment_columns(segment)
            keys = np.fromfile(os.path.join(folder, "duckdb", f"{group}.keys"), dtype=np.int32)
            assert len(keys) == rows, (group, len(keys), rows)
            # Group index in the top bits so keys stay distinct across groups.
            chunk = {"k": keys.astype(np.int64) + (ord(group[1]) << 32), "est": estimated.astype(np.int64)}
            for period in range(periods):
                chunk[f"v{period + 1}"] = np.ascontiguousarray(values[:, period])
            if con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'sp'").fetchone()[0]:
                con.execute("INSERT INTO sp SELECT * FROM chunk")
            else:
                con.execute("CREATE TABLE sp AS SELECT * FROM chunk")
            print(f"loaded {group}: {rows} rows", flush=True)
        print(f"load took {time.time() - started:.1f} s (not part of the comparison)")
    periods = len([c for c in con.execute("DESCRIBE sp").fetchall() if c[0].startswith("v")])
    rows, = con.execute("SELECT count(*) FROM sp").fetchone()
    sums = []
    for period in range(periods):
        bit = f"((est >> {period}) & 1)"
        sums.append(f"sum(v{period + 1}) FILTER (WHERE {bit} = 0)")
        sums.append(f"sum(v{period + 1}) FILTER (WHERE {bit} = 1)")
    query = f"SELECT k, {', '.join(sums)} FROM sp GROUP BY k"
    # The same split written as arithmetic (the estimated share as v × bit), which DuckDB vectorises.
    arithmetic = f"SELECT k, {', '.join(f'sum(v{p + 1}), sum(v{p + 1} * ((est >> {p}) & 1))' for p in range(periods))} FROM sp GROUP BY k"
    plain = f"SELECT k, {', '.join(f'sum(v{p + 1})' for p in range(periods))} FROM sp GROUP BY k"
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    variants = [
        ("split", "with the actual/estimated split as FILTER (the VAS's aggregation)", query),
        ("arithmetic", "with the split as arithmetic (total and estimated sums)", arithmetic),
        ("plain", "plain sums per key (no split: less work than the VAS)", plain),
    ]
    for key, name, sql in variants:
        if only and key != only:
            continue
        times = []
        for _ in range(runs):
            started = time.time()
            result = con.execute(sql).fetchall()
            times.append(time.time() - started)
        print(f"DuckDB {duckdb.__version__}, {rows} rows × {periods} periods, {name}: "
              f"best {min(times):.2f} s, runs {', '.join(f'{t:.2f}' for t in times)} ({len(result)} keys)")


if __name__ == "__main__":
    main()
