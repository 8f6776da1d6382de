"""The library's face: one ``Request`` in (``request``), one ``Analysis`` out
(``analysis``), or rows side by side (``comparison``); and the JSON documents
that are its contract (``documents``, ``catalog_documents``, with their notes),
which every renderer takes as input."""
