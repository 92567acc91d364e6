/**
 * The folder that holds package.json, views/ and public/: found by walking up from this module,
 * so it is the same whether the module runs from its source (server/) or from the build (dist/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'views'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Rota: no package.json with views/ above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
