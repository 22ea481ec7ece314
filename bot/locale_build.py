"""Compile the translation catalogs when the package is built (pyproject: tool.setuptools.cmdclass).

Setuptools loads this file at build time (it is not imported by the bot): ``build_py``
compiles each ``bot/locale/<code>/LC_MESSAGES/newsbot.po`` into ``newsbot.mo`` with Babel,
into the build folder for a wheel, or beside the ``.po`` for an editable install (where the
package is the source tree). Compiled catalogs are never committed.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools.command.build_py import build_py

CATALOGS = "locale/*/LC_MESSAGES/*.po"


def compile_catalog(source: Path, target: Path) -> None:
    """Compile one .po file into a .mo file (fuzzy entries left out, as gettext does)."""
    with source.open("rb") as po:
        catalog = read_po(po, domain=source.stem)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as mo:
        write_mo(mo, catalog)


def compile_all(package: Path, destination: Path) -> list[Path]:
    """Compile every catalog under package into the same place under destination."""
    written = []
    for source in sorted(package.glob(CATALOGS)):
        target = destination / source.relative_to(package).with_suffix(".mo")
        compile_catalog(source, target)
        written.append(target)
    return written


class BuildPy(build_py):
    """setuptools' build_py, which also compiles the bot's catalogs."""

    def run(self) -> None:
        """Build as usual, then compile the catalogs."""
        super().run()
        compile_all(self._source(), self._destination())

    def _source(self) -> Path:
        return Path(self.get_package_dir("bot"))

    def _destination(self) -> Path:
        # Editable installs run the source tree itself: the catalogs go beside their .po.
        return self._source() if self.editable_mode else Path(self.build_lib) / "bot"

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        """Return the built files, compiled catalogs included."""
        compiled = [
            str(self._destination() / po.relative_to(self._source()).with_suffix(".mo"))
            for po in sorted(self._source().glob(CATALOGS))
        ]
        return [*super().get_outputs(include_bytecode), *compiled]
