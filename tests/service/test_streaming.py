"""Streamed pieces joined on their way out (edged.service.streaming)."""

from __future__ import annotations

from edged.service.streaming import ChunkStream


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def stream(interval_s: float) -> tuple[ChunkStream, Clock, list[tuple[int, str]]]:
    clock = Clock()
    sent: list[tuple[int, str]] = []
    return ChunkStream(lambda index, text: sent.append((index, text)), interval_s, clock), clock, sent


def test_the_first_piece_goes_out_at_once_and_later_ones_are_joined_per_interval() -> None:
    chunks, clock, sent = stream(0.05)
    chunks.add("He")
    assert sent == [(0, "He")]
    for piece in ("llo", ",", " wor"):
        clock.now += 0.01
        chunks.add(piece)
    assert sent == [(0, "He")]  # 30 ms after the first chunk: held
    clock.now += 0.03
    chunks.add("ld")  # 60 ms: everything held goes, as one chunk
    assert sent == [(0, "He"), (1, "llo, world")]
    clock.now += 0.01
    chunks.add("!")
    chunks.flush()  # the final reply follows: nothing may stay held
    assert sent == [(0, "He"), (1, "llo, world"), (2, "!")]
    assert chunks.sent == 3
    chunks.flush()  # nothing held: no empty chunk
    assert chunks.sent == 3


def test_an_interval_of_zero_sends_every_piece() -> None:
    chunks, _, sent = stream(0.0)
    for piece in ("a", "b", "c"):
        chunks.add(piece)
    assert sent == [(0, "a"), (1, "b"), (2, "c")]
