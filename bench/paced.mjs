// Fixed-rate (open-loop) load, as wrk2 does: request i is due at t0 + i/RATE whether or not
// earlier ones have answered, and its latency is measured from when it was due (no coordinated
// omission). Prints one JSON line: {due, done, ok, errors, late, seconds, rps, p50, p90, p99, p999, max} (ms).
//
//   node bench/paced.mjs --url http://127.0.0.1:8080/ttd/example-app/instances --rate 500 \
//     --seconds 10 --connections 16 [--ids ids.txt (GET url/<id>)] [--post] [--header 'Authorization: Bearer ...']
//
// At most --connections requests are in flight (keep-alive sockets); a due request waits for a
// free socket and that wait counts in its latency. Requests still unanswered 5 s after the end
// count as errors ("late"). The first --warmup seconds [5] run at the same rate but are not
// counted: a cold client (Node's own JIT, new sockets) delays its first few thousand requests by
// up to hundreds of ms, which would otherwise dominate the p99 of whatever it measures. Node 18+.
import http from 'node:http';
import fs from 'node:fs';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) {
  const k = process.argv[i].replace(/^--/, '');
  if (k === 'post') { args.post = true; i -= 1; continue; }
  if (k === 'header') { (args.header ||= []).push(process.argv[i + 1]); continue; }
  args[k] = process.argv[i + 1];
}
const rate = Number(args.rate), seconds = Number(args.seconds), conns = Number(args.connections || 16);
const warmup = Number(args.warmup ?? 5);
if (!args.url || !(rate > 0) || !(seconds > 0)) {
  console.error('usage: paced.mjs --url URL --rate N --seconds S [--warmup S] [--connections C] [--ids FILE] [--post] [--header H]');
  process.exit(2);
}
const base = new URL(args.url);
const headers = {};
for (const h of args.header || []) { const at = h.indexOf(':'); headers[h.slice(0, at).trim()] = h.slice(at + 1).trim(); }
let ids = null;
if (args.ids) ids = fs.readFileSync(args.ids, 'utf8').split('\n').filter(Boolean);
const body = '{}';
if (args.post) { headers['Content-Type'] = 'application/json'; headers['Content-Length'] = Buffer.byteLength(body); }

const agent = new http.Agent({ keepAlive: true, maxSockets: conns });
const lat = [];
let due = 0, done = 0, ok = 0, errors = 0, fired = 0;
const t0 = performance.now();
const measured = t0 + warmup * 1000;
const end = measured + seconds * 1000;
const counted = (dueAt) => dueAt >= measured;

function fire(dueAt) {
  const path = ids ? `${base.pathname}/${ids[Math.floor(Math.random() * ids.length)]}` : base.pathname + base.search;
  const req = http.request({ host: base.hostname, port: base.port, path, method: args.post ? 'POST' : 'GET', headers, agent }, (res) => {
    res.on('data', () => {});
    res.on('end', () => {
      if (!counted(dueAt)) return;
      done++;
      lat.push(performance.now() - dueAt);
      if (res.statusCode >= 200 && res.statusCode < 400) ok++; else errors++;
    });
  });
  req.on('error', () => { if (counted(dueAt)) { done++; errors++; } });
  if (args.post) req.end(body); else req.end();
}

function tick() {
  const now = performance.now();
  const until = Math.min(now, end);
  const shouldHave = Math.floor(((until - t0) / 1000) * rate);
  while (fired < shouldHave) {
    const dueAt = t0 + (fired * 1000) / rate;
    fire(dueAt);
    fired++;
    if (counted(dueAt)) due++;
  }
  if (now < end) setTimeout(tick, 1);
  else finish();
}

function finish() {
  const deadline = performance.now() + 5000;
  const wait = () => {
    if (done >= due || performance.now() > deadline) report();
    else setTimeout(wait, 10);
  };
  wait();
}

function report() {
  lat.sort((a, b) => a - b);
  const q = (p) => (lat.length ? lat[Math.min(lat.length - 1, Math.ceil((lat.length * p) / 100) - 1)] : NaN);
  const late = due - done;
  const r = (x) => Math.round(x * 100) / 100;
  console.log(JSON.stringify({ rate, due, done, ok, errors: errors + late, late, seconds,
    rps: r(ok / seconds), p50: r(q(50)), p90: r(q(90)), p99: r(q(99)), p999: r(q(99.9)), max: r(lat[lat.length - 1] ?? NaN) }));
  agent.destroy();
  process.exit(0);
}

setTimeout(tick, 0);
