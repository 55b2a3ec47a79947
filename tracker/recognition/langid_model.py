"""py3langid's model, mapped from a file: the same values, paid for in memory as they are read
(issue 21 item 3).

Loaded as py3langid loads it, its model (4.5 MB of xz) becomes 68 MB of tables in memory, the
largest part of a sync's peak. A sync identifies the language of a few hundred texts, whose walks
over the DFA and whose features read a small part of the tables (~13 MB of pages over a
20,000-message mailbox). So the tables are written once to a file in the user's data folder and
mapped read-only: only the pages read count in the process's memory, and a later run
decompresses nothing (0.04 s with the check below, instead of 1.2 s). The transition table's
next states, which need 17 bits (104,583 states), are kept as their low 16 bits (uint16) and a
bit set: the file is 50 MB, so even a run that somehow mapped all of it would hold no more than
the in-memory model did.
The file is written in one go, which leaves it in the page cache in large blocks, each mapped
whole by the fault that reads one of its pages: it is dropped from the page cache once written,
and mapped for random access (no reading ahead), so that a fault maps the page it needs.

The file names the py3langid version and the SHA-256 of the model it was made from, and ends its
header with a CRC-32 of the rest; when either changes, or the file is not whole or not what was
written (checked on every load: 0.039 s instead of 0.012 s), it is made again: a cache changed
on disk is never read for a wrong language. It is written 0600 under a new name and renamed
over the old one (a new file older than 10 minutes was left by a run killed while writing, and
is removed), and it is used only if it is a regular file (opened without following
a link) of this user's that no one else may write. Where the data folder cannot be written, the
same tables are read into memory instead (~50 MB).

The walk is py3langid's `visit_counts` reading the split table; the scores are py3langid's own
code on its own float16 table, so each answer is py3langid's (tests/test_languages.py compares
the tables and the rankings with py3langid's loader, and the language of every test mail with
py3langid's own identifier).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import lzma
import mmap
import os
import shutil
import stat
import sys
import tempfile
import time
import zipfile
import zlib
from array import array
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from tracker import private_files

log = logging.getLogger(__name__)

NAME = "language-model.cache"
MAGIC = b"objection-tracker: py3langid's model tables, format 2\n"
HEADER = 4096  # the header's room; each table starts on a page of its own
# The header's last bytes: the CRC-32 (8 hex digits, after a newline) of all the file but them.
CHECK = 9
CHUNK = 1 << 20
# A file being written is this young at most (writing takes ~0.7 s); an older one was left by a run
# that was killed while writing (50 MB each), and is removed.
LEFT_BEHIND = 600
# The model's members: "classes" goes into the header, the others are tables.
MEMBERS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
# The tables py3langid walks in Python, byte by byte: memoryviews of these (native) types.
WALKED = {"<u2": "H", "<u4": "I", "<i4": "i", "|u1": "B"}
LOW = 16  # bits of a next state in the uint16 table; one more comes from the bit set

Tables = dict[str, tuple[memoryview, str, tuple[int, ...]]]  # name -> (bytes, dtype, shape)


def identifier(folder: Path | None) -> Any:
    """py3langid's LanguageIdentifier (norm_probs=True) on its packaged model, mapped from the
    file in `folder`, made there when it is missing or stale; read into memory without one."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    source = MODEL_DIR / MODEL_FILE
    stamp = _stamp(source)
    if folder is not None:
        path = folder / NAME
        try:
            _remove_left_behind(folder)
            found = _mapped(path, stamp)
            if found is None:
                _write(path, source, stamp)
                found = _mapped(path, stamp)
            if found is not None:
                return _identifier(*found)
        except OSError as exc:
            log.warning("cannot use %s (%s): the language model is read into memory", path,
                        exc.strerror or exc)
    return _identifier(*_in_memory(source))


