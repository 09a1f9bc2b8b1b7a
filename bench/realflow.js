'use strict';
// Load driver for CoachBot's real patient flow (src/CoachBot.Host), loopback only, no packages.
//
// The peer's load.js speaks only the 4-step bench script; the real check-in asks more questions, and which
// ones depends on the patient (red-flag screen, flare-up, lessons). So this driver plays the connector
// itself: it runs its own sink (the serviceUrl), reads the bot's replies per conversation, and answers the
// last question it saw from a small table below (like a patient who always gives plausible answers).
//
//   1. onboarding: CONVERSATIONS new patients go through onboarding (consent, name, STarT Back, goal,
//      programme, schedule), all at once; not measured.
//   2. warm-up:    check-ins until WARMUP_TURNS turns; not measured.
//   3. measured:   check-ins until TURNS turns ("check in", pain now, pain types, below knee, session pain,
//      next morning, sessions done, trend, anything else, lesson offer, and any extra question the bot asks).
//
// A turn = one POST /api/messages up to its HTTP response; the host answers after its replies were posted
// to the sink, so the latency includes them. Output: a summary and one "RESULT_JSON {...}" line with the
// same fields as load.js (turnsPerSec, p50Ms, p95Ms, p99Ms, botCpuMsPerTurn, botPeakRssMb, otherCpuSeconds).
//
// Environment: BOT_URL (default http://127.0.0.1:3978/api/messages), SINK_PORT (default 3989),
// CONVERSATIONS (50), TURNS (20000), WARMUP_TURNS (2000), DURATION_S (300, cap per phase), BOT_PID, SEED (1),
// VERBOSE=1 prints every unknown question.

const http = require('http');
const fs = require('fs');

const env = (k, d) => (process.env[k] !== undefined && process.env[k] !== '' ? process.env[k] : d);
const BOT_URL = new URL(env('BOT_URL', 'http://127.0.0.1:3978/api/messages'));
const SINK_PORT = parseInt(env('SINK_PORT', '3989'), 10);
const SERVICE_URL = `http://127.0.0.1:${SINK_PORT}`;
const CONVERSATIONS = Math.max(1, parseInt(env('CONVERSATIONS', '50'), 10));
const TURNS = Math.max(1, parseInt(env('TURNS', '20000'), 10));
const WARMUP_TURNS = Math.max(0, parseInt(env('WARMUP_TURNS', '2000'), 10));
const DURATION_S = Math.min(900, Math.max(1, Number(env('DURATION_S', '300'))));
const BOT_PID = env('BOT_PID', '');
const SEED = parseInt(env('SEED', '1'), 10) >>> 0;
const VERBOSE = env('VERBOSE', '0') === '1';
const TRACE = env('TRACE', '0') === '1'; // print the first conversation's exchanges

const host = BOT_URL.hostname.replace(/^\[|\]$/g, '');
if (!(host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host))) {
    console.error(`[realflow] refusing non-loopback BOT_URL ${BOT_URL.href}`);
    process.exit(2);
}

