/**
 * Links keep no pointer they can rebuild from their address (most links: `/resource/<type>/<name>`): whatever the
 * origin, a link reads back exactly the origin's pointer and address.
 */
import * as fc from 'fast-check';
import { newAttachment, newMembership } from '../../src/model/links';

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
    for (const link of [newAttachment(noIndex, 'p', 'q', origin), newMembership(noIndex, 'u', 'g', origin)]) {
      expect([link.pointer, link.address, link.file, link.stack, link.constructPath]).toEqual([pointer, address, 'f', 's', 'c']);
    }
  }), { numRuns: 3000 });
});
