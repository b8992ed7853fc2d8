// Where a worker thread's compiled script is: beside the module that starts it, or, when that module runs from the
// sources (under vitest), in the build (dist/).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The compiled script `name` (e.g. './analyze-worker.js') next to the module at `from` (its import.meta.url). */
export function workerScript(name: string, from: string): string {
  const here = fileURLToPath(new URL(name, from));
  if (fs.existsSync(here)) return here;
  const built = here.replace(/([\\/])src([\\/])(?!.*[\\/]src[\\/])/, '$1dist$2');
  if (fs.existsSync(built)) return built;
  throw new Error(`worker script not found at ${here} or ${built}: run \`npm run build\``);
}
