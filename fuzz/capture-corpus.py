#!/usr/bin/python3
"""Regenerates fuzz/corpus/: real datagrams from net-snmp, captured on loopback.

Starts a private snmpd (free port, v2c community and one SHA-256/AES user), puts a UDP relay in
front of it that saves every request and answer, runs snmpget/snmpbulkwalk/snmpgetnext through
it, then listens for snmptrap v1/v2c/v3 and snmpinform v2c/v3. Needs snmpd and the snmp tools.
Usage: fuzz/capture-corpus.py [OUT_DIR]   (default: fuzz/corpus next to this script)
"""
import os, shutil, socket, subprocess, sys, tempfile, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "corpus")
COMMUNITY = "fuzz-corpus"
USER, AUTH, PRIV = "fuzzuser", "fuzz-auth-pass", "fuzz-priv-pass"
ENGINE = "0x80001f8804736f6e6c612d66757a7a"  # receiver engine id for v3 traps/informs
MAX_BYTES = 2000


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


saved = {}


def save(name, data):
    if len(data) > MAX_BYTES or data in saved.values():
        return
    n = sum(1 for k in saved if k.startswith(name))
    key = f"{name}-{n + 1}" if n else name
    saved[key] = data


class Relay(threading.Thread):
    """Client <-> relay <-> snmpd, saving every datagram under the current label."""

    def __init__(self, target_port):
        super().__init__(daemon=True)
        self.front = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.front.bind(("127.0.0.1", 0))
        self.back = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.back.bind(("127.0.0.1", 0))
        self.target = ("127.0.0.1", target_port)
        self.port = self.front.getsockname()[1]
        self.label = "x"
        self.client = None

    def run(self):
        import select
        while True:
            ready, _, _ = select.select([self.front, self.back], [], [])
            for s in ready:
                data, peer = s.recvfrom(65535)
                if s is self.front:
                    self.client = peer
                    save(f"{self.label}.request", data)
                    self.back.sendto(data, self.target)
                elif self.client:
                    save(f"{self.label}.response", data)
                    self.front.sendto(data, self.client)


