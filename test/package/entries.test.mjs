// The production entry points carry no training code: the simulators and scenarios ship
// only from ir-monitor/sim. Checked on the built package's import graph (esbuild's metafile).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { build } from 'esbuild';

const entries = ['dist/index.js', 'dist/streams/index.js', 'dist/models/index.js', ...readdirSync('dist/components').filter((f) => f.endsWith('.js')).map((f) => `dist/components/${f}`)];
const training = /\/(sim|simulated|play-script|cement-script|cement-simulation|scenarios?|cryo-simulation|cryo-source|ablation-simulator|thermal-source|worker-source|thermal-worker|procedure-source|waveforms|wire-input)\.js$/;

for (const entry of entries)
  test(`${entry} imports no simulator or scenario`, async () => {
    const { metafile } = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, format: 'esm', logLevel: 'silent', external: ['lit', 'lit/*', '@lit/*', 'rxjs', 'uplot'] });
    const found = Object.keys(metafile.inputs).filter((p) => training.test(p));
    assert.deepEqual(found, []);
  });

test('ir-monitor/sim holds the simulators', async () => {
  const sim = await import('../../dist/sim.js');
  for (const name of ['CryoSimulation', 'ThermalSimulation', 'cementSimulation', 'ProcedurePlayer', 'longEmbolisation', 'playScript']) assert.equal(typeof sim[name], 'function', name);
});
