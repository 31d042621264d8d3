"""Asks CPython which Redis connections a module's import leaves open.

Usage: redis_probe.py ROOT MODULE [--fork ATTR]

Serves a minimal Redis (RESP3: HELLO, CLIENT, PING and any other command answered with 0) on a
loopback port, sets REDIS_URL to it, imports MODULE with ROOT first on sys.path, then waits until
the server has seen every connection its clients closed. Prints one JSON object: the commands of
each connection still open after the import (`open`) and of each one closed (`closed`), the
handshake (HELLO, CLIENT) left out, in the order they were accepted. With --fork, the process then
forks the way a prefork server does, and the child sends `LLEN from-child` through the client the
module holds in ATTR: `child` says whether it went over a connection the parent had opened
(`inherited`) or over one of the child's own (`new`). Never used by the analyzer, only by tests.
"""
import importlib
import json
import os
import socket
import sys
import threading
import time

HANDSHAKE = {"HELLO", "CLIENT"}
connections = []  # [{"commands": [...], "open": bool}], in the order accepted
lock = threading.Lock()


def answer(command):
    if command == "PING":
        return b"+PONG\r\n"
    if command == "HELLO":
        return b"%1\r\n$5\r\nproto\r\n:3\r\n"
    if command == "CLIENT":
        return b"+OK\r\n"
    return b":0\r\n"


def serve(conn, record):
    buffer = b""
    while True:
        data = conn.recv(65536)
        if not data:
            break
        buffer += data
        while buffer.startswith(b"*") and b"\r\n" in buffer:
            count = int(buffer[1 : buffer.index(b"\r\n")])
            parts = buffer.split(b"\r\n")
            needed = 1 + 2 * count
            if len(parts) - 1 < needed:
                break
            command = parts[2].decode().upper()
            buffer = b"\r\n".join(parts[needed:])
            with lock:
                record["commands"].append(command)
            conn.sendall(answer(command))
    with lock:
        record["open"] = False
    conn.close()


def accept(server):
    while True:
        conn, _ = server.accept()
        record = {"commands": [], "open": True}
        with lock:
            connections.append(record)
        threading.Thread(target=serve, args=(conn, record), daemon=True).start()


def main():
    root, module = sys.argv[1], sys.argv[2]
    fork_attr = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--fork" else None
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    threading.Thread(target=accept, args=(server,), daemon=True).start()
    os.environ["REDIS_URL"] = "redis://127.0.0.1:%d/0" % server.getsockname()[1]
    sys.path.insert(0, root)
    imported = importlib.import_module(module)
    # A closed connection is seen when its thread reads the end of the stream: give it a moment.
    time.sleep(0.5)
    with lock:
        report = {
            "open": [[c for c in r["commands"] if c not in HANDSHAKE] for r in connections if r["open"]],
            "closed": [[c for c in r["commands"] if c not in HANDSHAKE] for r in connections if not r["open"]],
        }
    if fork_attr:
        with lock:
            before = [list(r["commands"]) for r in connections]
        pid = os.fork()
        if pid == 0:
            getattr(imported, fork_attr).llen("from-child")
            os._exit(0)
        os.waitpid(pid, 0)
        time.sleep(0.5)
        with lock:
            sent_on = [i for i, r in enumerate(connections) if "LLEN" in r["commands"][len(before[i]) if i < len(before) else 0 :]]
        report["child"] = "inherited" if sent_on and sent_on[0] < len(before) else "new" if sent_on else "none"
    print(json.dumps(report))


if __name__ == "__main__":
    main()
