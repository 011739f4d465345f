/** Runs an example app the way `cdktf synth` does: build, add the rule pack (synth fails on error findings), synthesize. */
import { App } from 'cdktf';
import { Construct } from 'constructs';
import { AiPlatformPack, Checks } from '../src';

export function synthExample(build: (app: Construct) => unknown): void {
  const app = new App();
  build(app);
  Checks.of(app).add(new AiPlatformPack());
  app.synth();
}
