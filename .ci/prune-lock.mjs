// prune-lock.mjs — npm ci refuses a lock file whose packages list optional dependencies that have no
// entry of their own. That happens when the registry lacks some platforms' builds of a package (seen
// with @astrojs/compiler-binding-* 0.5.1 for macOS/Windows on this project's registry): npm install
// records the edge but cannot record the package. Those packages would not be installed on Linux
// anyway, so this drops such dangling optional edges. Idempotent; changes nothing in a complete lock.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages ?? {};
const removed = [];
for (const [path, entry] of Object.entries(packages)) {
  const optional = entry.optionalDependencies;
  if (!optional) continue;
  for (const name of Object.keys(optional)) {
    // npm resolves a dependency in the package's own node_modules first, then up the tree.
    const parts = path.split('node_modules/').length - 1;
    const candidates = [`${path}/node_modules/${name}`];
    let dir = path;
    for (let i = 0; i < parts; i++) {
      dir = dir.slice(0, dir.lastIndexOf('node_modules/')).replace(/\/$/, '');
      candidates.push(`${dir ? `${dir}/` : ''}node_modules/${name}`);
    }
    if (!candidates.some((c) => packages[c])) {
      delete optional[name];
      removed.push(`${path} → ${name}`);
    }
  }
}
if (removed.length > 0) {
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`prune-lock: dropped ${removed.length} optional dependencies the registry does not have:\n  ${removed.join('\n  ')}`);
}
