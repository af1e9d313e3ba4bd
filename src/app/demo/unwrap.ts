/** A use case's value, or the seed stops with its message (the seed's data is made to pass). */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(`demo seed: ${result.error.message}`);
  return result.value;
}
