/**
 * The list in elements.ts is the single place the embedding tests learn which elements exist: this
 * fails as soon as a `src/define/qk-*.ts` appears that the list (and so every host test) lacks.
 */
import { expect } from '@open-wc/testing';
import { ALL_TAGS } from './elements.js';

describe('embed: the element list', () => {
  it('names every define module of src/define', async () => {
    const res = await fetch('/__qk-embed/defines.json');
    expect(res.ok, 'add embedPlugin() of test/embed/embed-plugin.mjs to web-test-runner.config.mjs').to.equal(true);
    const defined = (await res.json()) as string[];
    expect([...ALL_TAGS]).to.deep.equal(defined);
  });
});
