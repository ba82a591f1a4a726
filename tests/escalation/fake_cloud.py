"""A real HTTPS server that plays an OpenAI-compatible cloud and records every body it receives."""

from __future__ import annotations

import json
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

# (status, headers, body bytes); a behaviour returns one per received request.
Response = tuple[int, dict[str, str], bytes]


def chat_answer(text: str, prompt_tokens: int = 20, completion_tokens: int = 8) -> Response:
    body = {"id": "cmpl-1", "object": "chat.completion", "model": "cloud-model",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                         "finish_reason": "stop"}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens}}
    return 200, {"content-type": "application/json"}, json.dumps(body).encode()


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.body)
        return data


@dataclass
class FakeCloud:
    cert: Path
    key: Path
    behaviour: Callable[[Received], Response] = field(default=lambda r: chat_answer("ok"))
    delay_s: float = 0.0
    received: list[Received] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None

    port: int = 0  # kept after stop(): a stopped cloud is a cloud that is down

    @property
    def url(self) -> str:
        return f"https://localhost:{self.port}/v1"

    def start(self) -> FakeCloud:
        cloud = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                received = Received(self.path, {k.lower(): v for k, v in self.headers.items()},
                                    self.rfile.read(length))
                cloud.received.append(received)
                if cloud.delay_s:
                    time.sleep(cloud.delay_s)
                status, headers, body = cloud.behaviour(received)
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("content-length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
                    pass  # the client gave up (its deadline): that is what some tests want

            def log_message(self, format: str, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(self.cert), str(self.key))
        server.socket = context.wrap_socket(server.socket, server_side=True)
        self._server = server
        self.port = server.server_address[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
