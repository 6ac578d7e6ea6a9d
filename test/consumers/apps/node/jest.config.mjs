// Jest over the installed tarball, as a vendor with a Jest suite would run it: native ES modules
// (`node --experimental-vm-modules`), no Babel transform, the Node environment.
export default {
  testEnvironment: 'node',
  transform: {},
  testMatch: ['**/contract.jest.test.mjs'],
  // A ceiling, not a wait (Jest's default is 5 s): ten contract checks, each on a fresh sample
  // company, took 23 s in one test on a loaded 2-core machine.
  testTimeout: 120_000,
};
