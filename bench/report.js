'use strict';
// Prints the table of bench/run.sh from its results file (one JSON object per run, as load.js and
// realflow.js print them, plus "run", "round" and "idleRssMb"), the ratios against the peer of the same round,
// and the speed guard (the real host against the peer). With more than one round it prints each round's table, then the median of every
// figure and of every round's ratio to its own peer, and checks the targets on those medians.
// Usage: node report.js results.jsonl

const fs = require('fs');

const rows = fs
    .readFileSync(process.argv[2], 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
    .map((r) => ({ ...r, round: r.round || 1 }));
const rounds = [...new Set(rows.map((r) => r.round))].sort((a, b) => a - b);
const ok = (r) => r && !r.failed;

const LABELS = {
    peer: 'peer botbuilder-js, 4-step, memory',
    bench: 'CoachBot runtime, 4-step, memory',
    'bench-sqlite': 'CoachBot runtime, 4-step, SQLite',
    host: 'CoachBot host, real check-in, memory',
    'host-sqlite': 'CoachBot host, real check-in, SQLite',
};
const f = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? '-' : Number(x).toFixed(d));
const div = (a, b) => (a && b ? a / b : null);
const x = (v) => (v === null || v === undefined ? '-' : v.toFixed(2) + 'x');
const median = (values) => {
    const v = values.filter((n) => n !== null && n !== undefined && !Number.isNaN(n)).sort((a, b) => a - b);
    if (v.length === 0) return null;
    const m = Math.floor(v.length / 2);
    return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const disturbed = (r) => r.otherCpuSeconds !== null && r.otherCpuSeconds !== undefined && r.otherCpuSeconds > 0.05 * r.seconds * (r.cpuCores || 2);

// One view per run name: the figures of a single round, or their medians over all rounds, and the ratios to
// the peer of the same round (their median over rounds).
function withRatios(r, peer) {
    return { ...r, tpsRatio: div(r.turnsPerSec, peer && peer.turnsPerSec), p99Ratio: div(r.p99Ms, peer && peer.p99Ms), cpuRatio: div(r.botCpuMsPerTurn, peer && peer.botCpuMsPerTurn) };
}
function roundViews(round) {
    const list = rows.filter((r) => r.round === round);
    const peer = list.find((r) => r.run === 'peer' && ok(r)) || null;
    return list.map((r) => (r.failed ? r : withRatios(r, peer)));
}
function medianViews() {
    const names = [...new Set(rows.map((r) => r.run))];
    const perRound = rounds.map(roundViews);
    return names.map((name) => {
        const runs = perRound.map((views) => views.find((v) => v.run === name)).filter(ok);
        if (runs.length === 0) return { run: name, failed: true };
        const med = (k) => median(runs.map((r) => r[k]));
        const sum = (k) => runs.reduce((a, r) => a + (r[k] || 0), 0);
        return {
            run: name,
            rounds: runs.length,
            turns: sum('turns'),
            seconds: sum('seconds'),
            turnsPerSec: med('turnsPerSec'),
            p50Ms: med('p50Ms'),
            p95Ms: med('p95Ms'),
            p99Ms: med('p99Ms'),
            botCpuMsPerTurn: med('botCpuMsPerTurn'),
            botPeakRssMb: med('botPeakRssMb'),
            idleRssMb: med('idleRssMb'),
            errors: sum('errors') + sum('non2xx'),
            otherCpuSeconds: sum('otherCpuSeconds'),
            machineStealCpuSeconds: sum('machineStealCpuSeconds'),
            cpuCores: runs[0].cpuCores,
            tpsRatio: med('tpsRatio'),
            p99Ratio: med('p99Ratio'),
            cpuRatio: med('cpuRatio'),
            each: runs,
        };
    });
}

function printTable(views) {
    const header = ['run', 'turns/s', 'p50 ms', 'p95 ms', 'p99 ms', 'CPU ms/turn', 'peak RSS MB', 'idle RSS MB', 'errors', 'other CPU s / wall s', 'steal s', 'turns/s vs peer', 'p99 vs peer', 'CPU/turn vs peer'];
    const lines = [header];
    for (const r of views) {
        if (r.failed) {
            lines.push([LABELS[r.run] || r.run, 'FAILED', '', '', '', '', '', '', '', '', '', '', '', '']);
            continue;
        }
        const isPeer = r.run === 'peer';
        lines.push([
            LABELS[r.run] || r.run,
            f(r.turnsPerSec, 0),
            f(r.p50Ms, 2),
            f(r.p95Ms, 2),
            f(r.p99Ms, 2),
            f(r.botCpuMsPerTurn, 2),
            f(r.botPeakRssMb, 0),
            f(r.idleRssMb, 0),
            String(r.errors !== undefined && r.each ? r.errors : (r.errors || 0) + (r.non2xx || 0)),
            `${f(r.otherCpuSeconds, 1)} / ${f(r.seconds, 1)}${disturbed(r) ? ' DISTURBED' : ''}`,
            f(r.machineStealCpuSeconds, 1),
            isPeer ? '1.00x' : x(r.tpsRatio),
            isPeer ? '1.00x' : x(r.p99Ratio),
            isPeer ? '1.00x' : x(r.cpuRatio),
        ]);
    }
    const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
    console.log('');
    console.log('| ' + header.map((h, i) => h.padEnd(widths[i])).join(' | ') + ' |');
    console.log('| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |');
    for (const l of lines.slice(1)) console.log('| ' + l.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |');
}

function printDetails(views) {
    for (const r of views) {
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
}

const multi = rounds.length > 1;
for (const round of rounds) {
    if (multi) console.log(`\nRound ${round} of ${rounds.length}`);
    const views = roundViews(round);
    printTable(views);
    printDetails(views);
}
const views = multi ? medianViews() : roundViews(rounds[0]);
if (multi) {
    console.log(`\nMedian of ${rounds.length} rounds (each ratio is the median of the rounds' ratios to their own peer)`);
    printTable(views);
}

console.log('');
const by = Object.fromEntries(views.filter(ok).map((v) => [v.run, v]));
const peer = by.peer;
const runsOf = (v) => (v.each ? v.each : [v]);
const spread = (v, k, fmt) => (multi ? ` [rounds: ${runsOf(v).map((r) => fmt(r[k])).join(', ')}]` : '');
const check = (label, met, detail, list = []) =>
    console.log(`${met === null ? 'n/a ' : met ? 'MET ' : 'MISS'}  ${label}: ${detail}${list.some((v) => v && runsOf(v).some(disturbed)) ? '  (a run was disturbed: not conclusive)' : ''}`);
const what = multi ? 'median ' : '';
// The speed guard: the real host answers at least 3 times the peer's turns per second with memory state and 1.5 times
// with SQLite state.
for (const [name, label, guard] of [['host', 'memory', 3], ['host-sqlite', 'SQLite', 1.5]]) {
    const r = by[name];
    if (peer && r) check(`>= ${guard}x the peer's turns/s, real host, ${label}`, r.tpsRatio >= guard, `${what}${f(r.turnsPerSec, 0)} vs ${f(peer.turnsPerSec, 0)} (${what}${x(r.tpsRatio)})${spread(r, 'tpsRatio', x)}`, [r, peer]);
}
if (rows.some((r) => ok(r) && disturbed(r))) console.log('\nSome runs were DISTURBED (other processes used > 5 % of the machine): compare CPU ms per turn, or re-run with WAIT_QUIET_S=300.');
