export * from './workspace';
export * from './workspace-set';
export * from './access';
export * from './api-key';
