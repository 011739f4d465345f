export * from './checks';
export * from './statements';
