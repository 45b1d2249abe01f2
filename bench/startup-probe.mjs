// Starts one command, polls a URL until it answers 200 and prints one JSON line:
// {ready_s, cpu_s, code}: wall seconds from spawn to the first 200, and the process' CPU
// (utime+stime of all its threads, /proc/PID/stat) at that moment. Then stops it (SIGTERM,
// SIGKILL after --stop-timeout s). Used by bench/startup.sh.
//
//   node bench/startup-probe.mjs --url http://127.0.0.1:9000/q/health/ready --timeout 60 \
//     --log FILE [--stop-timeout 30] -- java -jar target/quarkus-app/quarkus-run.jar
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
const opts = {};
for (let i = 0; i < sep; i += 2) opts[argv[i].replace(/^--/, '')] = argv[i + 1];
const cmd = argv.slice(sep + 1);
if (sep < 0 || !opts.url || cmd.length === 0) {
  console.error('usage: startup-probe.mjs --url URL [--timeout S] [--log FILE] [--stop-timeout S] -- command...');
  process.exit(2);
}
const timeout = Number(opts.timeout || 60) * 1000;
const stopTimeout = Number(opts['stop-timeout'] || 30) * 1000;
const hz = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());
const logFd = opts.log ? fs.openSync(opts.log, 'w') : 'ignore';

const t0 = performance.now();
const child = spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', logFd, logFd] });
let exited = null;
child.on('exit', (code, signal) => { exited = { code, signal }; });

function cpu() {
  try {
    const s = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / hz;
  } catch { return NaN; }
}

function stop(result) {
  if (exited) { finish(result); return; }
  child.kill('SIGTERM');
  const kill = setTimeout(() => child.kill('SIGKILL'), stopTimeout);
  child.on('exit', () => { clearTimeout(kill); finish(result); });
}
function finish(result) {
  console.log(JSON.stringify(result));
  process.exit(result.code === 200 ? 0 : 1);
}

function poll() {
  if (exited) { finish({ ready_s: null, cpu_s: null, code: 'exited ' + JSON.stringify(exited) }); return; }
  if (performance.now() - t0 > timeout) { stop({ ready_s: null, cpu_s: cpu(), code: 'timeout' }); return; }
  const req = http.get(opts.url, { timeout: 1000, agent: false }, (res) => {
    res.resume();
    if (res.statusCode === 200) {
      const ready = (performance.now() - t0) / 1000;
      const c = cpu();
      stop({ ready_s: Math.round(ready * 1000) / 1000, cpu_s: Math.round(c * 100) / 100, code: 200 });
    } else setTimeout(poll, 5);
  });
  req.on('error', () => setTimeout(poll, 5));
  req.on('timeout', () => req.destroy());
}
setTimeout(poll, 5);
