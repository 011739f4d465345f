export * from './iam';
export * from './personas';
export * from './queue';
export * from './owner-grant';
