"""statstream's Python client: the standard library only.

    from statstream import Client
    client = Client("http://localhost:8080")
    key = client.submit({"type": "ttest_one_sample", "data": [5.1, 4.9, 5.6], "mu": 5})["key"]
    print(client.wait(key)["result"]["p_value"])
"""
from .client import Client
from .errors import NotFound, ProblemError, RateLimited, StatstreamError, Unavailable
from .keys import canonical_json, content_key

__all__ = ["Client", "content_key", "canonical_json", "StatstreamError", "ProblemError", "RateLimited",
           "Unavailable", "NotFound"]
