"""Writing an output file so that it is either complete or not there at all.

Every writer writes into a temporary file beside the target (same folder, so same
filesystem) and renames it over the target only once the file is complete and on disk.
A full disk, an error or a Ctrl-C midway leaves the previous output as it was and no
partial file behind. Targets that are not regular files (``/dev/stdout``, a FIFO,
``/dev/full``) are written in place: renaming over them would replace the device.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from timeline.errors import OutputError


@contextlib.contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield the path to write to; on success it becomes ``path``, atomically.

    Raises ``OutputError`` (one line: the file and the problem) when the output cannot be
    written: a folder, a missing parent folder, a read-only file, a full disk, ``/proc``.
    """
    target = Path(path)
    real = Path(os.path.realpath(target))  # a symlink's file is replaced, not the link
    existing = _stat(real)
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise OutputError(target, "it is a folder; give a file name")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        with _as_output_error(target):
            yield real  # a device or a FIFO: written in place
        return
    folder = real.parent
    if not folder.is_dir():
        raise OutputError(target, f"the folder {folder} does not exist; create it first")
    if existing is not None and _read_only(real, existing):
        raise OutputError(target, "permission denied (the file is read-only)")
    with _as_output_error(target):
        fd, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".part", dir=folder)
    os.close(fd)
    temporary = Path(name)
    try:
        with _as_output_error(target):
            yield temporary
            _flush_to_disk(temporary)
            os.chmod(temporary, _mode(existing))
            os.replace(temporary, real)
    except BaseException:  # also KeyboardInterrupt: never leave a partial file behind
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(folder)


@contextlib.contextmanager
def _as_output_error(target: Path) -> Iterator[None]:
    try:
        yield
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            raise
        raise OutputError(target, error.strerror or str(error)) from error


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise OutputError(path, error.strerror or str(error)) from error


def _read_only(path: Path, existing: os.stat_result) -> bool:
    """Not writable by us, or by nobody at all: a rename would replace it regardless of its
    permissions (and root may write anything), so the file's own mode decides."""
    return not os.access(path, os.W_OK) or not existing.st_mode & 0o222


def _mode(existing: os.stat_result | None) -> int:
    """The replaced file's permissions, or what a new file gets under the umask."""
    if existing is not None:
        return stat.S_IMODE(existing.st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _flush_to_disk(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every filesystem allows fsync on a folder."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
