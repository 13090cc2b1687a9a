// Module hooks that let a worker thread load this package's TypeScript sources directly, used only
// when the pool itself runs from sources (vitest, which transforms TypeScript in its own module
// runner but not inside the worker threads a test starts; Node 20 cannot strip types). The
// published package runs compiled JavaScript from dist/ and never loads this file.
//
// resolve: a relative `./x.js` import from a .ts file means the sibling `./x.ts` when no .js exists
// (the NodeNext convention the sources follow). load: .ts files are transpiled one at a time with
// the TypeScript compiler already in devDependencies (no type check). Loading the compiler takes
// ~220 ms and a cold transpile 30–130 ms per file, about 1.5 s for the kernel's files in each new
// worker, so outputs are cached on disk by a hash of the source (node_modules/.cache): a pool
// started again by the next test loads in ~0.1 s. See pool.ts for how a worker gets these hooks.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pid } from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const CACHE = new URL('../../node_modules/.cache/routeshift-ts-workers/', import.meta.url);
let ts;

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL;
  if (parent?.startsWith('file:') && parent.endsWith('.ts') && specifier.startsWith('.') && specifier.endsWith('.js')) {
    const js = new URL(specifier, parent);
    if (!existsSync(fileURLToPath(js))) {
      const source = new URL(specifier.slice(0, -3) + '.ts', parent);
      if (existsSync(fileURLToPath(source))) return { url: source.href, shortCircuit: true };
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const fileName = fileURLToPath(url);
  const text = await readFile(fileName, 'utf8');
  const cached = new URL(`${createHash('sha256').update(fileName).update('\0').update(text).digest('hex')}.js`, CACHE);
  try {
    return { format: 'module', source: await readFile(cached, 'utf8'), shortCircuit: true };
  } catch {
    // not cached yet
  }
  ts ??= createRequire(import.meta.url)('typescript');
  const output = ts.transpileModule(text, {
    fileName,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      inlineSourceMap: true,
    },
  });
  // Written under a unique name and renamed, so workers transpiling the same file at once never
  // read a half-written one.
  await mkdir(CACHE, { recursive: true });
  const partial = new URL(`${cached.href}.${pid}-${Math.random().toString(36).slice(2)}`);
  await writeFile(partial, output.outputText);
  await rename(partial, cached);
  return { format: 'module', source: output.outputText, shortCircuit: true };
}
