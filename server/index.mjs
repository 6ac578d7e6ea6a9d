#!/usr/bin/env node
// The reference server's entry for Node 20 (which cannot run TypeScript): bundles server/src with
// esbuild into server/.build (packages stay external) and runs it. See server/README.md.
import { bundleServer } from './build.mjs';

const out = await bundleServer('main');
await import(out);
