"""Telegram update handlers: reading commands for everyone, admin commands, shared helpers."""
