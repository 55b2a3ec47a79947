"""py3langid's model, loaded with the same values in less memory (issue 21 item 3).

py3langid's own loader reads the DFA's transition table (9.8 M next states, uint32: 39 MB) into
NumPy and then copies it into an `array`, and keeps two per-state tables as lists of Python ints
(~4 MB each): a sync's peak RSS paid ~105 MB for the model. Here the tables stream from the npz
into `array`s, and a next state, which needs 17 bits (104,583 states), is kept as its low 16 bits
(uint16) and one bit in a bit set: the table takes 21 MB, and the model ~51 MB at its peak.
The walk over the text is py3langid's `visit_counts` reading the split table; the score tables are
py3langid's own NumPy arrays, so every answer is py3langid's, value for value
(tests/test_languages.py compares the tables and the rankings with py3langid's loader).
"""

from __future__ import annotations

import lzma
import shutil
import sys
import tempfile
import zipfile
from array import array
from collections import Counter
from functools import cache
from typing import Any

# The stream's chunk (a multiple of 8 values, so that each chunk's bits start a byte).
CHUNK = 1 << 20
_TYPECODES = {"u2": "H", "u4": "I", "i4": "i"}
LOW = 16  # bits of a next state kept in the uint16 table; one more comes from the bit set


def identifier() -> Any:
    """A py3langid LanguageIdentifier (norm_probs=True) on its packaged model."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    with tempfile.TemporaryFile(suffix=".npz") as tmp:
        with lzma.open(MODEL_DIR / MODEL_FILE) as src:
            shutil.copyfileobj(src, tmp, length=CHUNK)
        tmp.seek(0)
        with np.load(tmp, allow_pickle=False) as data:
            ptc, pc, classes = data["ptc"], data["pc"], data["classes"].tolist()
        tmp.seek(0)
        with zipfile.ZipFile(tmp) as npz:
            low, high = _split_next_states(npz)
            row, out = _stream(npz, "nextmove_row"), _stream(npz, "out_feat")
    if len(row) > 1 << (LOW + 1):
        raise ValueError(f"py3langid model: {len(row)} states do not fit in {LOW + 1} bits")
    ident = _identifier_class()(np.asarray(ptc), np.asarray(pc), classes, low, out,
                                norm_probs=True, tk_row=())
    # Set after __init__, which would build the row offsets as a list of ints.
    ident.tk_row = row
    ident._rowbase = array("I", (r << 8 for r in row))
    ident.high_bits = high
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


def visit_counts(low: array, high: bytearray, rowbase: array, out: array,
                 text: bytes) -> Counter[int] | None:
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


def _split_next_states(npz: zipfile.ZipFile) -> tuple[array, bytearray]:
    """The transition table as its low 16 bits (uint16) and its 17th bits (a bit set, LSB first),
    converted a chunk at a time so that the uint32 table is never whole in memory."""
    import numpy as np

    with npz.open("nextmove.npy") as member:
        count, dtype = _header(member, "nextmove")
        low = array("H", [0]) * count
        high = bytearray((count + 7) // 8)
        step = CHUNK // dtype.itemsize
        for start in range(0, count, step):
            want = min(step, count - start) * dtype.itemsize
            data = member.read(want)
            if len(data) != want:
                raise ValueError("py3langid model: nextmove is shorter than its header says")
            values = np.frombuffer(data, dtype=dtype)
            if len(values) and int(values.max()) >> (LOW + 1):
                raise ValueError(f"py3langid model: a next state needs more than {LOW + 1} bits")
            end = start + len(values)
            low[start:end] = array("H", (values & 0xFFFF).astype("<u2").tobytes())
            bits = np.packbits((values >> LOW).astype(np.uint8), bitorder="little").tobytes()
            high[start // 8:start // 8 + len(bits)] = bits
    return low, high


def _stream(npz: zipfile.ZipFile, name: str) -> array:
    """One 1-D integer array of the npz as an `array`, read a chunk at a time."""
    with npz.open(f"{name}.npy") as member:
        count, dtype = _header(member, name)
        out = array(_TYPECODES[dtype.str[1:]], [0]) * count  # at once: growing over-allocates
        if out.itemsize != dtype.itemsize:
            raise ValueError(f"py3langid model: {name} is {dtype.str}, not {out.typecode!r}")
        view, filled = memoryview(out).cast("B"), 0
        while filled < len(view) and (chunk := member.read(min(CHUNK, len(view) - filled))):
            view[filled:filled + len(chunk)] = chunk
            filled += len(chunk)
        view.release()
    if filled != count * out.itemsize:
        raise ValueError(f"py3langid model: {name} is shorter than its header says")
    return out


def _header(member: Any, name: str) -> tuple[int, Any]:
    """The length and dtype of a little-endian 1-D integer .npy member, positioned at its data."""
    from numpy.lib import format as npy

    version = npy.read_magic(member)
    read = npy.read_array_header_1_0 if version == (1, 0) else npy.read_array_header_2_0
    shape, fortran, dtype = read(member)
    if (len(shape) != 1 or fortran or dtype.str[0] not in "<|" or sys.byteorder != "little"
            or dtype.str[1:] not in _TYPECODES):
        raise ValueError(f"py3langid model: unexpected layout of {name}: {dtype.str} {shape}")
    return shape[0], dtype
