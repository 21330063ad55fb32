import { create } from 'zustand';
import { runtime } from '../../app/runtime.js';

interface TeamNamesState {
  /** Team id → name, for the teams this account may see. */
  byId: Readonly<Record<string, string>>;
  loaded: boolean;
  loading: boolean;
  /** Fetched once per sign-in, the first time a canned reply may need `{{team.name}}`. */
  load(): Promise<void>;
}

export const useTeamNames = create<TeamNamesState>((set, get) => ({
  byId: {},
  loaded: false,
  loading: false,
  load: async () => {
    const { loaded, loading } = get();
    if (loaded || loading || !runtime.connection) return;
    set({ loading: true });
    try {
      const result = await runtime.connection.rest('listTeams');
      if (result.ok) set({ byId: Object.fromEntries(result.data.map((t) => [t.id, t.name])), loaded: true });
    } finally {
      set({ loading: false });
    }
  },
}));
