export * from './iam';
export * from './modelarts';
export { ModelArtsFeature } from '../../catalog/modelarts';
