#!/usr/bin/python3
"""Simulated commune device for the SonLa.Monitor demo: an snmpd pass_persist script.

snmpd starts it as
    pass_persist ROOT /usr/bin/python3 sim_device.py PROFILE ROOT [--site N] [--wan-down]
and it serves the part of the MIB under ROOT for a built-in device PROFILE:
  router  IF-MIB: wan0 (fibre, role uplink), lan0, lte0 (4G backup, admin down)
  switch  IF-MIB: 8 access ports (5 in use, 3 admin down)
  ups     UPS-MIB (RFC 1628): on mains, battery full, one output line
ROOT is ".1.3.6.1.2.1.2" (ifNumber/ifTable), ".1.3.6.1.2.1.31.1.1" (ifXTable) or ".1.3.6.1.2.1.33" (UPS-MIB).
--site N varies the traffic per site (rates, phase, MAC addresses), so no two sites draw the same chart.
--wan-down is the degraded site: its router's fibre is cut (wan0 admin up, oper down), the 4G backup carries a
little traffic, and its switch sees as little.

Counters are computed from wall-clock time, so they move between polls without any state:
each interface has a base rate in bit/s modulated by a slow sine (the integral is closed-form,
hence monotonic). The 64-bit HC counters start at a large value; the 32-bit counters are the
HC value modulo 2^32 and start about a minute before a wrap, so the demo shows a wrap early.

Run it by hand to see the table:  /usr/bin/python3 sim_device.py router --dump [--site 3] [--wan-down]
"""
import bisect
import math
import sys
import time

IF_TABLE = ".1.3.6.1.2.1.2.2.1"
IF_NUMBER = ".1.3.6.1.2.1.2.1.0"
IF_X_TABLE = ".1.3.6.1.2.1.31.1.1.1"
UPS_MIB = ".1.3.6.1.2.1.33"

WRAP32 = 1 << 32
WRAP64 = 1 << 64
PERIOD_S = 600.0      # traffic swings over ten minutes
SWING = 0.35          # +-35 % around the base rate
WRAP_SOON_S = 60.0    # the first 32-bit wrap of a busy interface about a minute after start
SNAPSHOT_S = 0.5      # one snapshot of the table serves the GETNEXTs of one walk (and costs one computation)

UP, DOWN = 1, 2

# name, descr, alias, type, speed bit/s, admin, oper, in bit/s, out bit/s, errors/s
ROUTER = [
    ("wan0", "ge-0/0/0 uplink", "Cáp quang VNPT", 6, 100_000_000, UP, UP, 42_000_000, 9_000_000, 0.02),
    ("lan0", "ge-0/0/1", "Mạng LAN UBND xã", 6, 1_000_000_000, UP, UP, 7_000_000, 38_000_000, 0.0),
    ("lte0", "cellular0", "4G dự phòng Viettel", 243, 50_000_000, DOWN, DOWN, 0, 0, 0.0),
]
# The degraded site: fibre cut (admin up, oper down), the 4G backup up and carrying what it can.
ROUTER_WAN_DOWN = [
    ("wan0", "ge-0/0/0 uplink", "Cáp quang VNPT", 6, 100_000_000, UP, DOWN, 0, 0, 0.0),
    ("lan0", "ge-0/0/1", "Mạng LAN UBND xã", 6, 1_000_000_000, UP, UP, 1_200_000, 6_500_000, 0.0),
    ("lte0", "cellular0", "4G dự phòng Viettel", 243, 50_000_000, UP, UP, 6_000_000, 1_100_000, 0.0),
]
SWITCH = [
    ("gi1", "GigabitEthernet1/0/1", "Tới router", 6, 1_000_000_000, UP, UP, 38_000_000, 7_000_000, 0.0),
    ("gi2", "GigabitEthernet1/0/2", "Bộ phận một cửa", 6, 1_000_000_000, UP, UP, 2_500_000, 14_000_000, 0.0),
    ("gi3", "GigabitEthernet1/0/3", "Phòng Chủ tịch UBND", 6, 1_000_000_000, UP, UP, 900_000, 6_000_000, 0.0),
    ("gi4", "GigabitEthernet1/0/4", "Camera an ninh", 6, 100_000_000, UP, UP, 4_000_000, 150_000, 0.0),
    ("gi5", "GigabitEthernet1/0/5", "Wi-Fi hội trường", 6, 1_000_000_000, UP, UP, 1_500_000, 11_000_000, 0.01),
    ("gi6", "GigabitEthernet1/0/6", "", 6, 1_000_000_000, DOWN, DOWN, 0, 0, 0.0),
    ("gi7", "GigabitEthernet1/0/7", "", 6, 1_000_000_000, DOWN, DOWN, 0, 0, 0.0),
    ("gi8", "GigabitEthernet1/0/8", "", 6, 1_000_000_000, DOWN, DOWN, 0, 0, 0.0),
]
MAC_PREFIX = {"router": "00:1e:8c", "switch": "00:1b:d4", "ups": "00:c0:b7"}
PROFILES = ("router", "switch", "ups")

START = time.time()


