// Public API of this folder; re-exported from src/index.ts.
export {};
