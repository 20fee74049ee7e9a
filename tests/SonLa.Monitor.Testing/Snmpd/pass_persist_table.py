#!/usr/bin/python3
"""net-snmp pass_persist helper for tests: serves the OIDs listed in a data file.

Each line of the data file is: OID <TAB> TYPE <TAB> VALUE, where TYPE is a pass_persist type
(integer, counter, gauge, timeticks, counter64, string, octet, ipaddress, objectid). The file is
re-read whenever it changes, so a test can move counters between polls.
"""
import os
import sys

DATA = sys.argv[1]
_cache = {"mtime": None, "rows": []}


def oid_key(oid):
    return tuple(int(part) for part in oid.strip(".").split(".") if part)


def rows():
    try:
        mtime = os.stat(DATA).st_mtime_ns
    except OSError:
        return []
    if mtime != _cache["mtime"]:
        parsed = []
        with open(DATA, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                oid, kind, value = line.split("\t", 2)
                parsed.append((oid_key(oid), kind, value))
        parsed.sort(key=lambda r: r[0])
        _cache["rows"] = parsed
        _cache["mtime"] = mtime
    return _cache["rows"]


def reply(row):
    key, kind, value = row
    sys.stdout.write("." + ".".join(str(p) for p in key) + "\n" + kind + "\n" + value + "\n")


def main():
    while True:
        command = sys.stdin.readline()
        if not command:
            return
        command = command.strip()
        if command == "PING":
            sys.stdout.write("PONG\n")
        elif command in ("get", "getnext"):
            wanted = oid_key(sys.stdin.readline())
            found = None
            for row in rows():
                if (command == "get" and row[0] == wanted) or (command == "getnext" and row[0] > wanted):
                    found = row
                    break
            if found is None:
                sys.stdout.write("NONE\n")
            else:
                reply(found)
        elif command == "set":
            sys.stdin.readline()
            sys.stdin.readline()
            sys.stdout.write("not-writable\n")
        else:
            sys.stdout.write("NONE\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
