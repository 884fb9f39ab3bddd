// Writes ../resources/canonical-numbers.tsv: IEEE-754 bit patterns and the spelling ECMAScript's
// Number.prototype.toString gives them, which is what RFC 8785 prescribes for JSON numbers.
// Node is the reference implementation here. Deterministic: a fixed-seed xorshift picks the values.
// Run from the repository root: node analysis-model/src/test/reference/canonical_numbers.js
'use strict';
const fs = require('fs');
const path = require('path');

let state = 0x9e3779b97f4a7c15n;
function next64() { // xorshift64*
  state ^= state >> 12n; state ^= (state << 25n) & 0xffffffffffffffffn; state ^= state >> 27n;
  return (state * 0x2545f4914f6cdd1dn) & 0xffffffffffffffffn;
}
const bits = new BigUint64Array(1);
const asDouble = new Float64Array(bits.buffer);
function fromBits(b) { bits[0] = b; return asDouble[0]; }
function toBits(d) { asDouble[0] = d; return bits[0]; }

const values = [];
// RFC 8785, Appendix B: the edge cases of the number serialization.
for (const hex of ['0000000000000000', '8000000000000000', '0000000000000001', '8000000000000001',
  '7fefffffffffffff', 'ffefffffffffffff', '4340000000000000', 'c340000000000000', '4430000000000000',
  '44b52d02c7e14af5', '44b52d02c7e14af6', '44b52d02c7e14af7', '444b1ae4d6e2ef4e', '444b1ae4d6e2ef4f',
  '444b1ae4d6e2ef50', '3eb0c6f7a0b5ed8c', '3eb0c6f7a0b5ed8d', '41b3de4355555553', '41b3de4355555554',
  '41b3de4355555555', '41b3de4355555556', '41b3de4355555557', 'becbf647612f3696', '43143ff3c1cb0959']) {
  values.push(fromBits(BigInt('0x' + hex)));
}
// Values clients send: integers, short decimals, data offset by 1e9, tiny and huge magnitudes.
for (const v of [1, 1.5, 0.1, 0.2, 0.3, 1e21, 1e20, 123e-20, 1e-6, 1e-7, 2e-323, 1e9 + 0.1, -1e9 - 0.25]) {
  values.push(v);
}
for (let i = 0; i < 2000; i++) {
  const r = Number(next64() >> 11n) / 2 ** 53;
  values.push(Math.round(r * 1e6) / 1e3);      // three decimals
  values.push(1e9 + Math.round(r * 1e6) / 1e6); // offset data
}
for (let i = 0; i < 6000; i++) {
  const d = fromBits(next64());
  if (Number.isFinite(d)) values.push(d);    // every exponent, subnormals included
}

const lines = values.map(v => toBits(v).toString(16).padStart(16, '0') + '\t' + String(v));
const out = path.join(__dirname, '..', 'resources', 'canonical-numbers.tsv');
fs.writeFileSync(out, lines.join('\n') + '\n');
console.log(`wrote ${lines.length} numbers to ${out} with node ${process.version}`);
