/**
 * What a Node test gets for `import { expect } from '@open-wc/testing'`: chai's `expect` (the same
 * chai @open-wc/testing wraps, without its DOM plugins). scripts/test-node.mjs bundles the Node
 * tests with this alias; a test that needs `fixture`, `html` or the DOM belongs in the browser runner.
 */
export { expect } from 'chai';
