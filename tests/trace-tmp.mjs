import { chromium } from 'playwright';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await b.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
const p = await ctx.newPage();
const cdp = await ctx.newCDPSession(p);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await b.startTracing(p, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await p.goto('http://127.0.0.1:4399' + process.argv[2], { waitUntil: 'load' });
await p.waitForTimeout(4000);
const buf = await b.stopTracing();
const ev = JSON.parse(buf.toString()).traceEvents;
const main = ev.filter((e) => e.name === 'RunTask' && e.dur > 50000);
for (const t of main) {
  const inside = ev.filter((e) => e.tid === t.tid && e.ts >= t.ts && e.ts + (e.dur||0) <= t.ts + t.dur && e.dur > 5000 && e.name !== 'RunTask');
  const agg = {};
  for (const e of inside) { const k = e.name + (e.args?.data?.url ? ' ' + e.args.data.url.split('/').pop() : '') + (e.args?.data?.functionName ? ' ' + e.args.data.functionName : ''); agg[k] = Math.max(agg[k] || 0, e.dur / 1000); }
  console.log('TASK', Math.round(t.dur / 1000), 'ms', JSON.stringify(Object.entries(agg).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => k + ':' + Math.round(v))));
}
await b.close();
