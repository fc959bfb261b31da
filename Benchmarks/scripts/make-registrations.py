#!/usr/bin/env python3
"""Write a synthetic registration CSV (mhhs registration import format) for benchmarks.

usage: make-registrations.py COUNT OUT.csv [--seed N] [--mhhs]

Deterministic for a seed. MPANs are spread over the 14 DNO areas in rough GB proportions,
with valid check digits; segments ~98.7 % smart (legacy NHH), 1.15 % advanced (legacy HH),
0.15 % unmetered. Rows are written in MPAN order, as a registration extract would be. With --mhhs every MPAN is
in the MHHS arrangement with its MHHS data and metering services (SDS/ADS/UMSDS, MSS/MSA/UMSO).
"""
import random
import sys

PRIMES = [3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43]
DNOS = [  # id, MPID, group, share of MPANs (%)
    (10, "EELC", "_A", 8.2), (11, "EMEB", "_B", 7.5), (12, "LOND", "_C", 7.3), (13, "MANW", "_D", 4.9),
    (14, "MIDE", "_E", 8.4), (15, "NEEB", "_F", 5.1), (16, "NORW", "_G", 7.6), (17, "HYDE", "_P", 2.6),
    (18, "SPOW", "_N", 7.2), (19, "SEEB", "_J", 7.9), (20, "SOUT", "_H", 9.9), (21, "SWAE", "_K", 3.5),
    (22, "SWEB", "_L", 5.2), (23, "YELG", "_M", 7.3)]
SUPPLIERS = ["BGAS", "EDFI", "EONS", "OVOE", "OCTO", "SPOW", "SWEB", "LOND", "MANW", "YELG", "NORW", "HYDE"]


def core(distributor, unique):
    digits = [int(c) for c in f"{distributor:02d}{unique:010d}"]
    return f"{distributor:02d}{unique:010d}{sum(d * p for d, p in zip(digits, PRIMES)) % 11 % 10}"


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    rng = random.Random(seed)
    mhhs = "--mhhs" in sys.argv
    total_share = sum(d[3] for d in DNOS)
    header = ("mpan,gsp_group,ldso,supplier,effective_from,connection_type,market_segment,energy_direction,domestic,"
              "energisation,llfc,duos_tariff,arrangement,profile_class,ssc,annual_consumption_kwh,ds_role,ds_mpid,"
              "ms_role,ms_mpid")
    with open(out, "w") as f:
        f.write(header + "\n")
        for distributor, mpid, group, share in DNOS:
            n = round(count * share / total_share) if distributor != 23 else count - written_so_far(count, total_share)
            unique = 1000
            for _ in range(n):
                unique += rng.randint(1, 50)
                r = rng.random()
                supplier = SUPPLIERS[int(rng.random() ** 1.5 * len(SUPPLIERS))]
                if r < 0.987:
                    domestic = "T" if rng.random() < 0.9 else "F"
                    pc = ("1" if rng.random() < 0.8 else "2") if domestic == "T" else ("3" if rng.random() < 0.8 else "4")
                    ssc = "0393" if pc in ("1", "3") else "0151"
                    eac = f"{rng.randint(1500, 6000) if domestic == 'T' else rng.randint(5000, 60000)}.000"
                    row = [core(distributor, unique), group, mpid, supplier, "2026-04-01", "W", "S", "I", domestic, "E",
                           "1", "D01", "legacy-nhh", pc, ssc, eac, "NHHDC", "UDMS", "MSS", "LBSL"]
                elif r < 0.9985:
                    row = [core(distributor, unique), group, mpid, supplier, "2026-04-01", rng.choice("LHE"), "A", "I",
                           "F", "E", "501", "D05", "legacy-hh", "", "", f"{rng.randint(100000, 900000)}.000", "HHDC",
                           "UDMS", "MSA", "LBSL"]
                else:
                    row = [core(distributor, unique), group, mpid, supplier, "2026-04-01", "U", "U", "I", "F", "E",
                           "8", "D09", "legacy-nhh", "8", "0428", f"{rng.randint(1000, 50000)}.000", "NHHDC", "UDMS",
                           "UMSO", "LBSL"]
                if mhhs:
                    row[12] = "mhhs"
                    row[16] = {"S": "SDS", "A": "ADS", "U": "UMSDS"}[row[6]]
                    row[18] = {"S": "MSS", "A": "MSA", "U": "UMSO"}[row[6]]
                f.write(",".join(row) + "\n")


def written_so_far(count, total_share):
    return sum(round(count * d[3] / total_share) for d in DNOS if d[0] != 23)


if __name__ == "__main__":
    main()
