/**
 * parsePolicy proves a document text repeats no key by counting the keys its walk reads (issue 16 §5): a repeated key
 * anywhere is still the document's error, before any other, and a text without one parses as its value does.
 */
import * as fc from 'fast-check';
import { PolicyError } from '../../src/policy/errors';
import { parsePolicy } from '../../src/policy/parse';
import { Dialect } from '../../src/policy/types';

/** JSON text of `v`; `dup()` says, per object, whether to write its first key twice (the second time with `other`). */
function write(v: unknown, dup: () => boolean, ws: () => string): string {
  if (Array.isArray(v)) return `[${v.map(x => ws() + write(x, dup, ws)).join(',')}${ws()}]`;
  if (typeof v === 'object' && v !== null) {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => `${JSON.stringify(k)}${ws()}:${ws()}${write(x, dup, ws)}`);
    if (entries.length && dup()) entries.splice(entries.length > 1 ? 1 : 0, 0, entries[0]);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(v);
}

const action = fc.constantFrom('ecs:DescribeInstances', 'pairec:List*', '*', 'oss:Get*');
const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny', 'Maybe'),
  Action: fc.oneof(action, fc.array(action, { minLength: 1, maxLength: 3 })),
  Resource: fc.constantFrom('*', 'acs:oss:*:*:bucket/*', ['acs:eas:*:*:ws-1/*', '*']),
  Condition: fc.option(fc.dictionary(fc.constantFrom('IpAddress', 'StringLike', 'Bool'),
    fc.dictionary(fc.constantFrom('acs:SourceIp', 'acs:SecureTransport', 'pairec:Tag'), fc.constantFrom(['10.0.0.0/8'], 'true', ['a*']),
      { minKeys: 1, maxKeys: 2 }), { minKeys: 1, maxKeys: 2 }), { nil: undefined }),
  Sid: fc.option(fc.constantFrom('one', 'two'), { nil: undefined }),
}, { requiredKeys: ['Effect', 'Action', 'Resource'] });
const policy = fc.record({ Version: fc.constant('1'), Statement: fc.array(statement, { minLength: 1, maxLength: 4 }) });

function outcome(f: () => unknown): { ok: true; effects: string[] } | { ok: false; problem: string } {
  try {
    const p = f() as ReturnType<typeof parsePolicy>;
    return { ok: true, effects: p.statements.map(s => `${s.effect} ${(s.actions ?? []).map(a => a.text).join(',')} ${s.conditions.length}`) };
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    return { ok: false, problem: e.problem };
  }
}

describe('parsePolicy on document text: repeated keys', () => {
  test('a repeated key anywhere is the error; otherwise the text parses as its value', () => {
    fc.assert(fc.property(policy, fc.infiniteStream(fc.boolean()), fc.infiniteStream(fc.constantFrom('', ' ', '\n')), (doc, dups, spaces) => {
      const d = dups[Symbol.iterator]();
      const w = spaces[Symbol.iterator]();
      let repeated = false;
      const text = write(doc, () => {
        const yes = d.next().value && d.next().value && d.next().value;
        repeated ||= yes;
        return yes;
      }, () => w.next().value);
      const fromText = outcome(() => parsePolicy(Dialect.ALIBABA_RAM, 'p', text));
      if (repeated) {
        expect(fromText).toEqual({ ok: false, problem: expect.stringMatching(/duplicate key/) });
      } else {
        expect(fromText).toEqual(outcome(() => parsePolicy(Dialect.ALIBABA_RAM, 'p', JSON.parse(text))));
      }
    }), { numRuns: 1500 });
  });

  test('the repeated key is reported before a later statement\'s own error, at its pointer', () => {
    const text = '{"Version":"1","Statement":[{"Effect":"Deny","Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Maybe","Action":"*","Resource":"*"}]}';
    expect(() => parsePolicy(Dialect.ALIBABA_RAM, 'p', text, { file: 'f.json', pointer: '/resource/x/policy' }))
      .toThrow(expect.objectContaining({ pointer: '/resource/x/policy/Statement/0/Effect', problem: expect.stringMatching(/duplicate key "Effect"/) }));
  });

  test('a repeated condition key inside a block already parsed once is still found', () => {
    const once = '{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"acs:SecureTransport":"true"}}}]}';
    parsePolicy(Dialect.ALIBABA_RAM, 'a', once);
    const twice = '{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"acs:SecureTransport":"true","acs:SecureTransport":"false"}}}]}';
    expect(() => parsePolicy(Dialect.ALIBABA_RAM, 'b', twice)).toThrow(/duplicate key "acs:SecureTransport"/);
  });
});
