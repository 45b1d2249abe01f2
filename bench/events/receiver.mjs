// Webhook receiver for bench/events/run.sh: answers 204 and records, per app.instance.created
// event, the time from the event's "time" (set in the creating transaction, just before its
// commit) to its arrival here. GET /stats gives {count, p50, p99, max} in ms and resets.
import http from 'node:http';

const port = Number(process.argv[2] ?? 8149);
let latencies = [];

const percentile = (sorted, p) =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

http
  .createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/stats') {
      const sorted = [...latencies].sort((a, b) => a - b);
      latencies = [];
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({
        count: sorted.length,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted.length ? sorted[sorted.length - 1] : null,
      }));
      return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const arrived = Date.now();
      try {
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (event.type === 'app.instance.created') {
          latencies.push(arrived - Date.parse(event.time));
        }
      } catch {
        // not an event: ignore
      }
      res.writeHead(204);
      res.end();
    });
  })
  .listen(port, '127.0.0.1');
