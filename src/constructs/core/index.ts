export * from './checks';
export * from './statements';
export * from './principal';
export * from './grant';
export * from './principal-base';
