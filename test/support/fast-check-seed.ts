import fc from 'fast-check';

/**
 * Every property test in the suite runs from one fixed seed, so that a CI run is repeatable and a failure can be
 * replayed; `FC_SEED=<n> npm test` explores another part of the space (the fuzz suite keeps its own per-operation
 * seeds and its own FUZZ_* settings).
 */
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_201) });
