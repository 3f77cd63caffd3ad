"""How the live channel reads packets: whatever a client sends, the server never fails on it.

python-socketio raises on a packet it can't read (deeply nested or invalid JSON, an unknown type,
an event whose name isn't text), and engineio logs each such error with its traceback. Here a
packet that can't be read becomes an event nobody handles, so it is dropped quietly.
"""
from socketio import packet

UNREADABLE = "unreadable_packet"
# The packet types a client may send; CONNECT_ERROR comes only from servers.
FROM_CLIENTS = {packet.CONNECT, packet.DISCONNECT, packet.EVENT, packet.ACK, packet.BINARY_EVENT, packet.BINARY_ACK}


class LivePacket(packet.Packet):
    def decode(self, encoded_packet):
        try:
            attachments = super().decode(encoded_packet)
        except (ValueError, TypeError, RecursionError):
            return self._unreadable()
        if self.packet_type not in FROM_CLIENTS or not _is_well_formed(self.packet_type, self.data):
            return self._unreadable()
        return attachments

    def add_attachment(self, attachment):
        try:
            return super().add_attachment(attachment)
        except (ValueError, TypeError, KeyError, IndexError, RecursionError):
            self.packet_type, self.data = packet.BINARY_EVENT, [UNREADABLE]  # dispatched as an event
            return True

    def _unreadable(self) -> int:
        self.packet_type, self.data, self.id, self.attachment_count = packet.EVENT, [UNREADABLE], None, 0
        return 0


def _is_well_formed(packet_type: int, data) -> bool:
    if packet_type in (packet.EVENT, packet.BINARY_EVENT):
        return isinstance(data, list) and bool(data) and isinstance(data[0], str)
    if packet_type in (packet.ACK, packet.BINARY_ACK):
        return isinstance(data, list)
    return True