class Device:
    def __init__(self, profile, site, wan_down):
        self.profile = profile
        self.site = site
        # Each site its own mix: 0.55x .. 1.45x the base rates, its own phase in the ten-minute swing.
        self.scale = 0.55 + ((site * 37) % 19) / 20.0
        if wan_down and profile == "switch":
            # The whole site runs on what the 4G backup carries.
            self.scale *= 0.15
        self.phase = site * 0.7
        if profile == "router":
            self.interfaces = ROUTER_WAN_DOWN if wan_down else ROUTER
        elif profile == "switch":
            self.interfaces = SWITCH
        else:
            self.interfaces = []
        self._snapshot_at = None
        self._rows = []
        self._keys = []

    def table(self, now):
        """Rows (oid, type, value) sorted by OID and their sort keys, recomputed at most every SNAPSHOT_S."""
        if self._snapshot_at is None or now - self._snapshot_at >= SNAPSHOT_S:
            rows = self.if_rows(now) + self.ups_rows(now)
            rows.sort(key=lambda r: oid_key(r[0]))
            self._rows = rows
            self._keys = [oid_key(r[0]) for r in rows]
            self._snapshot_at = now
        return self._rows, self._keys

    def mac(self, idx):
        return f"{MAC_PREFIX[self.profile]} {self.site % 256:02X} {(self.site >> 8) % 256:02X} {idx:02X}".replace(":", " ").upper()

    def if_rows(self, now):
        if self.profile == "ups":
            return []
        elapsed = now - START
        out = [(IF_NUMBER, "integer", str(len(self.interfaces)))]
        for i, (name, descr, alias, iftype, speed, admin, oper, in_bps, out_bps, err_rate) in enumerate(self.interfaces):
            idx = i + 1
            phase = self.phase + idx * 1.3
            in_bps, out_bps = in_bps * self.scale, out_bps * self.scale
            hc_in = (base_octets(in_bps) + octets_at(in_bps, elapsed, phase)) % WRAP64 if in_bps else 0
            hc_out = (base_octets(out_bps) + octets_at(out_bps, elapsed, phase + 2.0)) % WRAP64 if out_bps else 0
            pkts_in = hc_in // 900
            pkts_out = hc_out // 900
            errors = int(err_rate * elapsed)
            discards = int(err_rate * elapsed / 3)
            t = IF_TABLE
            out += [
                (f"{t}.1.{idx}", "integer", str(idx)),
                (f"{t}.2.{idx}", "string", descr),
                (f"{t}.3.{idx}", "integer", str(iftype)),
                (f"{t}.4.{idx}", "integer", "1500"),
                (f"{t}.5.{idx}", "gauge", str(min(speed, WRAP32 - 1))),
                (f"{t}.6.{idx}", "octet", self.mac(idx)),
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
        return out

    def ups_rows(self, now):
        """UPS-MIB (RFC 1628): ident, battery and output groups of a UPS on mains with a full battery."""
        if self.profile != "ups":
            return []
        elapsed = now - START
        u = UPS_MIB
        # The load follows the site's traffic a little: 25-45 %.
        load = int(35 + 10 * math.sin(2 * math.pi * elapsed / PERIOD_S + self.phase) * self.scale / 1.45)
        runtime = 60 - load // 2
        return [
            (f"{u}.1.1.1.0", "octet", hex_of("Sơn La Power (mô phỏng)")),
            (f"{u}.1.1.2.0", "string", "SL-1500VA"),
            (f"{u}.1.1.3.0", "string", "2.1"),
            (f"{u}.1.2.1.0", "integer", "2"),            # upsBatteryStatus: batteryNormal
            (f"{u}.1.2.2.0", "integer", "0"),            # upsSecondsOnBattery
            (f"{u}.1.2.3.0", "integer", str(runtime)),   # upsEstimatedMinutesRemaining
            (f"{u}.1.2.4.0", "integer", "100"),          # upsEstimatedChargeRemaining
            (f"{u}.1.2.5.0", "integer", "272"),          # upsBatteryVoltage (0.1 V)
            (f"{u}.1.4.1.0", "integer", "3"),            # upsOutputSource: normal
            (f"{u}.1.4.2.0", "integer", "500"),          # upsOutputFrequency (0.1 Hz)
            (f"{u}.1.4.3.0", "integer", "1"),            # upsOutputNumLines
            (f"{u}.1.4.4.1.1.1", "integer", "1"),        # upsOutputLineIndex
            (f"{u}.1.4.4.1.2.1", "integer", "230"),      # upsOutputVoltage
            (f"{u}.1.4.4.1.5.1", "integer", str(load)),  # upsOutputPercentLoad
        ]


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


def oid_key(oid):
    return tuple(int(part) for part in oid.strip(".").split(".") if part)


def under(oid, root):
    return oid == root or oid.startswith(root + ".")


def answer(device, command, oid, root):
    rows, keys = device.table(time.time())
    try:
        key = oid_key(oid)
    except ValueError:
        return None
    if command == "get":
        i = bisect.bisect_left(keys, key)
        row = rows[i] if i < len(rows) and keys[i] == key else None
    else:
        i = bisect.bisect_right(keys, key)
        row = rows[i] if i < len(rows) else None
    return row if row is not None and under(row[0], root) else None


def serve(device, root):
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
            row = answer(device, command, oid, root)
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
    args = argv[1:]
    wan_down = "--wan-down" in args
    args = [a for a in args if a != "--wan-down"]
    site = 0
    if "--site" in args:
        i = args.index("--site")
        if i + 1 >= len(args) or not args[i + 1].isdigit():
            sys.stderr.write("sim_device.py: --site needs a number\n")
            return 2
        site = int(args[i + 1])
        del args[i:i + 2]
    if not args or args[0] not in PROFILES:
        sys.stderr.write(f"usage: sim_device.py {{{'|'.join(PROFILES)}}} ROOT|--dump [--site N] [--wan-down]\n")
        return 2
    device = Device(args[0], site, wan_down)
    if len(args) > 1 and args[1] == "--dump":
        for oid, kind, value in device.table(time.time())[0]:
            print(f"{oid}\t{kind}\t{value}")
        return 0
    root = args[1] if len(args) > 1 else ".1.3.6.1.2.1"
    serve(device, root.rstrip("."))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
