// Registers every element. Each define module is guarded: loading two bundles never throws.
import './qk-provider.js';
