import { readFileSync } from 'node:fs';
const prof = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(prof.nodes.map(n => [n.id, n]));
const parent = new Map(); for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
const name = (n) => { const cf = n.callFrame; return `${cf.functionName || '(anon)'} ${cf.url.replace(/.*node_modules\//, '').replace(/.*\.next\/server\//,'.next/').slice(0, 70)}:${cf.lineNumber}`; };
const agg = new Map(), incl = new Map();
let busy = 0;
for (const [id, t] of self) { const n = byId.get(id); if (n.callFrame.functionName === '(idle)') continue; busy += t; agg.set(name(n), (agg.get(name(n)) ?? 0) + t);
  const seen = new Set(); let cur = id; while (cur !== undefined) { const k = name(byId.get(cur)); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + t); } cur = parent.get(cur); } }
console.log('busy ms', Math.round(busy/1000));
console.log('--- self'); for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 1000).toFixed(0).padStart(7), (100 * v / busy).toFixed(1).padStart(5) + '%', k);
const filter = process.argv[3] ? new RegExp(process.argv[3]) : null;
console.log('--- inclusive'); for (const [k, v] of [...incl].filter(([k]) => !filter || filter.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log((v / 1000).toFixed(0).padStart(7), (100 * v / busy).toFixed(1).padStart(5) + '%', k);
