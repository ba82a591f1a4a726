"""edged: a small language model on NVIDIA Jetson and RTX factory appliances, served over MQTT.

Importing this package is cheap on purpose: heavy libraries (onnxruntime-genai, TensorRT-LLM,
torch, NVML) are imported only inside the modules that need them.
"""

from __future__ import annotations

__version__ = "0.1.0"
