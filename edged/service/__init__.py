"""The daemon side of edged: lifecycle, MQTT transport, wire protocol and scheduler."""