def tool(*args):
    subprocess.run(list(args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30)


def main():
    work = tempfile.mkdtemp(prefix="sonla-corpus-")
    port = free_port()
    conf = os.path.join(work, "snmpd.conf")
    with open(conf, "w") as f:
        f.write(f"agentAddress udp:127.0.0.1:{port}\n"
                f"rocommunity {COMMUNITY} 127.0.0.1\n"
                f"createUser {USER} SHA-256 \"{AUTH}\" AES \"{PRIV}\"\n"
                f"rouser {USER} priv\n"
                "sysName fuzz-corpus\nsysLocation Xã Chiềng Cơi\n")
    snmpd = subprocess.Popen(["snmpd", "-f", "-C", "-c", conf, "-Lf", os.path.join(work, "log"),
                              f"--persistentDir={work}", "-M", "/dev/null"])
    try:
        time.sleep(1.5)
        relay = Relay(port)
        relay.start()
        agent = f"127.0.0.1:{relay.port}"
        common = ["-M", "/dev/null", "-t", "3", "-r", "1"]
        v2 = ["-v2c", "-c", COMMUNITY]
        v3 = ["-v3", "-u", USER, "-l", "authPriv", "-a", "SHA-256", "-A", AUTH, "-x", "AES", "-X", PRIV]
        steps = [
            ("v2c-get", ["snmpget", *common, *v2, agent, ".1.3.6.1.2.1.1.1.0", ".1.3.6.1.2.1.1.3.0", ".1.3.6.1.2.1.1.5.0", ".1.3.6.1.2.1.1.6.0"]),
            ("v2c-get-missing", ["snmpget", *common, *v2, agent, ".1.3.6.1.2.1.1.99.0", ".1.3.6.1.4.1.99999.1"]),
            ("v2c-getbulk-iftable", ["snmpbulkget", *common, *v2, "-Cr12", agent, ".1.3.6.1.2.1.2.2.1"]),
            ("v2c-getbulk-end", ["snmpbulkget", *common, *v2, "-Cr3", agent, ".1.3.6.1.6.3.999"]),
            ("v2c-getbulk-system", ["snmpbulkget", *common, *v2, "-Cn1", "-Cr8", agent, ".1.3.6.1.2.1.1.3", ".1.3.6.1.2.1.1"]),
            ("v2c-getbulk-hrstorage", ["snmpbulkget", *common, *v2, "-Cr6", agent, ".1.3.6.1.2.1.25.2.3.1"]),
            ("v2c-getbulk-ipaddr", ["snmpbulkget", *common, *v2, "-Cr6", agent, ".1.3.6.1.2.1.4.20.1"]),
            ("v1-getnext", ["snmpgetnext", *common, "-v1", "-c", COMMUNITY, agent, ".1.3.6.1.2.1.1.2", ".1.3.6.1.2.1.2.2.1.6"]),
            ("v1-nosuchname", ["snmpget", *common, "-v1", "-c", COMMUNITY, agent, ".1.3.6.1.2.1.1.99.0"]),
            ("v3-authpriv-get", ["snmpget", *common, *v3, agent, ".1.3.6.1.2.1.1.3.0", ".1.3.6.1.2.1.1.5.0"]),
            ("v3-wrong-user", ["snmpget", *common, "-v3", "-u", "nobody", "-l", "noAuthNoPriv", agent, ".1.3.6.1.2.1.1.3.0"]),
            ("v3-wrong-digest", ["snmpget", *common, "-v3", "-u", USER, "-l", "authNoPriv", "-a", "SHA-256", "-A", "not-the-pass", agent, ".1.3.6.1.2.1.1.3.0"]),
        ]
        for label, args in steps:
            relay.label = label
            tool(*args)
            time.sleep(0.2)
    finally:
        snmpd.terminate()
        snmpd.wait()
        shutil.rmtree(work, ignore_errors=True)

    # Traps and informs: a listener that answers nothing (so informs are captured once).
    trap = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    trap.bind(("127.0.0.1", 0))
    trap.settimeout(0.5)
    sink = f"127.0.0.1:{trap.getsockname()[1]}"
    common = ["-M", "/dev/null"]
    link_down = [".1.3.6.1.2.1.2.2.1.1.3", "i", "3", ".1.3.6.1.2.1.2.2.1.7.3", "i", "1", ".1.3.6.1.2.1.2.2.1.8.3", "i", "2"]
    v3trap = ["-v3", "-e", ENGINE, "-u", USER, "-l", "authPriv", "-a", "SHA-256", "-A", AUTH, "-x", "AES", "-X", PRIV]
    sends = [
        ("trap-v1-linkdown", ["snmptrap", *common, "-v1", "-c", COMMUNITY, sink, ".1.3.6.1.4.1.8072.3.2.10", "127.0.0.1", "2", "0", "12345", *link_down]),
        ("trap-v1-enterprise", ["snmptrap", *common, "-v1", "-c", COMMUNITY, sink, ".1.3.6.1.4.1.99999", "10.0.0.1", "6", "42", "", ".1.3.6.1.4.1.99999.1.0", "s", "Xã Chiềng Cơi", ".1.3.6.1.4.1.99999.2.0", "x", "0011223344556677"]),
        ("trap-v2c-linkdown", ["snmptrap", *common, "-v2c", "-c", COMMUNITY, sink, "", ".1.3.6.1.6.3.1.1.5.3", *link_down]),
        ("trap-v2c-coldstart", ["snmptrap", *common, "-v2c", "-c", COMMUNITY, sink, "", ".1.3.6.1.6.3.1.1.5.1"]),
        ("trap-v2c-types", ["snmptrap", *common, "-v2c", "-c", COMMUNITY, sink, "", ".1.3.6.1.4.1.99999.0.1",
                            ".1.3.6.1.4.1.99999.1", "c", "4294967295", ".1.3.6.1.4.1.99999.2", "u", "7",
                            ".1.3.6.1.4.1.99999.3", "t", "8640000", ".1.3.6.1.4.1.99999.4", "a", "192.0.2.1",
                            ".1.3.6.1.4.1.99999.5", "o", ".1.3.6.1.2.1.1", ".1.3.6.1.4.1.99999.6", "C", "18446744073709551615",
                            ".1.3.6.1.4.1.99999.7", "i", "-2147483648"]),
        ("trap-v3-authpriv", ["snmptrap", *common, *v3trap, sink, "", ".1.3.6.1.6.3.1.1.5.4", *link_down]),
        ("trap-v3-authnopriv", ["snmptrap", *common, "-v3", "-e", ENGINE, "-u", USER, "-l", "authNoPriv", "-a", "SHA", "-A", AUTH, sink, "", ".1.3.6.1.6.3.1.1.5.2"]),
        ("trap-v3-noauth", ["snmptrap", *common, "-v3", "-e", ENGINE, "-u", USER, "-l", "noAuthNoPriv", sink, "", ".1.3.6.1.6.3.1.1.5.5"]),
        ("inform-v2c", ["snmpinform", *common, "-v2c", "-c", COMMUNITY, "-t", "1", "-r", "0", sink, "", ".1.3.6.1.6.3.1.1.5.3", *link_down]),
        ("inform-v3-authpriv", ["snmpinform", *common, "-v3", "-u", USER, "-l", "authPriv", "-a", "SHA-256", "-A", AUTH, "-x", "AES", "-X", PRIV, "-t", "1", "-r", "0", sink, "", ".1.3.6.1.6.3.1.1.5.4"]),
    ]
    for label, args in sends:
        subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 3
        while time.time() < deadline:
            try:
                data, _ = trap.recvfrom(65535)
                save(label, data)
            except socket.timeout:
                if any(k.startswith(label) for k in saved):
                    break

    os.makedirs(OUT, exist_ok=True)
    for name, data in sorted(saved.items()):
        with open(os.path.join(OUT, name + ".bin"), "wb") as f:
            f.write(data)
    print(f"{len(saved)} datagrams written to {OUT}")


if __name__ == "__main__":
    main()
