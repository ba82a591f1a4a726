"""Site provisioning: the site CA and its certificates (``pki``), the Mosquitto config and ACL
(``broker``), and the ``edged pki`` / ``edged broker`` commands (``cli``).

Nothing is re-exported here on purpose: ``edged.cli`` imports ``edged.provisioning.cli`` on
every run, and importing this package must not pull in cryptography or pydantic.
"""

from __future__ import annotations
