import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLayout, findCycles, libImportsOfComponents, readImportGraph } from '../../../scripts/check-layout.mjs';

let root = '';

/** A throwaway project with these files (path → text). */
function project(files: Record<string, string>): string {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'layout-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

afterEach(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
  root = '';
});

describe('readImportGraph', () => {
  it('reads static, type-only, side-effect and dynamic imports and re-exports, relative ones only', () => {
    const graph = readImportGraph(
      project({
        'lib/a.ts': [
          "import { b } from './b.ts';",
          "import type { C } from '../components/c.ts';",
          "import '../components/style.css';",
          "export { d } from './d/d.ts';",
          "const e = () => import('./e.ts');",
          "import * as Y from 'yjs';",
        ].join('\n'),
        'components/View.svelte': "<script lang=\"ts\">\n  import { b } from '../lib/b.ts';\n</script>",
      }),
    );
    expect(graph.get('lib/a.ts')).toEqual(['lib/b.ts', 'components/c.ts', 'components/style.css', 'lib/d/d.ts', 'lib/e.ts']);
    expect(graph.get('components/View.svelte')).toEqual(['lib/b.ts']);
  });
});

describe('libImportsOfComponents', () => {
  it('names each import from lib/ into components/, and nothing else', () => {
    const graph = new Map([
      ['lib/start.ts', ['components/App.svelte', 'lib/plan.ts']],
      ['components/App.svelte', ['lib/plan.ts']],
    ]);
    expect(libImportsOfComponents(graph)).toEqual(['lib/start.ts -> components/App.svelte']);
  });
});

describe('findCycles', () => {
  it('finds each cycle once, however long, and a file importing itself', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.svelte']],
      ['c.svelte', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(findCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.svelte'], ['e.ts']]);
  });

  it('finds none in a tree that shares a module', () => {
    expect(findCycles(new Map([['a.ts', ['b.ts', 'c.ts']], ['b.ts', ['c.ts']], ['c.ts', []]]))).toEqual([]);
  });
});

describe('checkLayout', () => {
  it('reports a lib import of a component and a cycle through a component, not a clean tree', () => {
    expect(
      checkLayout(
        project({
          'lib/start.ts': "import App from '../components/App.svelte';",
          'components/App.svelte': "<script>\n  import List from './List.svelte';\n</script>",
          'components/List.svelte': "<script>\n  import App from './App.svelte';\n</script>",
        }),
      ),
    ).toEqual([
      'lib imports a component: lib/start.ts -> components/App.svelte',
      'import cycle through a component: components/App.svelte -> components/List.svelte',
    ]);
    fs.rmSync(root, { recursive: true, force: true });
    expect(checkLayout(project({ 'lib/plan.ts': '', 'components/App.svelte': "<script>\n  import '../lib/plan.ts';\n</script>" }))).toEqual([]);
  });
});
