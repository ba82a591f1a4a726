"""`edged run`: load the configuration and the engine, serve until SIGTERM."""

from __future__ import annotations

import logging
import signal
import sys
import time
from pathlib import Path
from types import FrameType

from edged.config import check_files, load_config
from edged.engines.loader import load_engine
from edged.engines.store import EngineStore, default_store
from edged.errors import ConfigError
from edged.service.daemon import Daemon, ready_line

log = logging.getLogger("edged")


def configure_logging(level: str = "INFO") -> None:
    logging.basicConfig(
        level=level,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


def run(config_path: Path, *, log_level: str = "INFO") -> int:
    configure_logging(log_level)
    started = time.monotonic()
    config = load_config(config_path)
    problems = check_files(config, config_path)
    if problems:
        raise ConfigError("; ".join(problems) + ".", code="config_files")
    from edged.hardware.profiles import get_profile
    from edged.hardware.report import detect_and_match

    report = detect_and_match()
    profile = report.chosen if config.engine.profile == "auto" else get_profile(config.engine.profile)
    store = EngineStore(config.engine.store or default_store())
    engine = load_engine(store, profile, report.facts, model_id=config.engine.model)
    daemon = Daemon(config, engine)

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        log.info("received %s: stopping", signal.Signals(signum).name)
        daemon.stop()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    daemon.start()
    if daemon.transport.wait_connected(10.0):
        log.info("%s (%.2f s after start)", ready_line(daemon), time.monotonic() - started)
    else:
        log.warning(
            "not connected to the broker yet (%s:%d); still trying", config.mqtt.host, config.mqtt.port
        )
    daemon.serve_forever()
    engine.close()
    return 0