// ---- answers: the first rule whose pattern is in the bot's last question wins ---------------------------
// Check-in answers vary (deterministically, by SEED) within calm ranges, so the coaching core decides
// progress or hold and nothing is escalated: the benchmark measures the ordinary path.
const RULES = [
    [/keep your answers/i, () => 'yes'],
    [/what would you like me to call you/i, () => "I'm Sam"],
    [/how old are you/i, () => '42'],
    [/what do you have to train with/i, () => 'Nothing'],
    [/how long have you done strength training/i, () => "I don't yet"],
    [/do any of these apply to you/i, () => 'no'], // the screening's health list and the second red-flag list
    [/do you have any of these now/i, () => 'no'], // the first red-flag list (cauda equina signs)
    [/on a normal day, how bad/i, () => '4'],
    [/name one thing your back makes hard/i, () => 'lift my grandchild'],
    [/how well can you do this now/i, () => '5'],
    [/how much has your back pain bothered you/i, () => 'a little'],
    [/what would you like to be able to do/i, () => 'carry my shopping'],
    [/strength training now/i, () => 'no'],
    [/which days would you like me to check in/i, () => 'Monday and Thursday'],
    [/what time of day/i, () => '8 am'],
    [/which time zone/i, () => 'London'],
    [/i'll check in on/i, () => 'Keep it'],
    [/how bad is your back pain right now/i, (c) => String(Math.floor(c.rand() * 4))],
    [/what does the pain feel like/i, () => 'Done'],
    [/below your knee/i, () => 'no'],
    [/your last training session/i, (c) => String(1 + Math.floor(c.rand() * 3))],
    [/by the next morning/i, (c) => (c.rand() < 0.8 ? 'yes' : 'no')],
    [/how many training sessions/i, (c) => String(3 + Math.floor(c.rand() * 4))],
    [/compared with last week/i, () => 'the same'],
    [/anything else/i, () => 'Nothing else'],
    [/short read/i, () => 'Not now'],
    [/is the flare-up over|flare-up/i, () => 'yes'],
    [/i think you mean about/i, () => 'yes'],
    [/tap each one that fits/i, () => 'Done'], // retry prompts, should an answer not be understood
    [/number from 0 to 10/i, () => '2'],
    [/answer yes or no/i, () => 'no'],
    [/last 2 weeks|not really safe|worrying thoughts|never going to get any better|not enjoyed/i, () => 'no'], // STarT Back statements: disagree
    [/\?\s*$|\? /, () => 'no'], // the red-flag screen and other yes/no questions: no
];
const DONE_RE = /short read/i; // the lesson offer closes a check-in

function rng(seed) {
    let s = seed || 1;
    return () => {
        s ^= s << 13;
        s >>>= 0;
        s ^= s >>> 17;
        s ^= s << 5;
        s >>>= 0;
        return s / 4294967296;
    };
}

// ---- sink: the connector service --------------------------------------------------------------------------
const replies = new Map(); // conversation id -> texts since the last read
let sinkReplies = 0;
let sinkSeq = 0;
const sink = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
        const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/?]+)?\/?(?:\?.*)?$/.exec(req.url || '');
        if (req.method !== 'POST' || !m) {
            res.writeHead(404);
            res.end();
            return;
        }
        let a = null;
        try {
            a = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch (_) {
            res.writeHead(400);
            res.end();
            return;
        }
        if (a.type === 'message') {
            sinkReplies++;
            const cid = decodeURIComponent(m[1]);
            if (!replies.has(cid)) replies.set(cid, []);
            replies.get(cid).push(String(a.text || ''));
        }
        const payload = JSON.stringify({ id: `sink-${++sinkSeq}` });
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(payload) });
        res.end(payload);
    });
});
sink.keepAliveTimeout = 65000;

// ---- client -----------------------------------------------------------------------------------------------
const agent = new http.Agent({ keepAlive: true, maxSockets: CONVERSATIONS, maxFreeSockets: CONVERSATIONS });
let msgSeq = 0;
function post(conv, text) {
    const body = JSON.stringify({
        type: 'message',
        id: `rf-${++msgSeq}`,
        timestamp: new Date().toISOString(),
        channelId: 'test',
        serviceUrl: SERVICE_URL,
        from: { id: conv.userId, name: 'Patient', role: 'user' },
        recipient: { id: 'coachbot', name: 'CoachBot', role: 'bot' },
        conversation: { id: conv.id },
        locale: 'en-US',
        textFormat: 'plain',
        text,
    });
    return new Promise((resolve) => {
        const t0 = process.hrtime.bigint();
        const req = http.request(
            { agent, host: BOT_URL.hostname, port: BOT_URL.port || 80, path: BOT_URL.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }, timeout: 10000 },
            (res) => {
                res.resume();
                res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
            }
        );
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', (e) => resolve({ status: 0, err: e.message, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
        req.end(body);
    });
}

const unknown = new Map();
function answerFor(conv, texts) {
    // the last reply that asks something decides the answer
    for (let i = texts.length - 1; i >= 0; i--) {
        for (const [re, answer] of RULES) {
            if (re.test(texts[i])) return answer(conv);
        }
    }
    const key = texts.length ? texts[texts.length - 1].slice(0, 80) : '(no reply)';
    unknown.set(key, (unknown.get(key) || 0) + 1);
    if (VERBOSE) console.log(`[realflow] no rule for: ${JSON.stringify(texts)}`);
    return null;
}

