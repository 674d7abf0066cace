"""Reading the CSV files kctm writes, for the plotting scripts: errors name the file and line."""
import csv
import math


class InputError(Exception):
    """A missing or malformed input; the message starts with the file's path."""


def csv_rows(path, header=None, required=()):
    """Yields (where, {column: stripped text}) for each non-empty row of the CSV file at `path`.

    Lines before the header that begin with '#' are comments (kctm's CSV files name their run in
    one). The header must be exactly `header` when given, else hold every column of `required`; a row
    with another number of fields is an error. `where` is "path:line" for messages. A file
    without data rows is an error too.
    """
    try:
        f = open(path, newline="", encoding="utf-8-sig")
    except OSError as e:
        raise InputError(f"{path}: {e.strerror}") from None
    with f:
        try:
            reader = csv.reader(f)
            found = next(reader, [])
            while found and found[0].startswith("#"):
                found = next(reader, [])
            found = [h.strip() for h in found]
            if header is not None and found != header:
                raise InputError(f"{path}:1: header must be {','.join(header)}, found "
                                 f"{','.join(found) if found else 'nothing'}")
            missing = [c for c in required if c not in found]
            if missing:
                raise InputError(f"{path}:1: no column {', '.join(missing)}")
            rows = 0
            for row in reader:
                where = f"{path}:{reader.line_num}"
                if not row:
                    continue
                if len(row) != len(found):
                    raise InputError(f"{where}: {len(row)} fields, expected {len(found)}")
                rows += 1
                yield where, {c: v.strip() for c, v in zip(found, row)}
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8 text") from None
    if rows == 0:
        raise InputError(f"{path}:2: no data rows")


def number(text, where, what, optional=False):
    """A finite number from `text`; NaN for an empty text when `optional`."""
    if text == "" and optional:
        return math.nan
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"{where}: {what} is not a number: {text!r}") from None
    if not math.isfinite(value):
        raise InputError(f"{where}: {what} is not finite: {text!r}")
    return value
