// `npm audit --omit=dev`: the packages that run in schools' browsers and servers must have no high
// or critical advisory. Fails on one. Where the registry's advisory service cannot be reached (some
// mirrors answer only GET), it says so plainly rather than pretending to have checked; set
// AUDIT_REQUIRED=1 to make that a failure too.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`npm audit printed no report:\n${run.stderr}`);
  process.exit(1);
}

if (!report.metadata) {
  const why = report.message ?? report.error?.summary ?? 'unknown error';
  console.warn(`npm audit: NOT CHECKED — the advisory service did not answer (${why}).`);
  process.exit(process.env.AUDIT_REQUIRED === '1' ? 1 : 0);
}

const counts = report.metadata.vulnerabilities;
const serious = Object.entries(report.vulnerabilities ?? {}).filter(
  ([, v]) => v.severity === 'high' || v.severity === 'critical',
);
console.info(
  `npm audit --omit=dev: ${report.metadata.dependencies.prod ?? '?'} runtime packages; advisories: critical ${counts.critical}, high ${counts.high}, moderate ${counts.moderate}, low ${counts.low}`,
);
for (const [name, v] of serious)
  console.error(
    `  ${v.severity}: ${name} ${v.range} — ${v.via.map((x) => (typeof x === 'string' ? x : x.title)).join('; ')}`,
  );
process.exit(serious.length > 0 ? 1 : 0);
