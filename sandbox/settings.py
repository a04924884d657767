"""Configuration of one sandbox instance (command line flags map 1:1 onto these fields)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ENV_ADMIN_TOKEN = "CIQDESK_SANDBOX_ADMIN_TOKEN"


@dataclass
class Settings:
    data_dir: Path
    #: platform seconds per real second: 1 = real time, 1000 = a day's life cycle in ~1.5 min
    time_scale: float = 1.0
    #: admin token; ``None`` disables every admin endpoint (they answer 403)
    admin_token: str | None = field(default_factory=lambda: os.environ.get(ENV_ADMIN_TOKEN) or None)
    #: access token lifetime, real seconds
    token_ttl: float = 3600.0
    #: refresh token lifetime, real seconds
    refresh_ttl: float = 30 * 86400.0
    #: number-lease lifetime (after which the client must not assign from it), real seconds
    lease_ttl: float = 7 * 86400.0
    #: after a lease expires, serials not yet submitted stay submittable this long, then void
    lease_grace: float = 7 * 86400.0
    #: clients older than this get 426
    min_client_version: str = "0.1.0"
    #: largest count one lease may ask for
    max_lease_count: int = 10000
    #: largest batch of mutations
    max_batch: int = 500
    #: largest attachment (bytes)
    max_attachment: int = 4 * 1024 * 1024
    #: require attachments referenced by a submit/amend to be uploaded first
    require_attachments: bool = True
    #: failed logins per username within ``login_window`` before logins answer 429
    login_failures_per_user: int = 10
    #: failed logins per client address within ``login_window`` before logins answer 429
    login_failures_per_address: int = 100
    #: the failed-login window, seconds of platform time
    login_window: float = 300.0
    #: largest request body, after gzip/deflate decompression (bytes)
    max_body: int = 64 * 1024 * 1024
    #: apply due life-cycle steps in a background thread too (feeds always catch up lazily)
    background_advance: bool = True
    #: publish the eCIQ transport/trade lists (version 2027.01.0, issue 13) at start
    eciq_lists: bool = False

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir)
        if self.time_scale <= 0:
            raise ValueError("time_scale must be > 0")

    @property
    def db_path(self) -> Path:
        return self.data_dir / "sandbox.sqlite3"

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"
