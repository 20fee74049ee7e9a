#!/usr/bin/python3
"""net-snmp pass_persist helper for the chaos tests: serves hrSystemUptime.0 (1.3.6.1.2.1.25.1.1.0) so that
every GET gets a different value, and logs each value served with the wall time it was served at.

The value is whole seconds (as TimeTicks, x100), strictly increasing and tracking real time, so the poller sees a
plausible uptime and stores it as `uptime_s`: each poll of the device is then recognisable in InfluxDB by that
value alone. The log (VALUE <TAB> UNIX_NS per line) is the test's ground truth of which polls happened, kept outside
the system under test.
"""
import sys
import time

LOG = sys.argv[1]
OID = (1, 3, 6, 1, 2, 1, 25, 1, 1, 0)


def key(text):
    return tuple(int(part) for part in text.strip().strip(".").split(".") if part)


def main():
    start = time.monotonic()
    last = 0
    log = open(LOG, "a", encoding="ascii")
    while True:
        command = sys.stdin.readline()
        if not command:
            return
        command = command.strip()
        if command == "PING":
            sys.stdout.write("PONG\n")
        elif command == "get":
            if key(sys.stdin.readline()) == OID:
                seconds = max(last + 1, int(time.monotonic() - start) + 1)
                last = seconds
                log.write("%d\t%d\n" % (seconds, time.time_ns()))
                log.flush()
                sys.stdout.write(".1.3.6.1.2.1.25.1.1.0\ntimeticks\n%d\n" % (seconds * 100))
            else:
                sys.stdout.write("NONE\n")
        elif command == "getnext":
            # Nothing to walk: only a GET of the exact object is a poll.
            sys.stdin.readline()
            sys.stdout.write("NONE\n")
        elif command == "set":
            sys.stdin.readline()
            sys.stdin.readline()
            sys.stdout.write("not-writable\n")
        else:
            sys.stdout.write("NONE\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
