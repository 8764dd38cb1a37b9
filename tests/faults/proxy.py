"""A TCP proxy on loopback that a test can stall and cut, to break a database it does not own.

The machine's PostgreSQL is shared and never touched: the server under test connects to the
proxy instead, and the proxy breaks the path between them.

- ``stall()``: stop forwarding in both directions; connections stay open and new ones are
  accepted, as with a paused server or a network that drops packets. ``resume()`` forwards
  again, bytes held meanwhile included.
- ``stall_on(marker)``: forward until a client sends bytes containing ``marker`` (say, the
  first INSERT into a table), then stall before passing them on.
- ``cut()``: close every connection at once, as a database restart or failover does; new
  connections are forwarded as before.
"""

import socket
import threading

from .conftest import free_port


class TcpProxy:
    def __init__(self, upstream_port: int, upstream_host: str = "127.0.0.1"):
        self.upstream = (upstream_host, upstream_port)
        self.port = free_port()
        self._flowing = threading.Event()
        self._flowing.set()
        self._marker = None
        self.marker_seen = threading.Event()
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._listener = None
        self._closed = False

    def start(self):
        self._listener = socket.create_server(("127.0.0.1", self.port), reuse_port=False)
        threading.Thread(target=self._accept, daemon=True, name="proxy-accept").start()
        return self

    def close(self):
        self._closed = True
        self._flowing.set()  # let held pumps see the closed sockets and end
        if self._listener:
            self._listener.close()
        self.cut()

    # --- faults ---------------------------------------------------------------

    def stall(self):
        self._flowing.clear()

    def stall_on(self, marker: bytes):
        self.marker_seen.clear()
        self._marker = marker

    def resume(self):
        self._marker = None
        self._flowing.set()

    def cut(self):
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    # --- forwarding -----------------------------------------------------------

    def _accept(self):
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream, timeout=5)
                server.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets |= {client, server}
            for source, target, watch in ((client, server, True), (server, client, False)):
                threading.Thread(
                    target=self._pump, args=(source, target, watch), daemon=True
                ).start()

    def _pump(self, source, target, watch):
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                marker = self._marker
                if watch and marker and marker in data:
                    self._flowing.clear()
                    self.marker_seen.set()
                # Held here while stalled, until resume(), or dropped when cut() closes both.
                self._flowing.wait()
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
