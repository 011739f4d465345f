/**
 * Links keep no pointer they can rebuild from their address (most links: `/resource/<type>/<name>`): whatever the
 * origin, a link reads back exactly the origin's pointer and address.
 */
import * as fc from 'fast-check';
import { loadJsonDocument } from '../../src/model/input';
import { newAttachment, newMembership, sharedLinkSource } from '../../src/model/links';

const noIndex = { principals: new Map(), policies: new Map() };
const text = fc.array(fc.constantFrom('a', 'b', '_', '-', '.', '/', '~', '[', ']', '0', '"'), { maxLength: 8 }).map(cs => cs.join(''));

test('a link reads back its origin pointer, derived or kept', () => {
  fc.assert(fc.property(text, text, fc.constantFrom('written', 'look-alike', 'other'), fc.option(text, { nil: undefined }), (type, name, form, other) => {
    const address = `${type}.${name}`;
    // The pointer a configuration writes for that address (escaped per RFC 6901), one that only looks like it (dots
    // and slashes as they come), or anything.
    const pointer = form === 'written' ? `/resource/${[type, name].map(t => t.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`
      : form === 'look-alike' ? `/resource/${address.replace(/\./g, '/')}` : other;
    const origin = { address, pointer, stack: 's', file: 'f', constructPath: 'c' };
    // Directly, or through an origin shared by many links (its pointer compared once).
    const shared = sharedLinkSource(origin);
    for (const link of [newAttachment(noIndex, 'p', 'q', origin), newMembership(noIndex, 'u', 'g', origin), newAttachment(noIndex, 'p', 'q', shared)]) {
      expect([link.pointer, link.address, link.file, link.stack, link.constructPath]).toEqual([pointer, address, 'f', 's', 'c']);
    }
  }), { numRuns: 3000 });
});

test('a block read from a configuration has the pointer of its body, and its links read it back', () => {
  const name = text.filter(t => t !== '' && t !== '//');
  fc.assert(fc.property(fc.uniqueArray(fc.tuple(name, name, fc.boolean()), { minLength: 1, maxLength: 6, selector: ([t, n]) => `${t}\u0000${n}` }), blocks => {
    const resource: Record<string, Record<string, unknown>> = Object.create(null);
    blocks.forEach(([type, n, arrayForm], i) => {
      resource[type] ??= Object.create(null);
      resource[type][n] = arrayForm ? [{ i }] : { i };
    });
    const doc = { resource };
    for (const r of loadJsonDocument('main.tf.json', doc, 's').stacks[0].resources) {
      // The pointer leads to the block's body in the document (RFC 6901).
      const at = r.pointer.split('/').slice(1).map(t => t.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], doc);
      expect(at).toBe(r.values);
      for (const link of [newAttachment(noIndex, 'p', 'q', r), newMembership(noIndex, 'u', 'g', r)]) {
        expect([link.pointer, link.address, link.file]).toEqual([r.pointer, r.address, 'main.tf.json']);
      }
    }
  }), { numRuns: 500 });
});
