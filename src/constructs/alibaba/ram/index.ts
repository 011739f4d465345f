export * from './ram';
