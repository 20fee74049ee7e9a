#!/usr/bin/python3
"""Simulated commune device for the SonLa.Monitor demo: an snmpd pass_persist script.

snmpd starts it as
    pass_persist ROOT /usr/bin/python3 sim_device.py PROFILE ROOT
and it serves the part of IF-MIB under ROOT (".1.3.6.1.2.1.2" for ifNumber/ifTable,
".1.3.6.1.2.1.31.1.1" for ifXTable) for a built-in device PROFILE ("router" or "firewall").

Counters are computed from wall-clock time, so they move between polls without any state:
each interface has a base rate in bit/s modulated by a slow sine (the integral is closed-form,
hence monotonic). The 64-bit HC counters start at a large value; the 32-bit counters are the
HC value modulo 2^32 and start about a minute before a wrap, so the demo shows a wrap early.

Run it by hand to see the table:  /usr/bin/python3 sim_device.py router --dump
"""
import math
import sys
import time

IF_TABLE = ".1.3.6.1.2.1.2.2.1"
IF_NUMBER = ".1.3.6.1.2.1.2.1.0"
IF_X_TABLE = ".1.3.6.1.2.1.31.1.1.1"

WRAP32 = 1 << 32
WRAP64 = 1 << 64
PERIOD_S = 600.0      # traffic swings over ten minutes
SWING = 0.35          # +-35 % around the base rate
WRAP_SOON_S = 60.0    # the first 32-bit wrap of a busy interface about a minute after start

# name, descr, alias, type, speed bit/s, admin, oper, in bit/s, out bit/s, errors/s, mac
PROFILES = {
    "router": [
        ("wan0", "ge-0/0/0 uplink", "Cáp quang VNPT", 6, 100_000_000, 1, 1, 42_000_000, 9_000_000, 0.02,
         "00:1e:8c:11:22:01"),
        ("lan0", "ge-0/0/1", "Mạng LAN UBND xã", 6, 1_000_000_000, 1, 1, 7_000_000, 38_000_000, 0.0,
         "00:1e:8c:11:22:02"),
        ("lte0", "cellular0", "4G dự phòng Viettel", 243, 50_000_000, 1, 2, 0, 0, 0.0,
         "00:1e:8c:11:22:03"),
    ],
    "firewall": [
        ("port1", "port1", "WAN – tới router VNPT", 6, 1_000_000_000, 1, 1, 9_000_000, 41_000_000, 0.0,
         "00:09:0f:aa:bb:01"),
        ("port2", "port2", "LAN bộ phận một cửa", 6, 1_000_000_000, 1, 1, 37_000_000, 6_500_000, 0.01,
         "00:09:0f:aa:bb:02"),
    ],
}

START = time.time()


def octets_at(rate_bps, elapsed, phase):
    """Octets sent in `elapsed` seconds at rate_bps*(1+SWING*sin(...)) — the integral, so never decreasing."""
    if rate_bps <= 0:
        return 0
    w = 2 * math.pi / PERIOD_S
    bits = rate_bps * (elapsed - SWING / w * (math.cos(w * elapsed + phase) - math.cos(phase)))
    return int(bits / 8)


def base_octets(rate_bps):
    """A large 64-bit starting value whose low 32 bits wrap about WRAP_SOON_S after start."""
    ahead = int(rate_bps / 8 * WRAP_SOON_S)
    return 0x0000_0012_0000_0000 + WRAP32 - ahead


def hex_of(text):
    return " ".join(f"{b:02X}" for b in text.encode("utf-8"))


