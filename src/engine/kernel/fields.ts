// Saving an object's state as plain data and putting it back (the ground of snapshots): numbers,
// strings, typed arrays (copied; a view of another field's buffer stays a view of it), arrays,
// Sets of numbers and nested objects, walked field by field. Restoring writes into the objects
// that are there, so code holding a reference to one (a stage that destructured `ledger`) sees
// the restored state; a typed array of the same length is filled in place for the same reason.

type Plain = Record<string, unknown>;
type TypedArray = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;
const TYPED = { Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array } as const;
type TypedName = keyof typeof TYPED;

/** A field that is a view of another field's buffer. */
interface View { $view: string; type: TypedName }
const isView = (v: unknown): v is View => typeof v === 'object' && v !== null && '$view' in v;
const isSet = (v: unknown): v is { $set: number[] } => typeof v === 'object' && v !== null && '$set' in v;

/** The state of `obj`: every own field except functions and objects in `skip` (shared, not state). */
export function saveFields(obj: object, skip: ReadonlySet<unknown> = new Set()): Plain {
  const out: Plain = {};
  const buffers = new Map<ArrayBufferLike, string>();
  for (const [key, value] of Object.entries(obj)) {
    if (typeof value === 'function' || skip.has(value)) continue;
    if (ArrayBuffer.isView(value)) {
      const owner = buffers.get(value.buffer);
      if (owner !== undefined) out[key] = { $view: owner, type: value.constructor.name as TypedName } satisfies View;
      else {
        buffers.set(value.buffer, key);
        out[key] = (value as TypedArray).slice();
      }
    } else out[key] = saveValue(value, skip);
  }
  return out;
}

function saveValue(value: unknown, skip: ReadonlySet<unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value)) return (value as TypedArray).slice();
  if (Array.isArray(value)) return value.map((v) => saveValue(v, skip));
  if (value instanceof Set) return { $set: [...value] };
  if (value instanceof Map) throw new TypeError('saveFields: a Map cannot be saved; keep state in arrays');
  return saveFields(value, skip);
}

/** Puts a state saved by saveFields back into `obj` (the object it came from, or a twin built the same way). */
export function restoreFields(obj: object, state: Plain): void {
  const target = obj as Plain;
  const views: [string, View][] = [];
  for (const [key, saved] of Object.entries(state)) {
    if (isView(saved)) views.push([key, saved]);
    else target[key] = restoreValue(target[key], saved);
  }
  for (const [key, view] of views) {
    const owner = target[view.$view] as TypedArray;
    if (!(target[key] instanceof TYPED[view.type]) || (target[key] as TypedArray).buffer !== owner.buffer) target[key] = new TYPED[view.type](owner.buffer as ArrayBuffer);
  }
}

function restoreValue(current: unknown, saved: unknown): unknown {
  if (saved === null || typeof saved !== 'object') return saved;
  if (ArrayBuffer.isView(saved)) {
    const copy = saved as TypedArray;
    if (ArrayBuffer.isView(current) && (current as TypedArray).length === copy.length && current.constructor === copy.constructor) {
      (current as TypedArray).set(copy as never);
      return current;
    }
    return copy.slice();
  }
  if (Array.isArray(saved)) {
    const out = Array.isArray(current) ? current : [];
    out.length = saved.length;
    for (let i = 0; i < saved.length; i++) out[i] = restoreValue(out[i], saved[i]);
    return out;
  }
  if (isSet(saved)) {
    const out = current instanceof Set ? current : new Set<number>();
    out.clear();
    for (const x of saved.$set) out.add(x);
    return out;
  }
  const out = current !== null && typeof current === 'object' ? current : {};
  restoreFields(out, saved as Plain);
  return out;
}
