// Soak driver: steady load on POST /api/messages of a running CoachBot host, with a local connector stand-in
// receiving the replies, and the host's resident memory sampled every 10 seconds from /proc.
// Usage: node driver.mjs --base http://127.0.0.1:PORT --pid PID [--minutes 10] [--rate 40] [--conversations 40]
import http from 'node:http';
import fs from 'node:fs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, i, all) => (i % 2 === 0 ? [...pairs, [value.replace(/^--/, ''), all[i + 1]]] : pairs), []));
const base = args.base;
const pid = Number(args.pid);
const minutes = Number(args.minutes ?? 10);
const rate = Number(args.rate ?? 40); // turns per second, all conversations together
const conversations = Number(args.conversations ?? 40);
const sampleEveryMs = 10_000;
if (!base || !pid) {
  console.error('usage: node driver.mjs --base URL --pid PID [--minutes N] [--rate N] [--conversations N]');
  process.exit(2);
}

// The connector stand-in: accepts every reply the bot sends.
let replies = 0;
const connector = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    replies++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'r' + replies }));
  });
});
await new Promise((resolve) => connector.listen(0, '127.0.0.1', resolve));
const serviceUrl = `http://127.0.0.1:${connector.address().port}/`;

const lines = ['hello', 'yes', 'I agree', '3', 'no', 'help', 'progress', 'lesson', 'ok', '2', 'stop', 'start'];
const rssMb = () => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
};

let sent = 0;
let ok = 0;
let failed = 0;
const statuses = {};
async function turn(n) {
  const conversation = `soak-${n % conversations}`;
  const body = {
    type: 'message',
    id: `m-${n}`,
    timestamp: new Date().toISOString(),
    channelId: 'test',
    serviceUrl,
    conversation: { id: conversation },
    from: { id: `${conversation}-user`, name: 'Soak' },
    recipient: { id: 'bot', name: 'CoachBot' },
    text: lines[Math.floor(n / conversations) % lines.length],
    locale: 'en-US',
  };
  sent++;
  try {
    const response = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await response.arrayBuffer();
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    if (response.status === 200) ok++; else failed++;
  } catch {
    failed++;
  }
}

// One turn per conversation at a time; conversations are served round-robin at the target rate.
const busy = new Set();
let next = 0;
const started = Date.now();
const end = started + minutes * 60_000;
const samples = [];
const sample = () => {
  const t = (Date.now() - started) / 1000;
  const rss = rssMb();
  samples.push({ t, rss, ok });
  console.log(`t=${t.toFixed(0).padStart(4)}s rss=${rss.toFixed(1)} MB turns_ok=${ok} failed=${failed} replies=${replies}`);
};
sample();
const sampler = setInterval(sample, sampleEveryMs);
const ticker = setInterval(() => {
  if (Date.now() >= end) return;
  const conversation = next % conversations;
  if (busy.has(conversation)) { next++; return; }
  busy.add(conversation);
  const n = next++;
  turn(n).finally(() => busy.delete(conversation));
}, 1000 / rate);

await new Promise((resolve) => setTimeout(resolve, end - Date.now()));
clearInterval(ticker);
while (busy.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
clearInterval(sampler);
sample();
connector.close();

// Slope by least squares over the samples after the first minute (start-up and JIT settle first).
const steady = samples.filter((s) => s.t >= 60);
const fit = steady.length >= 2 ? steady : samples;
const n = fit.length;
const meanT = fit.reduce((a, s) => a + s.t, 0) / n;
const meanR = fit.reduce((a, s) => a + s.rss, 0) / n;
const slopePerSecond = fit.reduce((a, s) => a + (s.t - meanT) * (s.rss - meanR), 0) / Math.max(1e-9, fit.reduce((a, s) => a + (s.t - meanT) ** 2, 0));
const seconds = (Date.now() - started) / 1000;
console.log('');
console.log(`duration        ${seconds.toFixed(0)} s, target ${rate} turns/s over ${conversations} conversations`);
console.log(`turns           ${ok} ok, ${failed} failed (${(ok / seconds).toFixed(1)} turns/s), statuses ${JSON.stringify(statuses)}, replies received ${replies}`);
console.log(`rss start       ${samples[0].rss.toFixed(1)} MB`);
console.log(`rss after 60 s  ${(steady[0] ?? samples[0]).rss.toFixed(1)} MB`);
console.log(`rss end         ${samples[samples.length - 1].rss.toFixed(1)} MB`);
console.log(`rss max         ${Math.max(...samples.map((s) => s.rss)).toFixed(1)} MB`);
console.log(`rss slope       ${(slopePerSecond * 60).toFixed(3)} MB/min (least squares, samples after 60 s)`);
process.exit(failed > 0 ? 1 : 0);
