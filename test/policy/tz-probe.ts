/** Run by semantics.test.ts under several TZ values: prints the Date rows' outcomes as JSON. Not a test file. */
import { noOffsetDecisions, outcome } from './semantics-harness';
import { OPERATOR_ROWS, REQUEST_SHAPES } from '../../src/policy/semantics';

const rows = OPERATOR_ROWS.filter(r => r.operator.startsWith('Date')).map(r => Object.fromEntries(REQUEST_SHAPES.map(s => [s, outcome(r, s)])));
process.stdout.write(JSON.stringify({ offset: new Date(2026, 0, 1).getTimezoneOffset(), rows, noOffset: noOffsetDecisions() }));
