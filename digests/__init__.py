"""News pipeline without Telegram: ingest, store, summarise, compose."""
