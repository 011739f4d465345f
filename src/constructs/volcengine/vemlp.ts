// The `vemlp` submodule: veMLP personas, resource queues and owner grants (Volcengine IAM is `volcengine_iam`).
export * from './personas';
export * from './queue';
export * from './owner-grant';