def rows(profile, now):
    """Every OID this device serves, as (oid, type, value) sorted by OID."""
    elapsed = now - START
    uptime_ticks = int(elapsed * 100)
    out = [(IF_NUMBER, "integer", str(len(profile)))]
    for i, (name, descr, alias, iftype, speed, admin, oper, in_bps, out_bps, err_rate, mac) in enumerate(profile):
        idx = i + 1
        phase = idx * 1.3
        hc_in = (base_octets(in_bps) + octets_at(in_bps, elapsed, phase)) % WRAP64 if in_bps else 0
        hc_out = (base_octets(out_bps) + octets_at(out_bps, elapsed, phase + 2.0)) % WRAP64 if out_bps else 0
        pkts_in = hc_in // 900
        pkts_out = hc_out // 900
        errors = int(err_rate * elapsed)
        discards = int(err_rate * elapsed / 3)
        mac_hex = mac.replace(":", " ").upper()
        t = IF_TABLE
        out += [
            (f"{t}.1.{idx}", "integer", str(idx)),
            (f"{t}.2.{idx}", "string", descr),
            (f"{t}.3.{idx}", "integer", str(iftype)),
            (f"{t}.4.{idx}", "integer", "1500"),
            (f"{t}.5.{idx}", "gauge", str(min(speed, WRAP32 - 1))),
            (f"{t}.6.{idx}", "octet", mac_hex),
            (f"{t}.7.{idx}", "integer", str(admin)),
            (f"{t}.8.{idx}", "integer", str(oper)),
            (f"{t}.9.{idx}", "timeticks", "0"),
            (f"{t}.10.{idx}", "counter", str(hc_in % WRAP32)),
            (f"{t}.11.{idx}", "counter", str(pkts_in % WRAP32)),
            (f"{t}.12.{idx}", "counter", "0"),
            (f"{t}.13.{idx}", "counter", str(discards % WRAP32)),
            (f"{t}.14.{idx}", "counter", str(errors % WRAP32)),
            (f"{t}.15.{idx}", "counter", "0"),
            (f"{t}.16.{idx}", "counter", str(hc_out % WRAP32)),
            (f"{t}.17.{idx}", "counter", str(pkts_out % WRAP32)),
            (f"{t}.18.{idx}", "counter", "0"),
            (f"{t}.19.{idx}", "counter", "0"),
            (f"{t}.20.{idx}", "counter", "0"),
            (f"{t}.21.{idx}", "gauge", "0"),
            (f"{t}.22.{idx}", "objectid", ".0.0"),
        ]
        x = IF_X_TABLE
        out += [
            (f"{x}.1.{idx}", "string", name),
            (f"{x}.2.{idx}", "counter", "0"),
            (f"{x}.3.{idx}", "counter", "0"),
            (f"{x}.4.{idx}", "counter", "0"),
            (f"{x}.5.{idx}", "counter", "0"),
            (f"{x}.6.{idx}", "counter64", str(hc_in)),
            (f"{x}.7.{idx}", "counter64", str(pkts_in)),
            (f"{x}.8.{idx}", "counter64", "0"),
            (f"{x}.9.{idx}", "counter64", "0"),
            (f"{x}.10.{idx}", "counter64", str(hc_out)),
            (f"{x}.11.{idx}", "counter64", str(pkts_out)),
            (f"{x}.12.{idx}", "counter64", "0"),
            (f"{x}.13.{idx}", "counter64", "0"),
            (f"{x}.14.{idx}", "integer", "1"),
            (f"{x}.15.{idx}", "gauge", str(speed // 1_000_000)),
            (f"{x}.16.{idx}", "integer", "2"),
            (f"{x}.17.{idx}", "integer", "1"),
            # Non-ASCII text as hex bytes so it reaches the wire as exact UTF-8.
            (f"{x}.18.{idx}", "octet", hex_of(alias)),
            (f"{x}.19.{idx}", "timeticks", "0"),
        ]
    return sorted(out, key=lambda r: oid_key(r[0]))


def oid_key(oid):
    return tuple(int(part) for part in oid.strip(".").split(".") if part)


def under(oid, root):
    return oid == root or oid.startswith(root + ".")


def answer(command, oid, profile, root):
    table = [r for r in rows(profile, time.time()) if under(r[0], root)]
    if command == "get":
        for row in table:
            if row[0] == oid:
                return row
        return None
    key = oid_key(oid)
    for row in table:
        if oid_key(row[0]) > key:
            return row
    return None


def serve(profile, root):
    stdin, stdout = sys.stdin, sys.stdout
    while True:
        line = stdin.readline()
        if not line:
            return
        command = line.strip()
        if command == "PING":
            stdout.write("PONG\n")
        elif command in ("get", "getnext"):
            oid = stdin.readline().strip()
            row = answer(command, oid, profile, root)
            stdout.write("NONE\n" if row is None else f"{row[0]}\n{row[1]}\n{row[2]}\n")
        elif command == "set":
            stdin.readline()
            stdin.readline()
            stdout.write("not-writable\n")
        elif command == "":
            continue
        else:
            stdout.write("NONE\n")
        stdout.flush()


def main(argv):
    if len(argv) < 2 or argv[1] not in PROFILES:
        sys.stderr.write(f"usage: sim_device.py {{{'|'.join(PROFILES)}}} ROOT | --dump\n")
        return 2
    profile = PROFILES[argv[1]]
    if len(argv) > 2 and argv[2] == "--dump":
        for oid, kind, value in rows(profile, time.time()):
            print(f"{oid}\t{kind}\t{value}")
        return 0
    root = argv[2] if len(argv) > 2 else ".1.3.6.1.2.1"
    serve(profile, root.rstrip("."))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
