export * from './pai';
export { PaiFeature } from '../../../catalog/pai';
