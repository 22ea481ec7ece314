"""Run the ``newsbot`` command line: ``python -m bot``."""

from bot.cli import main

main()
