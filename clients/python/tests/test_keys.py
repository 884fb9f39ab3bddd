"""Offline keys: every golden request the Java build derived gets the key the server computes."""
import unittest

from statstream import canonical_json, content_key
from statstream.keys import CONTRACT, canonical_number


class GoldenKeys(unittest.TestCase):
    def test_every_golden_request_has_the_servers_canonical_form_and_key(self):
        samples = CONTRACT["samples"]
        self.assertGreater(len(samples), len(CONTRACT["types"]))
        for golden in samples:
            with self.subTest(request=golden["request"].get("type")):
                self.assertEqual(golden["canonical"], canonical_json(golden["request"]))
                self.assertEqual(golden["key"], content_key(golden["request"]))

    def test_defaults_sent_or_omitted_give_one_key(self):
        explicit = {"type": "ttest_one_sample", "data": [1, 2.5, 3], "mu": 0, "alternative": "two-sided",
                    "confidence": 0.95}
        omitted = {"data": [1.0, 2.5, 3.0], "type": "ttest_one_sample", "mu": None}
        self.assertEqual(content_key(explicit), content_key(omitted))


class NumberSpelling(unittest.TestCase):
    def test_rfc8785_spellings(self):
        for value, text in [(1.0, "1"), (100.0, "100"), (-0.0, "0"), (0.1, "0.1"), (1e21, "1e+21"), (1e20, "100000000000000000000"),
                            (1e-6, "0.000001"), (1e-7, "1e-7"), (5e-324, "5e-324"), (1.5e300, "1.5e+300"),
                            (123.456, "123.456"), (-2.5e-8, "-2.5e-8"), (0.30000000000000004, "0.30000000000000004")]:
            with self.subTest(value=value):
                self.assertEqual(text, canonical_number(value))


if __name__ == "__main__":
    unittest.main()