// one exchange; returns the bot's replies to it
async function say(conv, text, stats) {
    replies.set(conv.id, []);
    const r = await post(conv, text);
    if (TRACE && conv.index === 0) console.log(`[trace] user: ${text}\n[trace] bot: ${JSON.stringify(replies.get(conv.id))}`);
    if (stats) stats.lat.push(r.ms);
    if (r.status < 200 || r.status >= 300) {
        if (stats) stats.errors++;
        if (stats && stats.firstErrors.length < 5) stats.firstErrors.push(r.status ? `HTTP ${r.status}` : r.err);
        return null;
    }
    return replies.get(conv.id) || [];
}

async function onboard(conv) {
    let texts = await say(conv, 'hello', null);
    for (let i = 0; i < 60 && texts; i++) {
        if (texts.some((t) => /you're all set up/i.test(t))) return true;
        const answer = answerFor(conv, texts);
        if (answer === null) return false;
        texts = await say(conv, answer, null);
    }
    return false;
}

// one check-in; true when it reached the lesson offer and answered it
async function checkIn(conv, stats) {
    let texts = await say(conv, 'check in', stats);
    // a started check-in is always finished, so the next phase starts from a clean conversation
    for (let i = 0; i < 40 && texts; i++) {
        const answer = answerFor(conv, texts);
        if (answer === null) return false;
        const closing = texts.some((t) => DONE_RE.test(t));
        texts = await say(conv, answer, stats);
        if (closing) return texts !== null;
    }
    return false;
}

async function phase(name, convs, budget) {
    const stats = { lat: [], errors: 0, firstErrors: [], checkIns: 0, incomplete: 0 };
    const deadline = Date.now() + DURATION_S * 1000;
    const t0 = process.hrtime.bigint();
    await Promise.all(
        convs.map(async (conv) => {
            while (stats.lat.length < budget && Date.now() < deadline) {
                if (await checkIn(conv, stats)) stats.checkIns++;
                else stats.incomplete++;
            }
        })
    );
    stats.seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    stats.name = name;
    return stats;
}

// ---- /proc ------------------------------------------------------------------------------------------------
function procStatusKb(pid, field) {
    try {
        const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
        return m ? Number(m[1]) : null;
    } catch (_) {
        return null;
    }
}
function procCpuSeconds(pid) {
    try {
        const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
        return (Number(f[11]) + Number(f[12])) / 100;
    } catch (_) {
        return null;
    }
}
function machineCpuSeconds() {
    // whole machine since boot (/proc/stat, USER_HZ = 100): busy = user+nice+system; steal = time the hypervisor
    // gave this machine's cores to someone else
    try {
        const v = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
        return { busy: (v[0] + v[1] + v[2]) / 100, steal: (v[7] || 0) / 100 };
    } catch (_) {
        return null;
    }
}
const r2 = (x) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 100) / 100);

