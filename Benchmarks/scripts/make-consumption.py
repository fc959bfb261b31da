#!/usr/bin/env python3
"""Write IF-021 messages (one per MPAN, one UTC day, 48 periods) for the MPANs of a registration CSV.

usage: make-consumption.py REGISTRATIONS.csv UTC-DATE OUT [--jsonl] [--limit N] [--seed N] [--days N]

Values are deterministic for a seed: 0.050–0.600 kWh per period, quality A with 2 % E2
(estimation reason 2). Export MPANs get AE. Used by the ingest benchmark and by hand tests.
"""
import csv
import datetime as dt
import json
import random
import sys


def main():
    registrations, day, out = sys.argv[1], sys.argv[2], sys.argv[3]
    jsonl = "--jsonl" in sys.argv
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    days = int(sys.argv[sys.argv.index("--days") + 1]) if "--days" in sys.argv else 1
    rng = random.Random(seed)
    start = dt.datetime.fromisoformat(day).replace(tzinfo=dt.timezone.utc)
    with open(registrations) as source, open(out, "w") as target:
        if not jsonl:
            target.write("[")
        for index, row in enumerate(csv.DictReader(source)):
            if limit is not None and index >= limit:
                break
            blocks = []
            for offset in range(days):
                midnight = start + dt.timedelta(days=offset)
                periods = []
                for slot in range(48):
                    end = midnight + dt.timedelta(minutes=30 * (slot + 1))
                    estimated = rng.random() < 0.02
                    periods.append({"sp": end.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                                    "v": f"{rng.randint(50, 600) / 1000:.3f}",
                                    "q": "E2" if estimated else "A", "e": "2" if estimated else None, "arc": None})
                blocks.append({"settlementDay": {"settlementDayDate": midnight.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                                                 "periodDuration": 30}, "consumptionPeriods": periods})
            message = {"payload": {
                "CommonBlock": {
                    "S0": {"interfaceID": "IF-021", "schemaVersion": "011", "eventCode": "[ActivePower]"},
                    "S1": {"environmentTag": "PRD", "subText": None,
                           "senderUniqueReference": f"S-IF-021-1401234567-SDS-{start:%Y%m%d}-m{index}",
                           "senderTimestamp": (start + dt.timedelta(days=days, hours=1)).strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                           "senderDIPID": "1401234567", "senderRoleID": "SDS", "senderCorrelationID": None,
                           "DIPConnectionProviderID": None},
                    "M0": {"MPANCore": row["mpan"], "distributorDIPID": "1000000000", "GSPGroupID": row["gsp_group"]}},
                "CustomBlock": {
                    "B044": {"issuingDataServiceDIPID": "1401234567"},
                    "B067": {"connectionTypeIndicator": row["connection_type"],
                             "connectionTypeEffectiveFromDate": "2025-01-01T00:00:00+00:00"},
                    "B900": {"MQID": {"measurementQuantityID": "AE" if row["energy_direction"] == "E" else "AI"},
                             "settlementDayConsumptionPeriods": blocks}}}}
            text = json.dumps(message, separators=(",", ":"))
            if jsonl:
                target.write(text + "\n")
            else:
                target.write(("," if index else "") + text)
        if not jsonl:
            target.write("]")


if __name__ == "__main__":
    main()
