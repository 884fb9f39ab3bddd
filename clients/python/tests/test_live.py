"""Against a running statstream (STATSTREAM_URL, e.g. ./statstream-local's http://localhost:8080).

Skipped without one, except where CI is set: there a missing service fails the run.
"""
import os
import time
import unittest

from statstream import Client, NotFound, ProblemError, content_key
from statstream.keys import CONTRACT

URL = os.environ.get("STATSTREAM_URL")


def setUpModule():
    if not URL and os.environ.get("CI"):
        raise RuntimeError("CI is set but STATSTREAM_URL is not: these tests promise a live service")


@unittest.skipUnless(URL, "set STATSTREAM_URL to run against a live service")
class Live(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.client = Client(URL, api_key=os.environ.get("STATSTREAM_API_KEY"))
        cls.run_id = time.time_ns()

    def fresh(self, golden_request):
        """The golden request made new for this run (a distinct first value), so it is computed."""
        request = dict(golden_request)
        if request["type"] in ("logistic_regression", "p_adjust"):  # 0/1 outcomes, p-values in [0, 1]
            return request
        for field in ("data", "a", "x", "y"):
            values = request.get(field)
            if values and isinstance(values[0], float):
                request[field] = [values[0] + (self.run_id % 997) / 1e6] + list(values[1:])
                return request
        return request  # counts, groups, a power calculation: may be stored already, which is fine

    def test_every_type_round_trips_and_the_offline_key_is_the_servers(self):
        seen = set()
        for golden in CONTRACT["samples"]:
            kind = golden["request"]["type"]
            if kind in seen:
                continue
            seen.add(kind)
            with self.subTest(type=kind):
                request = self.fresh(golden["request"])
                accepted = self.client.submit(request)
                self.assertEqual(content_key(request), accepted["key"])
                envelope = self.client.wait(accepted["key"], timeout=60)
                self.assertEqual(kind, envelope["type"])
                self.assertIn(envelope["status"], ("done", "failed"))
        self.assertEqual(set(CONTRACT["types"]), seen)

    def test_ten_thousand_through_submit_many_and_results(self):
        requests = ({"type": "descriptive", "data": [self.run_id % 100_000, i, i / 7]} for i in range(10_000))
        items = list(self.client.submit_many(requests, chunk=2_500))
        self.assertEqual(10_000, len(items))
        self.assertTrue(all(item["state"] in ("pending", "done") for item in items), items[:3])
        keys = [item["key"] for item in items]
        results = dict(self.client.results(keys, wait=10, timeout=300))
        self.assertEqual(set(keys), set(results))
        self.assertTrue(all(envelope["status"] == "done" for envelope in results.values()))

    def test_a_bad_request_raises_with_its_field_errors(self):
        with self.assertRaises(ProblemError) as caught:
            self.client.submit({"type": "ttest_one_sample", "data": [1, None, 3]})
        self.assertEqual(400, caught.exception.status)
        self.assertEqual("data[1]", caught.exception.errors[0]["field"])
        self.assertEqual("null_value", caught.exception.errors[0]["code"])

    def test_an_unknown_key_is_not_found(self):
        with self.assertRaises(NotFound):
            self.client.get("0" * 64)

    def test_lookup_and_warm(self):
        request = {"type": "descriptive", "data": [self.run_id % 1000, 1, 2]}
        key = self.client.submit(request)["key"]
        self.client.wait(key, timeout=60)
        [entry] = self.client.lookup([key])
        self.assertEqual("done", entry["state"])
        summary = self.client.warm([request])
        self.assertEqual(1, summary["items"])


if __name__ == "__main__":
    unittest.main()
