export * from './ram';
export * from './bailian';
export * from './pai';
