// Steady create load for bench/events/run.sh: RATE JSON creates per second for SECONDS seconds,
// each started on schedule (open loop), as user 1337 for party 50001337. Prints the counts.
const [url, token, rate, seconds] = process.argv.slice(2);
const total = Number(rate) * Number(seconds);
const interval = 1000 / Number(rate);
const start = Date.now();
let ok = 0;
let failed = 0;
const pending = [];
for (let i = 0; i < total; i++) {
  const due = start + i * interval;
  const wait = due - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  pending.push(
    fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    }).then((r) => (r.status === 201 ? ok++ : failed++), () => failed++),
  );
}
await Promise.all(pending);
console.log(JSON.stringify({ requested: total, created: ok, failed }));
