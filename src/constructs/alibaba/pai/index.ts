export * from './pai';
