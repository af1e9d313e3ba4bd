import { gateSnapshotKey } from '../../db/repositories/events-repo.js';
import type { GateSnapshot } from '../../domain/gates/gate-snapshot.js';

/** An imported deal's gate snapshot as kept once for every deal that has the same one (decision 023). */
export interface SharedGate {
  /** The SHA-256 of `json`: the key it is kept under. */
  id: string;
  json: string;
}

/** Views remembered at most (a run of distinct, already qualified deals would otherwise grow without bound). */
const MAX_REMEMBERED = 1000;

/**
 * One run's gate snapshots: each judged once per distinct view of the facts (equal views, equal checks), each
 * written once.
 */
export class SharedGateSnapshots {
  private readonly byView = new Map<string, SharedGate>();
  private readonly written = new Set<string>();

  /** The snapshot of a deal whose facts the rules see as `view`; `judge` runs the first time only. */
  of(view: unknown, judge: () => GateSnapshot): SharedGate {
    const key = JSON.stringify(view);
    const known = this.byView.get(key);
    if (known) return known;
    const json = JSON.stringify(judge());
    const shared = { id: gateSnapshotKey(json), json };
    if (this.byView.size >= MAX_REMEMBERED) this.byView.clear();
    this.byView.set(key, shared);
    return shared;
  }

  /** Those of `gates` this run has not written yet, each once; they count as written from now on. */
  unwritten(gates: ReadonlyArray<SharedGate | null>): SharedGate[] {
    const fresh: SharedGate[] = [];
    for (const gate of gates) {
      if (!gate || this.written.has(gate.id)) continue;
      this.written.add(gate.id);
      fresh.push(gate);
    }
    return fresh;
  }
}
