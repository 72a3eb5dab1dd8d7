// One measured run for speechMetrics.bench.ts, in a process of its own: the metrics of a file (or its
// decoding alone), timed from after the imports, and this process's peak RSS over its idle RSS
// (the decoder's thread included). Prints one line of JSON. Not a benchmark itself (no `.bench.ts`).
import { readFileSync } from 'node:fs';
import { analyseAudioFile } from '../../electron/services/audio/analyseAudioFile';
import { decodeAudioFile } from '../../electron/services/audio/decodeAudioFile';

const [mode, file] = process.argv.slice(2) as ['metrics' | 'decode', string];
const vmHwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;

(globalThis as { gc?: () => void }).gc?.();
const idleRss = process.memoryUsage.rss();
const cpu = process.cpuUsage();
const started = performance.now();
if (mode === 'metrics') await analyseAudioFile(file);
else for await (const block of decodeAudioFile(file)) void block;
const ms = performance.now() - started;
const { user, system } = process.cpuUsage(cpu);
console.log(JSON.stringify({ ms, cpuMs: (user + system) / 1000, idleRss, peakRss: vmHwm() }));
