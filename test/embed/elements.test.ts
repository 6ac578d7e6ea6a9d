/**
 * The list in elements.ts is the single place the embedding tests learn which elements exist and
 * what they fire: this fails as soon as a `src/define/qk-*.ts` appears that the list (and so every
 * host test) lacks, or an element's `@fires` names an event its entry does not list.
 */
import { expect } from '@open-wc/testing';
import { ALL_TAGS, ELEMENTS, NOT_YET_IN_PAGES } from './elements.js';

describe('embed: the element list', () => {
  it('names every define module of src/define', async () => {
    const res = await fetch('/__qk-embed/defines.json');
    expect(res.ok, 'add embedPlugin() of test/embed/embed-plugin.mjs to web-test-runner.config.mjs').to.equal(true);
    const defined = (await res.json()) as string[];
    expect([...ALL_TAGS, ...NOT_YET_IN_PAGES].sort()).to.deep.equal(defined);
  });

  it("lists, for every element, exactly the events its class declares with @fires", async () => {
    const fires = (await (await fetch('/__qk-embed/fires.json')).json()) as Record<string, string[]>;
    const listed = Object.fromEntries(ELEMENTS.map((e) => [e.tag, [...e.events].sort()]));
    const declared = Object.fromEntries(ELEMENTS.map((e) => [e.tag, fires[e.tag] ?? []]));
    expect(listed).to.deep.equal(declared);
  });
});