def _remove_left_behind(folder: Path) -> None:
    """The new files of runs killed while writing the cache (never renamed over it)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:  # no folder yet, or not one: the caller finds out
        return
    old = time.time() - LEFT_BEHIND
    for entry in entries:
        if entry.name.startswith(f".{NAME}."):
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid() and info.st_mtime < old:
                    os.unlink(entry.path)


def _stamp(source: Path) -> dict[str, str]:
    import py3langid

    with open(source, "rb") as model:
        digest = hashlib.file_digest(model, "sha256").hexdigest()
    return {"py3langid": py3langid.__version__, "sha256": digest}


def _mapped(path: Path, stamp: dict[str, str]) -> tuple[Tables, list[str]] | None:
    """The tables of the cache file, mapped; None when there is none usable."""
    try:
        # Not blocking: opening a FIFO put in its place would wait for a writer for ever.
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ELOOP):  # none yet, or a link: made anew
            return None
        raise
    try:
        info = os.fstat(fd)
        if (not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid()
                or info.st_mode & 0o022 or info.st_size <= HEADER):
            return None
        head = os.pread(fd, HEADER, 0)
        try:
            layout = json.loads(head[len(MAGIC):-CHECK].rstrip(b"\0")) if head.startswith(MAGIC) else {}
            if (not isinstance(layout, dict) or layout.get("stamp") != stamp
                    or layout.get("size") != info.st_size
                    or head[-CHECK:] != b"\n%08x" % _crc(fd, head[:-CHECK], info.st_size)):
                return None
            spans = [(name, int(start), int(size), str(dtype), tuple(int(n) for n in shape))
                     for name, (start, size, dtype, shape) in layout["tables"].items()]
            classes = [str(c) for c in layout["classes"]]
        except (ValueError, TypeError, KeyError, AttributeError):  # not a header this code wrote
            return None
        mapped = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
    finally:
        os.close(fd)
    if hasattr(mapped, "madvise"):
        # A page at a time: reading ahead would fill the page cache in large blocks, each
        # mapped whole by the fault that reads it.
        mapped.madvise(mmap.MADV_RANDOM)
    view = memoryview(mapped)
    tables = {name: (view[start:start + size], dtype, shape)
              for name, start, size, dtype, shape in spans}
    return tables, classes


def _crc(fd: int, head: bytes, size: int) -> int:
    """The CRC-32 of `head` and of the file past its header: a cache that a disk, a copy or a
    hand changed is made again, never read for a wrong language. Read with pread into one buffer
    (~0.03 s for 50 MB), not through the mapping, which would keep every page; then dropped from
    the page cache again (see the module's docstring)."""
    crc = zlib.crc32(head)
    buffer = bytearray(CHUNK)
    offset = HEADER
    while offset < size:
        got = os.preadv(fd, [buffer], offset)
        if not got:
            break
        crc = zlib.crc32(memoryview(buffer)[:got], crc)
        offset += got
    if hasattr(os, "posix_fadvise"):
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    return crc


def _write(path: Path, source: Path, stamp: dict[str, str]) -> None:
    private_files.folder(path.parent)  # 0700, and the folders above it that it makes
    temp = path.with_name(f".{NAME}.{os.urandom(8).hex()}")  # not `secrets`: 3.6 MB to import
    fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            tables, classes = {}, []
            out.seek(HEADER)
            for name, dtype, shape, size, chunks in _tables(source, path.parent):
                if name == "classes":
                    classes = _classes(dtype, b"".join(chunks))
                    continue
                start = out.seek(-(-out.tell() // mmap.PAGESIZE) * mmap.PAGESIZE)
                for chunk in chunks:
                    out.write(chunk)
                tables[name] = [start, size, dtype, list(shape)]
            size = out.tell()
            header = MAGIC + json.dumps({"stamp": stamp, "size": size, "classes": classes,
                                         "tables": tables}).encode()
            if len(header) > HEADER - CHECK:
                raise ValueError("py3langid model: its description does not fit the header")
            header = header.ljust(HEADER - CHECK, b"\0")
            out.flush()
            check = b"\n%08x" % _crc(out.fileno(), header, size)
            out.seek(0)
            out.write(header + check)
            out.flush()
            os.fsync(out.fileno())
            if hasattr(os, "posix_fadvise"):
                # Out of the page cache, where writing left it in large blocks: a page fault
                # maps the whole block it falls in, and one read page would bring megabytes.
                os.posix_fadvise(out.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _in_memory(source: Path) -> tuple[Tables, list[str]]:
    tables: Tables = {}
    classes: list[str] = []
    for name, dtype, shape, size, chunks in _tables(source, None):
        if name == "classes":
            classes = _classes(dtype, b"".join(chunks))
            continue
        data, filled = memoryview(bytearray(size)), 0  # at once: growing would over-allocate
        for chunk in chunks:
            data[filled:filled + len(chunk)] = chunk
            filled += len(chunk)
        tables[name] = (data, dtype, shape)
    return tables, classes


def _tables(source: Path, scratch: Path | None) -> Iterator[tuple[str, str, tuple[int, ...], int,
                                                                  Iterator[bytes]]]:
    """Each table: its name, dtype, shape, size in bytes, and its data a chunk at a time; the
    model's members as they are, but for the transition table, which becomes two (_split).
    The npz is decompressed to an unnamed file first (in `scratch` if given): a zip is read from
    its end."""
    from numpy.lib import format as npy

    if sys.byteorder != "little":
        raise ValueError("py3langid model: its tables are little-endian, and so must this machine be")
    with tempfile.TemporaryFile(dir=scratch) as unpacked:
        with lzma.open(source) as packed:
            shutil.copyfileobj(packed, unpacked, length=CHUNK)
        unpacked.seek(0)
        with zipfile.ZipFile(unpacked) as npz:
            for name in MEMBERS:
                with npz.open(f"{name}.npy") as member:
                    version = npy.read_magic(member)
                    read = npy.read_array_header_1_0 if version == (1, 0) else npy.read_array_header_2_0
                    shape, fortran, dtype = read(member)
                    if fortran or dtype.str[0] not in "<|" or dtype.hasobject:
                        raise ValueError(f"py3langid model: unexpected layout of {name}: {dtype.str}")
                    size = dtype.itemsize
                    for n in shape:
                        size *= n
                    chunks = _chunks(member, size, name)
                    if name == "nextmove":
                        yield from _split(dtype, shape, chunks)
                    else:
                        yield name, dtype.str, tuple(shape), size, chunks


def _split(dtype: Any, shape: tuple[int, ...], chunks: Iterator[bytes]) -> Iterator[
        tuple[str, str, tuple[int, ...], int, Iterator[bytes]]]:
    """The transition table (9.8 M next states of 17 bits, as uint32) as their low 16 bits
    (uint16) and their 17th bits (a bit set, LSB first): 21 MB instead of 39."""
    import numpy as np

    (count,) = shape
    high = bytearray((count + 7) // 8)

    def low() -> Iterator[bytes]:
        start = 0
        for chunk in chunks:  # CHUNK bytes: a multiple of 8 values, so each starts a byte of bits
            values = np.frombuffer(chunk, dtype=dtype)
            if len(values) and int(values.max()) >> (LOW + 1):
                raise ValueError(f"py3langid model: a next state needs more than {LOW + 1} bits")
            bits = np.packbits((values >> LOW).astype(np.uint8), bitorder="little").tobytes()
            high[start // 8:start // 8 + len(bits)] = bits
            start += len(values)
            yield (values & 0xFFFF).astype("<u2").tobytes()

    yield "nextmove_low", "<u2", (count,), count * 2, low()
    yield "nextmove_high", "|u1", (len(high),), len(high), iter([bytes(high)])


def _chunks(member: Any, size: int, name: str) -> Iterator[bytes]:
    left = size
    while left:
        chunk = member.read(min(CHUNK, left))
        if not chunk:
            raise ValueError(f"py3langid model: {name} is shorter than its header says")
        left -= len(chunk)
        yield chunk
    if member.read(1):  # also makes zipfile check the member's CRC
        raise ValueError(f"py3langid model: {name} is longer than its header says")


def _classes(dtype: str, data: bytes) -> list[str]:
    import numpy as np

    return [str(c) for c in np.frombuffer(data, dtype=dtype).tolist()]


def _identifier(tables: Tables, classes: list[str]) -> Any:
    import numpy as np

    def scored(name: str) -> Any:  # read by NumPy, a row of features at a time
        data, dtype, shape = tables[name]
        return np.frombuffer(data, dtype=dtype).reshape(shape)

    def walked(name: str) -> memoryview:  # read one value at a time
        data, dtype, shape = tables[name]
        if dtype not in WALKED or len(shape) != 1:
            raise ValueError(f"py3langid model: unexpected layout of {name}: {dtype} {shape}")
        return data.cast(WALKED[dtype])

    row = walked("nextmove_row")
    if len(row) > 1 << (LOW + 1):
        raise ValueError(f"py3langid model: {len(row)} states do not fit in {LOW + 1} bits")
    ident = _identifier_class()(scored("ptc"), scored("pc"), classes, walked("nextmove_low"),
                                walked("out_feat"), norm_probs=True, tk_row=())
    # Set after __init__, which would build the row offsets as a list of ints (~4 MB).
    ident.tk_row = row
    ident._rowbase = array("I", (r << 8 for r in row))
    ident.high_bits = walked("nextmove_high")
    return ident


@cache
def _identifier_class() -> type:
    import numpy as np
    from py3langid.langid import RAW_FLOOR, LanguageIdentifier

    class SplitTableIdentifier(LanguageIdentifier):
        """py3langid's identifier whose transition table is split in low 16 bits and a bit set."""

        __slots__ = ("high_bits",)

        def _raw_score(self, text: bytes) -> Any:  # py3langid 0.4's _raw_score, with our walk
            visits = visit_counts(self.tk_nextmove, self.high_bits, self._rowbase,
                                  self.tk_output, text)
            if visits:
                return self._sparse_score(visits, self.nb_ptc)
            fill = 0.0 if self._norm_probs else RAW_FLOOR
            return np.full(len(self.nb_classes), fill, dtype=np.float32)

    return SplitTableIdentifier


def visit_counts(low: Any, high: Any, rowbase: Any, out: Any, text: bytes) -> Counter[int] | None:
    """py3langid.langid.visit_counts (the DFA's feature counts over the bytes), with a next
    state read as its low 16 bits plus its 17th bit from the bit set."""
    state, indexes = 0, []
    append = indexes.append
    for letter in text:
        i = rowbase[state] + letter
        state = low[i] | ((high[i >> 3] >> (i & 7)) & 1) << LOW
        f = out[state]
        if f >= 0:
            append(f)
    return Counter(indexes) if indexes else None
