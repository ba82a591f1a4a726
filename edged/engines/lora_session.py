"""The continuous engine's graph with LoRA inputs, cut down to the projections its adapters
target: each side path costs four small operators a token whether an adapter uses it or not (600
on SmolLM2, where an adapter of the attention projections needs 240)."""

from __future__ import annotations

import hashlib
import logging
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from edged.engines.lora_graph import lora_sites, prune_lora_sites
from edged.engines.lora_slots import LoadedLora

log = logging.getLogger(__name__)
Site = tuple[int, str]


def pruned_graph(graph: Path, sites: frozenset[Site]) -> Path:
    """A graph with LoRA inputs at ``sites`` only, derived from ``graph`` (which has them at every
    projection) and written beside it, as it reads the same weights file by a relative path that
    onnxruntime will not follow out of the graph's folder. Its name holds a digest of ``graph`` and
    ``sites``, so a rebuilt engine or another set of sites never reuses a stale one. ``graph``
    itself where it already has no more sites, or where its folder cannot be written (a read-only
    store): then every side path runs, and a log line says so."""
    import onnx

    content = graph.read_bytes()
    digest = hashlib.sha256(content + repr(sorted(sites)).encode()).hexdigest()[:16]
    path = graph.with_name(f"{graph.stem}.lora-{digest}{graph.suffix}")
    if path.is_file():
        return path
    model = onnx.load_from_string(content)  # the weights stay where they are: only referred to
    everywhere = len(lora_sites(model))
    if prune_lora_sites(model, sites) == everywhere:
        return graph
    written: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(dir=graph.parent, prefix=f".{path.name}.", delete=False) as out:
            written = Path(out.name)
            out.write(model.SerializeToString())
        written.chmod(graph.stat().st_mode & 0o777)  # readable by whoever reads the engine's own
        written.replace(path)  # whole or not at all, for another engine process loading it
    except OSError as exc:
        if written is not None:
            written.unlink(missing_ok=True)
        log.warning("cannot write the graph with LoRA inputs at %d of %d projections beside %s (%s): "
                    "running the one with all of them, which decodes slower", len(sites), everywhere,
                    graph, exc)
        return graph
    return path


class LoraGraphs:
    """The session of the graph with LoRA inputs at the sites the adapters seen so far target,
    opened again, wider, when an adapter targets more (sites are never dropped: a graph with a few
    more side paths costs less than loading another session while rows wait)."""

    def __init__(self, graph: Path, open_session: Callable[[Path], Any], session: Any = None) -> None:
        """``session``: one already open on ``graph`` (all sites), which is then kept."""
        self._graph = graph
        self._open = open_session
        self.session = session
        self.sites: frozenset[Site] = frozenset()
        self._everywhere = session is not None

    def cover(self, loras: Iterable[LoadedLora]) -> bool:
        """Make ``session`` take every site of ``loras``; True if it was opened anew."""
        wanted = self.sites.union(*(lora.sites for lora in loras))
        if self.session is not None and (self._everywhere or wanted <= self.sites):
            return False
        path = pruned_graph(self._graph, wanted)
        self.session = None  # the narrower session's memory goes before the wider one loads
        self.session = self._open(path)
        self.sites, self._everywhere = wanted, path == self._graph
        return True