(async () => {
    await new Promise((resolve) => sink.listen(SINK_PORT, '127.0.0.1', resolve));
    console.log(`[realflow] bot=${BOT_URL.href} sink=${SERVICE_URL} conversations=${CONVERSATIONS} turns=${TURNS} warmup=${WARMUP_TURNS}`);
    const convs = [];
    for (let i = 0; i < CONVERSATIONS; i++) {
        convs.push({ index: i, id: `rf-conv-${SEED}-${i}`, userId: `rf-patient-${SEED}-${i}`, rand: rng((SEED * 2654435761 + i * 40503 + 1) >>> 0) });
    }

    const tOn = process.hrtime.bigint();
    const onboarded = await Promise.all(convs.map((c) => onboard(c)));
    const okCount = onboarded.filter(Boolean).length;
    console.log(`[realflow] onboarding: ${okCount}/${CONVERSATIONS} patients in ${(Number(process.hrtime.bigint() - tOn) / 1e9).toFixed(1)} s`);
    if (okCount !== CONVERSATIONS) {
        console.error(`[realflow] onboarding did not finish for every patient; unknown questions: ${JSON.stringify([...unknown])}`);
        process.exit(1);
    }

    if (WARMUP_TURNS > 0) {
        const w = await phase('warmup', convs, WARMUP_TURNS);
        console.log(`[realflow] warmup: ${w.lat.length} turns in ${w.seconds.toFixed(1)} s, ${w.checkIns} check-ins, errors ${w.errors}`);
    }

    const cpuBefore = BOT_PID ? procCpuSeconds(BOT_PID) : null;
    const loadCpuBefore = process.cpuUsage();
    const machineBefore = machineCpuSeconds();
    const repliesBefore = sinkReplies;
    const m = await phase('measured', convs, TURNS);
    const loadCpu = process.cpuUsage(loadCpuBefore);
    const machineAfter = machineCpuSeconds();
    const cpuAfter = BOT_PID ? procCpuSeconds(BOT_PID) : null;
    agent.destroy();

    const sorted = Float64Array.from(m.lat).sort();
    const pct = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
    const botCpuS = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
    const peakRssKb = BOT_PID ? procStatusKb(BOT_PID, 'VmHWM') : null;
    const ours = (botCpuS || 0) + (loadCpu.user + loadCpu.system) / 1e6;
    const result = {
        flow: 'real check-in',
        conversations: CONVERSATIONS,
        turns: m.lat.length,
        seconds: r2(m.seconds),
        turnsPerSec: r2(m.lat.length / m.seconds),
        checkinsCompleted: m.checkIns,
        checkinsIncomplete: m.incomplete,
        turnsPerCheckIn: m.checkIns ? r2(m.lat.length / m.checkIns) : null,
        p50Ms: r2(pct(50)),
        p95Ms: r2(pct(95)),
        p99Ms: r2(pct(99)),
        maxMs: r2(sorted[sorted.length - 1]),
        errors: m.errors,
        non2xx: 0,
        firstErrors: m.firstErrors,
        sinkRepliesMeasured: sinkReplies - repliesBefore,
        unknownQuestions: Object.fromEntries(unknown),
        botPeakRssMb: peakRssKb !== null ? r2(peakRssKb / 1024) : null,
        botRssEndMb: BOT_PID ? r2(procStatusKb(BOT_PID, 'VmRSS') / 1024) : null,
        botCpuSeconds: r2(botCpuS),
        botCpuMsPerTurn: botCpuS !== null && m.lat.length ? r2((botCpuS * 1000) / m.lat.length) : null,
        loadCpuSeconds: r2((loadCpu.user + loadCpu.system) / 1e6),
        otherCpuSeconds: machineBefore !== null && machineAfter !== null ? r2(Math.max(0, machineAfter.busy - machineBefore.busy - ours)) : null,
        machineStealCpuSeconds: machineBefore !== null && machineAfter !== null ? r2(machineAfter.steal - machineBefore.steal) : null,
        cpuCores: require('os').cpus().length,
    };
    console.log(`[realflow] measured: ${result.turns} turns, ${m.checkIns} check-ins (${result.turnsPerCheckIn} turns each), ${m.incomplete} incomplete, in ${result.seconds} s`);
    console.log(`[realflow] throughput ${result.turnsPerSec} turns/s; latency ms p50 ${result.p50Ms} p95 ${result.p95Ms} p99 ${result.p99Ms} max ${result.maxMs}; errors ${m.errors}`);
    console.log(`[realflow] bot CPU ${result.botCpuSeconds} s (${result.botCpuMsPerTurn} ms/turn), peak RSS ${result.botPeakRssMb} MB; other processes ${result.otherCpuSeconds} s`);
    if (unknown.size) console.log(`[realflow] questions with no rule: ${JSON.stringify(result.unknownQuestions)}`);
    console.log('RESULT_JSON ' + JSON.stringify(result));
    sink.close();
    process.exit(m.errors > 0 || m.checkIns === 0 ? 1 : 0);
})().catch((e) => {
    console.error('[realflow] fatal', e);
    process.exit(2);
});
