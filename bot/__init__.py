"""Telegram side of newsbot: application wiring, handlers, rendering, offline Telegram."""
