import type { Finding } from '../findings.js';
import type { Io } from './io.js';

/** Findings as a readable list: the text, then its citation, rule version, source and confidence. */
export function printFindings(io: Io, findings: readonly Finding[]): void {
  for (const f of findings) {
    io.out(`  - ${f.text}`);
    io.out(`      ${f.citation} | ${f.rule} | ${f.confidence} | ${f.source}`);
  }
}
