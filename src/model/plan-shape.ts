/**
 * The structure of a `terraform show -json` plan, checked before it is read: a wrong type is an error at its JSON
 * pointer, never an empty plan that passes every check (issue 16 §5).
 */
import { ModelInputError } from './errors';
import { isObject } from './own';

type Json = unknown;
const FIX = 'pass the unmodified output of `terraform show -json tfplan`';

export function validatePlanShape(file: string, doc: Record<string, Json>): void {
  const fail = (pointer: string, problem: string) => new ModelInputError(file, pointer, problem, FIX);
  const optionalObject = (v: Json, pointer: string) => {
    if (v !== undefined && !isObject(v)) throw fail(pointer, `expected an object, found ${describe(v)}`);
  };
  const optionalArray = (v: Json, pointer: string) => {
    if (v !== undefined && !Array.isArray(v)) throw fail(pointer, `expected an array, found ${describe(v)}`);
  };
  // Modules nest: walked with an explicit stack, so depth is bounded by memory, not the call stack.
  const modules = (root: Json, pointer: string) => {
    const todo: Array<[Json, string]> = [[root, pointer]];
    while (todo.length) {
      const [m, at] = todo.pop()!;
      if (!isObject(m)) throw fail(at, `expected a module object, found ${describe(m)}`);
      optionalArray(m.resources, `${at}/resources`);
      ((m.resources as Json[] | undefined) ?? []).forEach((r, i) => {
        const rp = `${at}/resources/${i}`;
        if (!isObject(r)) throw fail(rp, `expected a resource object, found ${describe(r)}`);
        if (typeof r.address !== 'string' || r.address === '') throw fail(`${rp}/address`, 'a resource needs an address');
        if (typeof r.type !== 'string' || r.type === '') throw fail(`${rp}/type`, 'a resource needs a type');
        optionalObject(r.values, `${rp}/values`);
        optionalObject(r.sensitive_values, `${rp}/sensitive_values`);
      });
      optionalArray(m.child_modules, `${at}/child_modules`);
      ((m.child_modules as Json[] | undefined) ?? []).forEach((c, i) => todo.push([c, `${at}/child_modules/${i}`]));
    }
  };

  if (doc.planned_values === undefined && doc.resource_changes === undefined) {
    throw fail('/planned_values', 'missing: this plan has neither planned_values nor resource_changes');
  }
  if (doc.planned_values !== undefined) {
    if (!isObject(doc.planned_values)) throw fail('/planned_values', `expected an object, found ${describe(doc.planned_values)}`);
    if (doc.planned_values.root_module !== undefined) modules(doc.planned_values.root_module, '/planned_values/root_module');
  }
  optionalArray(doc.resource_changes, '/resource_changes');
  ((doc.resource_changes as Json[] | undefined) ?? []).forEach((c, i) => {
    const at = `/resource_changes/${i}`;
    if (!isObject(c)) throw fail(at, `expected a resource change object, found ${describe(c)}`);
    if (typeof c.address !== 'string' || c.address === '') throw fail(`${at}/address`, 'a resource change needs an address');
    if (!isObject(c.change)) throw fail(`${at}/change`, `expected an object, found ${describe(c.change)}`);
    optionalArray(c.change.actions, `${at}/change/actions`);
    if (Array.isArray(c.change.actions) && c.change.actions.some(a => typeof a !== 'string')) throw fail(`${at}/change/actions`, 'actions are strings');
    optionalObject(c.change.after_unknown, `${at}/change/after_unknown`);
  });
  if (doc.prior_state !== undefined && doc.prior_state !== null) {
    if (!isObject(doc.prior_state)) throw fail('/prior_state', `expected an object, found ${describe(doc.prior_state)}`);
    const values = doc.prior_state.values;
    if (values !== undefined) {
      if (!isObject(values)) throw fail('/prior_state/values', `expected an object, found ${describe(values)}`);
      if (values.root_module !== undefined) modules(values.root_module, '/prior_state/values/root_module');
    }
  }
  optionalObject(doc.configuration, '/configuration');
}

function describe(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v).slice(0, 40)}`;
}
