"""One QuickReply per data folder.

A QLockFile in the data folder decides who is the instance (it notices a lock left by
a crashed process); the winner listens on the local socket of
``assistant.instance.instance_address``, first removing a stale socket file, so the
"address in use" left by a crash cannot stop it. A loser forwards its request over the
socket and exits.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from assistant.instance import instance_address, parse_request

log = logging.getLogger(__name__)


class SingleInstance(QObject):
    """Claim the instance; ``commandReceived`` carries a command of
    ``assistant.instance.COMMANDS`` and its arguments."""

    commandReceived = Signal(str, dict)

    def __init__(self, home: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.address = instance_address(home)
        self._lock = QLockFile(str(home / "instance.lock"))
        self._lock.setStaleLockTime(0)  # stale only when the owning process is gone
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def claim(self) -> bool:
        """True when this process is now the instance."""
        home = Path(self._lock.fileName()).parent
        home.mkdir(parents=True, exist_ok=True)
        if not self._lock.tryLock(200):
            return False
        QLocalServer.removeServer(self.address)
        if not self._server.listen(self.address):
            log.error("cannot listen on the instance socket: %s", self._server.errorString())
        return True

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            connection: QLocalSocket = self._server.nextPendingConnection()
            connection.readyRead.connect(lambda connection=connection: self._read(connection))
            connection.disconnected.connect(connection.deleteLater)

    def _read(self, connection: QLocalSocket) -> None:
        if not connection.canReadLine():
            return
        request = parse_request(bytes(connection.readLine().data()))
        connection.write(b'{"ok": true}\n' if request else b'{"ok": false}\n')
        connection.flush()
        if request:
            self.commandReceived.emit(*request)

    def release(self) -> None:
        self._server.close()
        self._lock.unlock()
