"""py3langid's model, loaded with the same arrays in less memory (issue 21 item 3).

py3langid's own loader reads the DFA's transition table (~39 MB) into NumPy and then copies it
into an `array`, and keeps two per-state tables as lists of Python ints (~4 MB each): a sync's peak
RSS paid ~105 MB for a model that needs ~70. Here the table streams from the npz straight into the
`array`, and the per-state tables are `array`s too. The values are the model's, bit for bit, so
every answer is py3langid's own (tests/test_languages.py compares both loaders).
"""

from __future__ import annotations

import lzma
import shutil
import sys
import tempfile
import zipfile
from array import array
from typing import Any

# The stream's chunk: bounds the extra memory of reading a table.
CHUNK = 1 << 20
_TYPECODES = {"u2": "H", "u4": "I", "i4": "i"}


def identifier() -> Any:
    """A py3langid LanguageIdentifier (norm_probs=True) on its packaged model."""
    import numpy as np
    from numpy.lib import format as npy
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    with tempfile.TemporaryFile(suffix=".npz") as tmp:
        with lzma.open(MODEL_DIR / MODEL_FILE) as src:
            shutil.copyfileobj(src, tmp, length=CHUNK)
        tmp.seek(0)
        with np.load(tmp, allow_pickle=False) as data:
            ptc, pc, classes = data["ptc"], data["pc"], data["classes"].tolist()
        tmp.seek(0)
        with zipfile.ZipFile(tmp) as npz:
            nextmove, row, out = (_stream(npz, name, npy)
                                  for name in ("nextmove", "nextmove_row", "out_feat"))
    ident = LanguageIdentifier(np.asarray(ptc), np.asarray(pc), classes, nextmove, out,
                               norm_probs=True, tk_row=())
    # Set after __init__, which would build the row offsets as a list of ints.
    ident.tk_row = row
    ident._rowbase = array("I", (r << 8 for r in row))
    return ident


def _stream(npz: zipfile.ZipFile, name: str, npy: Any) -> array:
    """One 1-D integer array of the npz as an `array`, read a chunk at a time."""
    with npz.open(f"{name}.npy") as member:
        version = npy.read_magic(member)
        read_header = npy.read_array_header_1_0 if version == (1, 0) else npy.read_array_header_2_0
        shape, fortran, dtype = read_header(member)
        code = _TYPECODES[dtype.str[1:]]
        if len(shape) != 1 or fortran or dtype.str[0] not in "<|" or sys.byteorder != "little":
            raise ValueError(f"py3langid model: unexpected layout of {name}: {dtype.str} {shape}")
        out = array(code, [0]) * shape[0]  # all of it at once: growing would over-allocate
        if out.itemsize != dtype.itemsize:
            raise ValueError(f"py3langid model: {name} is {dtype.str}, array {code!r} is not")
        view, filled = memoryview(out).cast("B"), 0
        while filled < len(view) and (chunk := member.read(min(CHUNK, len(view) - filled))):
            view[filled:filled + len(chunk)] = chunk
            filled += len(chunk)
        view.release()
    if filled != len(out) * out.itemsize:
        raise ValueError(f"py3langid model: {name} is shorter than its header says")
    return out
