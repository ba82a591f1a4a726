"""A streamed answer's pieces on their way out: joined, so that MQTT carries a few messages a
second per request rather than one per token.

Every token was its own QoS 1 publish over TLS, through the broker and on to the client: at eight
streaming clients some 250 messages a second that the daemon, the broker and the clients of one
small appliance spend CPU on, beside the engine. Now the first piece goes out at once (the time
to the first chunk is what a reader notices) and later ones are held until ``interval_s`` has
passed since the last chunk went out; what is still held goes out before the final reply. Chunks
stay numbered from 0 and in order, and their texts still join to the answer.
"""

from __future__ import annotations

from collections.abc import Callable

Send = Callable[[int, str], None]  # (chunk index, text)


class ChunkStream:
    """One request's stream. ``add`` and ``flush`` are called from one thread: the one the engine
    hands this request's tokens to, then the one that sends its final reply, never both at once."""

    def __init__(self, send: Send, interval_s: float, clock: Callable[[], float]) -> None:
        self._send = send
        self._interval_s = interval_s
        self._clock = clock
        self._held: list[str] = []
        self._index = 0
        self._last = 0.0

    @property
    def sent(self) -> int:
        """How many chunks went out."""
        return self._index

    def add(self, piece: str) -> None:
        self._held.append(piece)
        now = self._clock()
        if self._index == 0 or now - self._last >= self._interval_s:
            self._flush(now)

    def flush(self) -> None:
        """Send what is held (before the final reply)."""
        self._flush(self._clock())

    def _flush(self, now: float) -> None:
        if not self._held:
            return
        text = "".join(self._held)
        self._held.clear()
        self._send(self._index, text)
        self._index += 1
        self._last = now
