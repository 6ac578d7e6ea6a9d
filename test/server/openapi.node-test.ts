import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApiDocument } from '../../server/src/openapi.js';

describe('openapi.json', () => {
  it('is what the zod model generates (no drift: run `npm run openapi` after a model change)', () => {
    const committed = JSON.parse(readFileSync('openapi.json', 'utf8'));
    assert.deepEqual(committed, JSON.parse(JSON.stringify(openApiDocument())));
  });

  it('describes every route RestAdapter calls, with the model\'s constraints', () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, any> } };
    const routes = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    for (const r of ['GET /plan', 'GET /actuals', 'PUT /targets', 'GET /me', 'POST /notify', 'POST /adjustments', 'GET /adjustments', 'POST /adjustments/{id}/decision', 'GET /org/{id}/children', 'GET /events']) {
      assert.ok(routes.includes(r), r);
    }
    const change = doc.components.schemas.TargetChange;
    assert.deepEqual(change.required, ['baseVersion', 'cells']);
    assert.equal(change.properties.baseVersion.type, 'integer');
    assert.equal(change.properties.cells.items.properties.value.minimum, 0);
    assert.deepEqual(doc.components.schemas.Decision.required, ['approve']);
  });
});
