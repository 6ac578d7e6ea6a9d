/** The kit's version, stamped on every element class so two copies on one page can tell each other apart. */
export const VERSION = '0.1.0';
