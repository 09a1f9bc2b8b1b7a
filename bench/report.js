'use strict';
// Prints the table of bench/run.sh from its results file (one JSON object per run, as load.js and
// realflow.js print them, plus "run" and "idleRssMb"), the ratios against the peer, and the issue-9 targets.
// Usage: node report.js results.jsonl

const fs = require('fs');

const rows = fs
    .readFileSync(process.argv[2], 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
const by = Object.fromEntries(rows.map((r) => [r.run, r]));
const peer = by.peer && !by.peer.failed ? by.peer : null;

const LABELS = {
    peer: 'peer botbuilder-js, 4-step, memory',
    bench: 'CoachBot runtime, 4-step, memory',
    'bench-sqlite': 'CoachBot runtime, 4-step, SQLite',
    host: 'CoachBot host, real check-in, memory',
    'host-sqlite': 'CoachBot host, real check-in, SQLite',
};
const f = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? '-' : Number(x).toFixed(d));
const ratio = (a, b) => (a && b ? (a / b).toFixed(2) + 'x' : '-');
const disturbed = (r) => r.otherCpuSeconds !== null && r.otherCpuSeconds !== undefined && r.otherCpuSeconds > 0.05 * r.seconds * (r.cpuCores || 2);

const header = ['run', 'turns/s', 'p50 ms', 'p95 ms', 'p99 ms', 'CPU ms/turn', 'peak RSS MB', 'idle RSS MB', 'errors', 'other CPU s / wall s', 'steal s', 'turns/s vs peer', 'p99 vs peer', 'CPU/turn vs peer'];
const lines = [header];
for (const r of rows) {
    if (r.failed) {
        lines.push([LABELS[r.run] || r.run, 'FAILED', '', '', '', '', '', '', '', '', '', '', '']);
        continue;
    }
    lines.push([
        LABELS[r.run] || r.run,
        f(r.turnsPerSec, 0),
        f(r.p50Ms, 2),
        f(r.p95Ms, 2),
        f(r.p99Ms, 2),
        f(r.botCpuMsPerTurn, 2),
        f(r.botPeakRssMb, 0),
        f(r.idleRssMb, 0),
        String((r.errors || 0) + (r.non2xx || 0)),
        `${f(r.otherCpuSeconds, 1)} / ${f(r.seconds, 1)}${disturbed(r) ? ' DISTURBED' : ''}`,
        f(r.machineStealCpuSeconds, 1),
        r.run === 'peer' ? '1.00x' : ratio(r.turnsPerSec, peer && peer.turnsPerSec),
        r.run === 'peer' ? '1.00x' : ratio(r.p99Ms, peer && peer.p99Ms),
        r.run === 'peer' ? '1.00x' : ratio(r.botCpuMsPerTurn, peer && peer.botCpuMsPerTurn),
    ]);
}
const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
console.log('');
console.log('| ' + header.map((h, i) => h.padEnd(widths[i])).join(' | ') + ' |');
console.log('| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |');
for (const l of lines.slice(1)) console.log('| ' + l.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |');

for (const r of rows) {
    if (r.failed) continue;
    const extra = [];
    if (r.sinkRepliesMeasured !== undefined && r.run !== 'host' && r.run !== 'host-sqlite') extra.push(`sink replies ${r.sinkRepliesMeasured}/${r.turns}`);
    if (r.sinkDecisionsMeasured && r.expectedDecisions) {
        const same = JSON.stringify(r.sinkDecisionsMeasured) === JSON.stringify(r.expectedDecisions);
        extra.push(`decisions ${same ? 'match load.js' : 'DIFFER: ' + JSON.stringify(r.sinkDecisionsMeasured) + ' vs ' + JSON.stringify(r.expectedDecisions)}`);
    }
    if (r.checkinsCompleted !== undefined && r.turnsPerCheckIn !== undefined) extra.push(`${r.checkinsCompleted} check-ins of ${r.turnsPerCheckIn} turns`);
    if (r.unknownQuestions && Object.keys(r.unknownQuestions).length) extra.push(`unanswered questions ${JSON.stringify(r.unknownQuestions)}`);
    console.log(`${r.run}: ${r.turns} turns in ${f(r.seconds, 1)} s; ${extra.join('; ')}`);
}

console.log('');
const bench = by.bench && !by.bench.failed ? by.bench : null;
const sqlite = by['bench-sqlite'] && !by['bench-sqlite'].failed ? by['bench-sqlite'] : null;
const host = by.host && !by.host.failed ? by.host : null;
const check = (label, ok, detail, runs = []) =>
    console.log(`${ok === null ? 'n/a ' : ok ? 'MET ' : 'MISS'}  ${label}: ${detail}${runs.some((r) => r && disturbed(r)) ? '  (a run was disturbed: not conclusive)' : ''}`);
if (peer && bench) {
    check('>= 5x the peer\'s turns/s, memory', bench.turnsPerSec >= 5 * peer.turnsPerSec, `${f(bench.turnsPerSec, 0)} vs ${f(peer.turnsPerSec, 0)} (${ratio(bench.turnsPerSec, peer.turnsPerSec)})`, [bench, peer]);
    check('<= 1/5 of the peer\'s p99, memory', bench.p99Ms <= peer.p99Ms / 5, `${f(bench.p99Ms, 2)} ms vs ${f(peer.p99Ms, 2)} ms (${ratio(bench.p99Ms, peer.p99Ms)})`, [bench, peer]);
}
if (peer && sqlite) {
    check('>= 3x the peer\'s turns/s, SQLite', sqlite.turnsPerSec >= 3 * peer.turnsPerSec, `${f(sqlite.turnsPerSec, 0)} vs ${f(peer.turnsPerSec, 0)} (${ratio(sqlite.turnsPerSec, peer.turnsPerSec)})`, [sqlite, peer]);
}
for (const r of [bench, sqlite, host, by['host-sqlite']]) {
    if (r && !r.failed) check(`<= 0.3 ms CPU per turn (${r.run})`, r.botCpuMsPerTurn <= 0.3, `${f(r.botCpuMsPerTurn, 3)} ms`, [r]);
}
for (const r of [host, by['host-sqlite']]) {
    if (r && !r.failed) check(`idle RSS <= 80 MB (${r.run})`, r.idleRssMb !== null && r.idleRssMb <= 80, `${f(r.idleRssMb, 1)} MB`);
}
if (rows.some(disturbed)) console.log('\nSome runs were DISTURBED (other processes used > 5 % of the machine): compare CPU ms per turn, or re-run with WAIT_QUIET_S=300.');
