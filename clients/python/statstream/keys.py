"""A request's content key, computed offline exactly as the server does.

key = sha256_hex("statstream-engine-" + engine version + "\\n" + canonical JSON), where the canonical
JSON is the request with every default filled in, keys sorted, no whitespace, and numbers spelled as
RFC 8785 (JSON Canonicalization Scheme) spells them. The engine version and each type's defaults come
from ``contract.json``, which the Java build generates from the contract and checks.
"""
import hashlib
import json
import math
import os

with open(os.path.join(os.path.dirname(__file__), "contract.json"), encoding="utf-8") as _fh:
    CONTRACT = json.load(_fh)


def content_key(request):
    """The 64-hex content key the server gives ``request`` (a dict, as it would be sent)."""
    prefix = "statstream-engine-%s\n" % CONTRACT["engine_version"]
    return hashlib.sha256((prefix + canonical_json(request)).encode("utf-8")).hexdigest()


def canonical_json(request):
    """The request as the server writes it before hashing: defaults filled in, RFC 8785 spelling."""
    filled = dict(request)
    kind = CONTRACT["types"].get(request.get("type"))
    if kind is not None:
        for field, default in kind["defaults"].items():
            if filled.get(field) is None:
                filled[field] = default
    return _write(filled)


def _write(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return canonical_number(float(value))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        # RFC 8785 sorts by UTF-16 code units; the contract's field names are ASCII.
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + _write(value[k]) for k in sorted(value)) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_write(v) for v in value) + "]"
    raise TypeError("a request holds JSON values only, not %r" % type(value))


def canonical_number(value):
    """ECMAScript's Number.prototype.toString, as RFC 8785 requires: the shortest digits that read
    back as the same double (Python's repr finds the same ones), plain notation for exponents in
    [-6, 21), and 1e+21-style notation outside."""
    if not math.isfinite(value):
        raise ValueError("JSON has no spelling for %r" % value)
    if value == 0:
        return "0"  # -0 too
    sign = "-" if value < 0 else ""
    mantissa, _, exponent = repr(abs(value)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    raw = whole + fraction
    digits = raw.lstrip("0")
    point = len(whole) + int(exponent or 0) - (len(raw) - len(digits))  # value = 0.digits * 10^point
    digits = digits.rstrip("0")
    k = len(digits)
    if k <= point <= 21:
        text = digits + "0" * (point - k)
    elif 0 < point <= 21:
        text = digits[:point] + "." + digits[point:]
    elif -6 < point <= 0:
        text = "0." + "0" * (-point) + digits
    else:
        e = point - 1
        text = digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e > 0 else "-") + str(abs(e))
    return sign + text
