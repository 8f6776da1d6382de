"""The bottom layer: what every other layer may use and that knows nothing of
carbon — the version, where files and caches live, the best-effort cache,
translations (gettext) and how numbers are written for people and machines."""
